package dev.switchboard.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpServer;
import dev.switchboard.runtime.registry.Dependency;
import dev.switchboard.runtime.registry.Health;
import dev.switchboard.runtime.registry.Registry;
import dev.switchboard.runtime.registry.RegistryCodec;
import dev.switchboard.runtime.registry.RegistryFormat;
import dev.switchboard.runtime.registry.ServiceEntry;
import dev.switchboard.runtime.registry.ServiceKind;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Negative findings exit 1 with the finding on stderr and the report on stdout: an unhealthy service
 * behind a real local HTTP server, a breaking change against an older registry (a file, or an artifact
 * in a local repository), a validation error, stale profiles.
 */
class FindingsIT {
    /** The registry of the quickstart with user.DeleteUser, before the edit that removes it. */
    private static final String DELETE_USER = """
              rpc DeleteUser(DeleteUserRequest) returns (DeleteUserResponse) {
                option (google.api.http) = { delete: "/v1/users/{id}" };
              }
            """;

    @TempDir
    static Path project;

    private static String classpath;
    private static HttpServer server;
    private static final AtomicInteger STATUS = new AtomicInteger(200);

    @BeforeAll
    static void start() throws Exception {
        Sample.quickstart(project);
        classpath = Sample.classpath();
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/health/billing", exchange -> {
            byte[] body = (STATUS.get() == 200 ? "{\"status\":\"UP\"}" : "{\"status\":\"DOWN\"}")
                    .getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(STATUS.get(), body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        server.start();
    }

    @AfterAll
    static void stop() {
        server.stop(0);
    }

    private static String billing() {
        return "billing=http://127.0.0.1:" + server.getAddress().getPort();
    }

    @Test
    @DisplayName("health exits 1 when a checked service answers 503, and 0 when it answers 200")
    void unhealthy() {
        STATUS.set(503);
        Cli.Result down = Cli.run(project, "health", "--endpoint", billing(), "--classpath", classpath);
        STATUS.set(200);
        Cli.Result up =
                Cli.run(project, "health", "--endpoint", billing(), "--classpath", classpath, "--format", "json");

        SoftAssertions soft = new SoftAssertions();
        soft.assertThat(down.exit()).as(down.toString()).isEqualTo(1);
        soft.assertThat(down.stdout()).startsWith("SERVICE  STATUS").contains("billing  not serving");
        soft.assertThat(down.stdout()).contains("not checked (no endpoint): notification, order, user");
        soft.assertThat(down.stderr()).contains("switchboard: 1 of 1 service(s) unhealthy:\n  billing: ");
        soft.assertThat(up.exit()).as(up.toString()).isZero();
        JsonNode report = Json.single(up.stdout());
        soft.assertThat(report.get("results").get(0).get("service").asText()).isEqualTo("billing");
        soft.assertThat(report.get("results").get(0).get("healthy").asBoolean()).isTrue();
        soft.assertThat(up.stderr()).contains("switchboard: all 1 service(s) healthy (1 serving)");
        soft.assertAll();
    }

    @Test
    @DisplayName("health --monitor prints the report, then a line on stderr when a status changes, until stopped")
    void monitor() throws Exception {
        STATUS.set(200);
        List<String> command = List.of(
                Cli.java(),
                "-jar",
                Cli.JAR.toString(),
                "health",
                "--monitor",
                "--interval",
                "1",
                "--endpoint",
                billing(),
                "--classpath",
                classpath);
        Process process =
                new ProcessBuilder(command).directory(project.toFile()).start();
        process.getOutputStream().close();
        CompletableFuture<String> stdout = Cli.read(process.getInputStream());
        BufferedReader stderr =
                new BufferedReader(new InputStreamReader(process.getErrorStream(), StandardCharsets.UTF_8));
        List<String> seen = new ArrayList<>();
        try {
            await(stderr, seen, "switchboard: monitoring 1 service(s) every 1 s");
            STATUS.set(503);
            await(stderr, seen, "switchboard: billing: serving -> not serving");
            process.toHandle().destroy();
            assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
            assertThat(stdout.get(10, TimeUnit.SECONDS))
                    .startsWith("SERVICE  STATUS")
                    .contains("billing  serving");
        } finally {
            process.destroyForcibly();
            STATUS.set(200);
        }
    }

    /** Reads stderr lines until one contains {@code fragment}. */
    private static void await(BufferedReader stderr, List<String> seen, String fragment) throws Exception {
        for (String line = stderr.readLine(); line != null; line = stderr.readLine()) {
            seen.add(line);
            if (line.contains(fragment)) {
                return;
            }
        }
        throw new AssertionError("no stderr line with \"" + fragment + "\"; saw:\n" + String.join("\n", seen));
    }

    @Test
    @DisplayName("compare exits 1 on a removed method against an older registry file and the same registry in a jar")
    void breakingChange() throws Exception {
        Cli.Result before = Cli.run(project, "registry", "--classpath", classpath);
        assertThat(before.exit()).as(before.toString()).isZero();
        Path old = Files.copy(project.resolve("target/switchboard/registry.json"), project.resolve("old.json"));
        Path repository = project.resolve("repository");
        Path jar = repository.resolve("com/acme/registry-quickstart/1.0.0/registry-quickstart-1.0.0.jar");
        Files.createDirectories(jar.getParent());
        try (ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(jar))) {
            zip.putNextEntry(new ZipEntry("META-INF/switchboard/registry.json"));
            zip.write(Files.readAllBytes(old));
            zip.closeEntry();
        }
        Path user = project.resolve("src/main/proto/acme/user/v1/user.proto");
        String text = Files.readString(user);
        assertThat(text).contains(DELETE_USER);
        Files.writeString(user, text.replace(DELETE_USER, ""));
        try {
            Cli.Result file = Cli.run(project, "compare", "--against", "old.json", "--classpath", classpath);
            Cli.Result artifact = Cli.run(
                    project,
                    "compare",
                    "--against",
                    "com.acme:registry-quickstart:1.0.0",
                    "--local-repository",
                    repository.toString(),
                    "--format",
                    "json",
                    "--classpath",
                    classpath);
            Cli.Result allowed = Cli.run(
                    project, "compare", "--against", "old.json", "--no-fail-on-breaking", "--classpath", classpath);

            SoftAssertions soft = new SoftAssertions();
            soft.assertThat(file.exit()).as(file.toString()).isEqualTo(1);
            Golden.assertMatches("compare-removed-method.txt", file.stdout());
            soft.assertThat(file.stderr()).contains("switchboard: 1 breaking change(s): removed user.DeleteUser");
            soft.assertThat(artifact.exit()).as(artifact.toString()).isEqualTo(1);
            soft.assertThat(Json.single(artifact.stdout()).get("breaking").asInt())
                    .isEqualTo(1);
            soft.assertThat(allowed.exit()).as(allowed.toString()).isZero();
            soft.assertThat(allowed.stderr()).contains("switchboard: warning: 1 breaking change(s)");
            soft.assertAll();
        } finally {
            Files.writeString(user, text);
        }
    }

    @Test
    @DisplayName("validate exits 1 on a dependency that names no service, with the finding on stderr")
    void validationError() throws Exception {
        Registry registry = Registry.of(
                "f00d",
                List.of(ServiceEntry.builder("order", ServiceKind.GRPC)
                        .health(new Health("/health", null))
                        .addDependency(new Dependency("inventory", "override"))
                        .build()));
        Path file = Files.writeString(
                project.resolve("broken-registry.json"), RegistryCodec.write(registry, RegistryFormat.JSON));

        Cli.Result result = Cli.run(project, "validate", "--registry", file.toString());

        assertThat(result.exit()).as(result.toString()).isEqualTo(1);
        Golden.assertMatches("validate-error.txt", result.stdout());
        assertThat(result.stderr())
                .contains("switchboard: the registry has 1 error(s):\n  order: depends on \"inventory\" (override),"
                        + " which is not in the registry; correct the name or add that service");
    }

    @Test
    @DisplayName("profiles --check exits 1 while the profiles are missing, profiles writes them, then the check passes")
    void profiles() throws Exception {
        Path pom = Sample.write(project, "pom.xml", """
                <project>
                  <modelVersion>4.0.0</modelVersion>
                  <groupId>com.acme</groupId>
                  <artifactId>quickstart</artifactId>
                  <version>1.0.0</version>
                </project>
                """);

        Cli.Result missing = Cli.run(project, "profiles", "--check", "--classpath", classpath);
        Cli.Result write = Cli.run(project, "profiles", "--classpath", classpath);
        Cli.Result current = Cli.run(project, "profiles", "--check", "--classpath", classpath);

        SoftAssertions soft = new SoftAssertions();
        soft.assertThat(missing.exit()).as(missing.toString()).isEqualTo(1);
        soft.assertThat(missing.stderr())
                .contains("switchboard: the switchboard profiles in pom.xml are missing; run `switchboard profiles`");
        soft.assertThat(write.exit()).as(write.toString()).isZero();
        soft.assertThat(write.stderr())
                .contains(
                        "switchboard: wrote 15 group profiles (core, compute, storage, database, networking, messaging,"
                                + " security, analytics, ml, management, devtools, other, identity, payments, minimal;",
                        " lines) into pom.xml (they were missing) and imported the AWS SDK BOM; --groups writes fewer");
        soft.assertThat(Files.readString(pom)).contains("<id>identity</id>", "switchboard.group.identity");
        soft.assertThat(current.exit()).as(current.toString()).isZero();
        soft.assertThat(current.stderr()).contains("switchboard: the 15 group profiles in pom.xml are current");
        soft.assertThat(List.of(missing.stdout(), write.stdout(), current.stdout()))
                .containsOnly("");
        soft.assertAll();
        Files.delete(pom);
    }
}
