package dev.switchboard.core.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import dev.switchboard.core.diag.InputException;
import dev.switchboard.core.proto.ProtoCache;
import dev.switchboard.core.proto.SourceHashes;
import dev.switchboard.core.testing.DebugLines;
import dev.switchboard.core.testing.ProtoProject;
import dev.switchboard.core.testing.TestClasspath;
import dev.switchboard.runtime.registry.Registry;
import dev.switchboard.runtime.registry.RegistryCodec;
import dev.switchboard.runtime.registry.RegistryFormat;
import dev.switchboard.runtime.registry.ServiceEntry;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RegistryBuilderTest {
    private static final String USER = """
            syntax = "proto3";
            package acme.user.v1;
            import "google/api/annotations.proto";
            import "switchboard/options.proto";
            service UserService {
              option (switchboard.group) = "identity";
              option (switchboard.rate_limit) = { requests_per_second: 5 burst: 1 };
              rpc GetUser(GetUserRequest) returns (User) { option (google.api.http) = { get: "/v1/users/{id}" }; }
              rpc WatchUsers(GetUserRequest) returns (stream User);
            }
            message GetUserRequest { string id = 1; }
            message User { string id = 1; }
            message UserCreatedEvent { User user = 1; }
            """;

    @TempDir
    Path dir;

    private ProtoProject project() {
        return new ProtoProject(dir).withGoogleCommonProtos().proto("acme/user/v1/user.proto", USER);
    }

    @Test
    @DisplayName(
            "a build that fails on its rules file stops the search for AWS SDK clients it started beside the protos")
    void failedBuildStopsTheAwsSearch() throws Exception {
        ProtoProject project =
                new ProtoProject(dir).withAws().rules("src/main/switchboard/rules.yaml", "capabilities: [\n");
        // The SDK's jars 200 times over, each time under other names: a search left running reads their
        // clients' class files for seconds more; a cancelled one stops before its next jar (often before
        // its first: the build fails as soon as the rules are read).
        List<Path> sdk = TestClasspath.jars().stream()
                .filter(j -> j.toString().contains("awssdk"))
                .toList();
        List<Path> links = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            for (Path jar : sdk) {
                Path link = Files.createSymbolicLink(dir.resolve(i + "-" + jar.getFileName()), jar);
                project.archive(link);
                links.add(link);
            }
        }

        try {
            assertThatThrownBy(() -> new RegistryBuilder().build(project.request()))
                    .isInstanceOf(InputException.class)
                    .hasMessageContaining("rules.yaml");

            for (Thread thread : Thread.getAllStackTraces().keySet()) {
                if (thread.getName().equals("switchboard-data-files")) {
                    thread.join(2_000);
                    assertThat(thread.isAlive())
                            .as("the data files' thread still looks for AWS SDK clients 2 s after the build failed")
                            .isFalse();
                }
            }
        } finally {
            // Removed here, once the search is over (a link gone would end it too), so that JUnit does not
            // warn about each link on its way out.
            for (Path link : links) {
                Files.delete(link);
            }
        }
    }

    @Test
    @DisplayName("the registry written from real protos is valid against the repository's JSON Schema")
    void outputMatchesSchema() throws Exception {
        RegistryOutcome outcome = new RegistryBuilder().build(project().request());

        JsonNode tree = RegistryCodec.mapper(RegistryFormat.JSON)
                .readTree(outcome.registryFile().toFile());
        JsonSchema schema;
        try (InputStream in = Registry.class.getResourceAsStream("registry-v1.schema.json")) {
            schema = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012)
                    .getSchema(in);
        }
        assertThat(schema.validate(tree)).isEmpty();
        assertThat(tree.at("/services/0/name").asText()).isEqualTo("user");
        assertThat(tree.at("/services/0/rateLimit/burst").asInt()).isEqualTo(1);
    }

    @Test
    @DisplayName("with debug on, each stage is reported with its duration; with debug off, nothing is")
    void stagesAtDebugLevel() throws Exception {
        ProtoProject project = project();
        DebugLines verbose = new DebugLines();
        List<String> debug = verbose.lines();

        new RegistryBuilder(verbose).build(project.request());
        new RegistryBuilder(verbose).build(project.request());

        assertThat(debug)
                .filteredOn(line -> line.startsWith("switchboard: registry stage"))
                .extracting(line -> line.replaceAll("took [0-9.]+ ms", "took N ms"))
                .containsExactly(
                        "switchboard: registry stage \"find the proto sources and input files\" took N ms",
                        "switchboard: registry stage \"up-to-date check\" took N ms",
                        "switchboard: registry stage \"read protos.parsed (protos.cache on a thread of its own)\" took N"
                                + " ms",
                        "switchboard: registry stage \"parse and check the protos\" took N ms",
                        "switchboard: registry stage \"read the rules and overrides files (beside the protos)\" took N"
                                + " ms",
                        "switchboard: registry stage \"look up the proto cache\" took N ms",
                        "switchboard: registry stage \"link 1 proto file(s)\" took N ms",
                        "switchboard: registry stage \"map the services\" took N ms",
                        "switchboard: registry stage \"infer, group and merge the overrides\" took N ms",
                        "switchboard: registry stage \"select the services\" took N ms",
                        "switchboard: registry stage \"write the registry's JSON\" took N ms",
                        "switchboard: registry stage \"find the proto sources and input files\" took N ms",
                        "switchboard: registry stage \"up-to-date check\" took N ms");
    }

    @Test
    @DisplayName("a broken rules file is reported before a broken proto, though both are read at once")
    void rulesProblemsFirst() throws Exception {
        ProtoProject project = project()
                .rules("src/main/switchboard/rules.yaml", "capabilities: [\n")
                .proto("acme/broken/v1/broken.proto", "syntax = \"proto3\";\nmessage {\n");

        assertThatThrownBy(() -> new RegistryBuilder().build(project.request()))
                .isInstanceOfSatisfying(
                        InputException.class,
                        e -> assertThat(e.problems())
                                .isNotEmpty()
                                .allSatisfy(p -> assertThat(p.where()).isEqualTo("src/main/switchboard/rules.yaml")));
    }

    @Test
    @DisplayName("unchanged inputs rewrite nothing: the file keeps its bytes and its modification time")
    void unchangedInputsRewriteNothing() throws Exception {
        ProtoProject project = project();
        RegistryOutcome first = new RegistryBuilder().build(project.request());
        Path file = first.registryFile();
        FileTime old = FileTime.fromMillis(1_000_000L);
        Files.setLastModifiedTime(file, old);
        byte[] bytes = Files.readAllBytes(file);

        RegistryOutcome second = new RegistryBuilder().build(project.request());

        assertThat(first.written()).isTrue();
        assertThat(second.written()).isFalse();
        assertThat(second.fingerprint()).isEqualTo(first.fingerprint());
        assertThat(Files.getLastModifiedTime(file)).isEqualTo(old);
        assertThat(Files.readAllBytes(file)).isEqualTo(bytes);
        assertThat(project.request().previousFile()).doesNotExist();
    }

    @Test
    @DisplayName("a proto touched but not changed is still up to date, and its new stamp is recorded")
    void touchedButUnchangedIsUpToDate() throws Exception {
        ProtoProject project = project();
        RegistryOutcome first = new RegistryBuilder().build(project.request());
        Path proto = project.sourceRoot().resolve("acme/user/v1/user.proto");
        Files.setLastModifiedTime(proto, FileTime.fromMillis(System.currentTimeMillis() - 60_000));
        String stampsBefore =
                Files.readString(project.request().registryDirectory().resolve("registry.inputs"));

        RegistryOutcome second = new RegistryBuilder().build(project.request());
        String stampsAfter =
                Files.readString(project.request().registryDirectory().resolve("registry.inputs"));

        assertThat(second.written()).isFalse();
        assertThat(second.fingerprint()).isEqualTo(first.fingerprint());
        assertThat(stampsAfter).isNotEqualTo(stampsBefore).endsWith("fingerprint " + first.fingerprint() + "\n");
    }

    @Test
    @DisplayName("the same inputs in another directory give the same bytes: no paths or timestamps in the output")
    void outputIsReproducible(@TempDir Path other) throws Exception {
        RegistryOutcome here = new RegistryBuilder().build(project().request());
        ProtoProject elsewhere =
                new ProtoProject(other).withGoogleCommonProtos().proto("acme/user/v1/user.proto", USER);
        RegistryOutcome there = new RegistryBuilder().build(elsewhere.request());

        assertThat(Files.readString(there.registryFile())).isEqualTo(Files.readString(here.registryFile()));
    }

    @Test
    @DisplayName("a changed proto rebuilds the registry and keeps the old one as registry.previous.json")
    void changeKeepsPrevious() throws Exception {
        ProtoProject project = project();
        byte[] before = Files.readAllBytes(
                new RegistryBuilder().build(project.request()).registryFile());
        project.proto(
                "acme/user/v1/user.proto",
                USER.replace("rpc WatchUsers", "rpc DeleteUser(GetUserRequest) returns (User);\n  rpc WatchUsers"));

        RegistryOutcome after = new RegistryBuilder().build(project.request());

        assertThat(after.written()).isTrue();
        assertThat(after.registry().service("user").orElseThrow().methods()).hasSize(3);
        assertThat(Files.readAllBytes(project.request().previousFile())).isEqualTo(before);
    }

    @Test
    @DisplayName("temporary files that a killed build left beside every file of the registry directory are"
            + " removed by the next build")
    void removesLeftoversOfEveryOwnFile() throws Exception {
        ProtoProject project = project();
        new RegistryBuilder().build(project.request());
        Path dir = project.request().registryDirectory();
        List<String> own = List.of(
                "registry.json",
                "registry.previous.json",
                "registry.inputs",
                ProtoCache.FILE,
                ProtoCache.PARSED_FILE,
                SourceHashes.FILE);
        for (String file : own) {
            Files.writeString(dir.resolve("." + file + "4711.tmp"), "half a file");
        }
        project.proto(
                "acme/user/v1/user.proto",
                USER.replace("rpc WatchUsers", "rpc Extra(GetUserRequest) returns (User);\n  rpc WatchUsers"));

        new RegistryBuilder().build(project.request());

        try (var files = Files.list(dir)) {
            assertThat(files.map(p -> p.getFileName().toString())).noneMatch(name -> name.endsWith(".tmp"));
        }
    }

    @Test
    @DisplayName("a broken proto fails with every problem and leaves the registry and its previous copy byte-identical")
    void brokenProtoKeepsOutputs() throws Exception {
        ProtoProject project = project();
        new RegistryBuilder().build(project.request());
        project.proto(
                "acme/user/v1/user.proto",
                USER.replace("rpc WatchUsers", "rpc Extra(GetUserRequest) returns (User);\n  rpc WatchUsers"));
        new RegistryBuilder().build(project.request());
        byte[] registry = Files.readAllBytes(project.request().registryFile());
        byte[] previous = Files.readAllBytes(project.request().previousFile());
        project.proto("acme/user/v1/user.proto", "syntax = \"proto3\";\nmessage {\n")
                .proto("other.proto", "garbage");

        assertThatThrownBy(() -> new RegistryBuilder().build(project.request()))
                .isInstanceOfSatisfying(
                        InputException.class, e -> assertThat(e.problems()).hasSize(2));
        assertThat(Files.readAllBytes(project.request().registryFile())).isEqualTo(registry);
        assertThat(Files.readAllBytes(project.request().previousFile())).isEqualTo(previous);
        try (var files = Files.list(project.request().registryDirectory())) {
            assertThat(files.map(p -> p.getFileName().toString()))
                    .containsExactlyInAnyOrder(
                            "registry.json",
                            "registry.previous.json",
                            "registry.inputs",
                            ProtoCache.FILE,
                            ProtoCache.PARSED_FILE,
                            SourceHashes.FILE,
                            ".lock");
        }
    }

    @Test
    @DisplayName("no protos warns naming the directory searched, or fails with failOnMissingSources")
    void missingSources() throws Exception {
        RegistryOutcome outcome = new RegistryBuilder().build(new ProtoProject(dir).request());

        assertThat(outcome.notes())
                .containsExactly("no .proto files found in src/main/proto; the registry has no proto services");
        assertThat(outcome.registry().services()).isEmpty();
        assertThatThrownBy(() -> new RegistryBuilder()
                        .build(new ProtoProject(dir.resolve("strict"))
                                .failOnMissingSources()
                                .request()))
                .isInstanceOf(InputException.class)
                .hasMessageContaining("<protoSourceRoots>: no .proto files found in src/main/proto");
    }

    @Test
    @DisplayName("overrides are merged last and a change to them alone rebuilds the registry")
    void overridesAreMergedLast() throws Exception {
        ProtoProject project =
                project().overrides("src/main/switchboard/overrides.yaml", "services:\n  user:\n    group: accounts\n");
        new RegistryBuilder().build(project.request());
        project.overrides("src/main/switchboard/overrides.yaml", "services:\n  user:\n    group: people\n");

        RegistryOutcome outcome = new RegistryBuilder().build(project.request());

        assertThat(outcome.written()).isTrue();
        assertThat(outcome.registry().service("user").map(ServiceEntry::group)).contains("people");
    }

    @Test
    @DisplayName("a commit that stops after replacing the registry leaves no stamps to vouch for it, so going back"
            + " to the inputs of the stamps before rebuilds the registry of those inputs")
    void commitStoppedAfterTheRegistry() throws Exception {
        ProtoProject project = project();
        Path user = project.sourceRoot().resolve("acme/user/v1/user.proto");
        FileTime old = FileTime.fromMillis(System.currentTimeMillis() - 3_600_000);
        Files.setLastModifiedTime(user, old);
        new RegistryBuilder().build(project.request());
        Path registryFile = project.request().registryFile();
        byte[] first = Files.readAllBytes(registryFile);

        project.proto("acme/user/v1/user.proto", USER.replace("GetUser(", "FetchUser("));
        // A directory where the commit writes sources.sha256, after the registry and before the stamps.
        Path blocker = registryFile.resolveSibling(SourceHashes.FILE);
        Files.delete(blocker);
        Files.createDirectories(blocker.resolve("blocked"));
        assertThatThrownBy(() -> new RegistryBuilder().build(project.request())).isInstanceOf(IOException.class);
        assertThat(Files.readAllBytes(registryFile)).isNotEqualTo(first);
        assertThat(project.request().inputsFile()).doesNotExist();

        Files.delete(blocker.resolve("blocked"));
        Files.delete(blocker);
        project.proto("acme/user/v1/user.proto", USER);
        Files.setLastModifiedTime(user, old);
        RegistryOutcome back = new RegistryBuilder().build(project.request());

        assertThat(back.written()).isTrue();
        assertThat(Files.readAllBytes(registryFile)).isEqualTo(first);
    }
}
