package dev.switchboard.core.watch;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.core.diag.Reporter;
import dev.switchboard.core.render.GenerateRequest;
import dev.switchboard.core.render.SourceGenerator;
import dev.switchboard.core.testing.ProtoProject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WatchSessionTest {
    private static final String USER = ProtoProject.USER_PROTO;

    private static final String BILLING = """
            syntax = "proto3";
            package acme.billing.v1;
            service BillingService {
              rpc Charge(ChargeRequest) returns (ChargeResponse);
            }
            message ChargeRequest { string id = 1; }
            message ChargeResponse { string id = 1; }
            """;

    private static final String USER_FILE = "acme/user/v1/user.proto";

    @TempDir
    Path dir;

    /** Every line the session logs, as {@code INFO …} or {@code ERROR …}. */
    private final BlockingQueue<String> lines = new LinkedBlockingQueue<>();

    private final Reporter log = new Reporter() {
        @Override
        public void info(String message) {
            lines.add("INFO " + message);
        }

        @Override
        public void warn(String message) {
            lines.add("WARN " + message);
        }

        @Override
        public void error(String message) {
            lines.add("ERROR " + message);
        }
    };

    private GenerateRequest request(ProtoProject project) {
        return new GenerateRequest(
                project.request(),
                "com.acme.switchboard",
                "ServiceClients",
                dir.resolve("target/generated-sources/switchboard"),
                dir.resolve("target/generated-resources/switchboard"),
                null,
                List.of(),
                true,
                null);
    }

    /** The project built once, as the goal does before it starts watching. */
    private WatchSession started(GenerateRequest request) throws Exception {
        return new WatchSession(
                new SourceGenerator().generate(request).registry().services(), log);
    }

    /** The watcher as the goal starts it, with a short quiet period. */
    private static ProtoWatcher watching(GenerateRequest request, WatchSession session) throws IOException {
        return ProtoWatcher.start(
                WatchRequest.of(request, List.of(), Duration.ofMillis(50)), changed -> session.rebuild(request));
    }

    /** The next line that starts with {@code prefix}, skipping the others; waits at most 10 s. */
    private String next(String prefix) throws InterruptedException {
        while (true) {
            String line = lines.poll(ProtoWatcherTest.WAIT_SECONDS, TimeUnit.SECONDS);
            assertThat(line).as("a line starting with \"%s\"", prefix).isNotNull();
            if (line.startsWith(prefix)) {
                return line;
            }
        }
    }

    /** Every output the watch must keep on a failed rebuild: the registry and the generated files. */
    private Map<String, byte[]> outputs() throws IOException {
        Map<String, byte[]> out = new TreeMap<>();
        try (Stream<Path> walk = Files.walk(dir.resolve("target"))) {
            for (Path f : walk.filter(Files::isRegularFile).toList()) {
                out.put(dir.relativize(f).toString(), Files.readAllBytes(f));
            }
        }
        return out;
    }

    @Test
    @DisplayName("an edit under the watcher regenerates the sources and logs the method it added")
    void editRegeneratesSources() throws Exception {
        ProtoProject project = new ProtoProject(dir).proto(USER_FILE, USER);
        GenerateRequest request = request(project);
        WatchSession session = started(request);
        Path bundled = request.resourceDirectory().resolve("META-INF/switchboard/registry.json");
        assertThat(Files.readString(bundled)).doesNotContain("DeleteUser");

        try (ProtoWatcher ignored = watching(request, session)) {
            project.proto(
                    USER_FILE,
                    USER.replace(
                            "rpc GetUser(GetUserRequest) returns (User);",
                            "rpc GetUser(GetUserRequest) returns (User);\n  rpc DeleteUser(GetUserRequest) returns (User);"));

            assertThat(next("INFO switchboard: watch:"))
                    .matches(
                            "INFO switchboard: watch: \\+method user\\.DeleteUser, \\d+ files? regenerated \\(\\d+ ms\\)");
            assertThat(Files.readString(bundled)).contains("DeleteUser");
        }
    }

    @Test
    @DisplayName("a broken edit logs file:line:col and keeps every output byte for byte; the fix recovers")
    void brokenEditThenFix() throws Exception {
        ProtoProject project = new ProtoProject(dir).proto(USER_FILE, USER);
        GenerateRequest request = request(project);
        WatchSession session = started(request);
        Map<String, byte[]> before = outputs();

        try (ProtoWatcher ignored = watching(request, session)) {
            project.proto(USER_FILE, USER.replace("message User {", "message User {{"));
            String problem = next("ERROR");
            String failed = next("ERROR switchboard: watch:");

            SoftAssertions soft = new SoftAssertions();
            soft.assertThat(problem).matches("ERROR .*acme/user/v1/user\\.proto:9:15: syntax error.*");
            soft.assertThat(failed).contains("left as they were");
            soft.assertThat(outputs())
                    .as("the registry and the generated files after the broken edit")
                    .containsOnlyKeys(before.keySet())
                    .allSatisfy((file, bytes) -> assertThat(bytes).as(file).isEqualTo(before.get(file)));
            soft.assertAll();

            project.proto(USER_FILE, USER.replace("rpc GetUser", "rpc FindUser"));
            assertThat(next("INFO switchboard: watch:"))
                    .startsWith("INFO switchboard: watch: recovered, -method user.GetUser, +method user.FindUser, ");
        }
    }

    @Test
    @DisplayName("the line names services added and removed, and a touch that changes nothing says so")
    void lineNamesServicesAndNoOps() throws Exception {
        ProtoProject project = new ProtoProject(dir).proto(USER_FILE, USER);
        GenerateRequest request = request(project);
        WatchSession session = started(request);

        project.proto("acme/billing/v1/billing.proto", BILLING);
        session.rebuild(request);
        assertThat(next("INFO")).startsWith("INFO switchboard: watch: +service billing, ");

        Files.delete(project.sourceRoot().resolve(USER_FILE));
        session.rebuild(request);
        assertThat(next("INFO")).startsWith("INFO switchboard: watch: -service user, ");

        session.rebuild(request);
        assertThat(next("INFO")).matches("INFO switchboard: watch: nothing changed \\(\\d+ ms\\)");
    }

    @Test
    @DisplayName("a rebuild that cannot write says which file is in the way, in words, and keeps watching")
    void outputInTheWay() throws Exception {
        ProtoProject project = new ProtoProject(dir).proto(USER_FILE, USER);
        GenerateRequest request = request(project);
        WatchSession session = started(request);
        // The generated package's directory replaced by a file: the directory the goal owns is there.
        Path sources = request.sourceDirectory().resolve("com/acme/switchboard");
        try (Stream<Path> walk = Files.walk(sources)) {
            walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
        Files.writeString(sources, "a file where the generated package goes\n");

        project.proto(USER_FILE, USER.replace("rpc GetUser", "rpc FindUser"));
        session.rebuild(request);

        assertThat(next("ERROR"))
                .isEqualTo("ERROR switchboard: watch: cannot read an input or write the generated files: " + sources
                        + " is in the way: a file or directory of that name exists; the registry and generated"
                        + " sources were left as they were, waiting for the next change");

        Files.delete(sources);
        session.rebuild(request);
        assertThat(next("INFO")).startsWith("INFO switchboard: watch: recovered, ");
    }
}
