package dev.switchboard.core.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.switchboard.core.diag.InputException;
import dev.switchboard.core.proto.ProtoCache;
import dev.switchboard.core.proto.SourceHashes;
import dev.switchboard.core.testing.DebugLines;
import dev.switchboard.core.testing.ProtoProject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A build of many protos in a JVM of its own gives what a build in the caller's JVM gives, byte for byte. */
class RegistryForkTest {
    private static final String ORDERS = """
            syntax = "proto3";
            package acme.orders.v1;
            import "google/api/annotations.proto";
            import "acme/user/v1/user.proto";
            // Takes orders.
            service OrderService {
              rpc PlaceOrder(PlaceOrderRequest) returns (Order) { option (google.api.http) = { post: "/v1/orders" body: "*" }; }
            }
            message PlaceOrderRequest { acme.user.v1.GetUserRequest user = 1; }
            message Order { string id = 1; }
            """;

    @TempDir
    Path dir;

    private ProtoProject project(Path base) {
        return new ProtoProject(base)
                .withGoogleCommonProtos()
                .proto("acme/user/v1/user.proto", ProtoProject.USER_PROTO)
                .proto("acme/orders/v1/orders.proto", ORDERS)
                .select("order");
    }

    @Test
    @DisplayName("a forked build writes the registry, the proto cache and the hashes a build in this JVM writes")
    void sameOutputs() throws Exception {
        ProtoProject project = project(dir);
        RegistryOutcome here = new RegistryBuilder(new DebugLines(), RegistryFork.Mode.NEVER).build(project.request());
        Map<String, byte[]> expected = outputs(here.registryFile().getParent());
        deleteTree(here.registryFile().getParent());

        DebugLines debug = new DebugLines();
        RegistryOutcome forked = new RegistryBuilder(debug, RegistryFork.Mode.ALWAYS).build(project.request());

        // The child's stages come back as debug lines, and the parent says it forked.
        assertThat(debug.lines())
                .anyMatch(line -> line.startsWith(
                        "switchboard: 2 proto file(s) to read, so the registry is built in a" + " JVM of its own"))
                .anyMatch(line -> line.contains("registry stage \"parse and check the protos\""))
                .anyMatch(line -> line.contains("registry stage \"build in a forked JVM\""));
        Map<String, byte[]> actual = outputs(forked.registryFile().getParent());
        assertThat(actual.keySet())
                .containsExactlyElementsOf(expected.keySet())
                .contains(
                        RegistryRequest.REGISTRY_FILE,
                        ProtoCache.FILE,
                        ProtoCache.PARSED_FILE,
                        SourceHashes.FILE,
                        RegistryRequest.INPUTS_FILE);
        expected.forEach((name, bytes) -> assertThat(actual.get(name)).as(name).isEqualTo(bytes));
        assertThat(forked.written()).isTrue();
        assertThat(forked.fingerprint()).isEqualTo(here.fingerprint());
        assertThat(forked.registry().services()).isEqualTo(here.registry().services());
        assertThat(forked.selected()).isEqualTo(here.selected()).hasSize(1);
        assertThat(forked.notes()).isEqualTo(here.notes());

        // The next build in this JVM finds the forked build's registry current.
        RegistryOutcome again = new RegistryBuilder(new DebugLines(), RegistryFork.Mode.NEVER).build(project.request());
        assertThat(again.written()).isFalse();
    }

    @Test
    @DisplayName("the problems a forked build finds are reported as a build in this JVM reports them")
    void sameProblems() throws Exception {
        ProtoProject project = project(dir).proto("acme/broken/v1/broken.proto", """
                        syntax = "proto3";
                        package acme.broken.v1;
                        message Broken { Missing missing = 1; }
                        message Half {
                        """);
        InputException here = catchThrowableOfType(
                () -> new RegistryBuilder(new DebugLines(), RegistryFork.Mode.NEVER).build(project.request()),
                InputException.class);
        DebugLines debug = new DebugLines();
        InputException forked = catchThrowableOfType(
                () -> new RegistryBuilder(debug, RegistryFork.Mode.ALWAYS).build(project.request()),
                InputException.class);

        assertThat(debug.lines()).anyMatch(line -> line.contains("the registry is built in a JVM of its own"));
        assertThat(here).isNotNull();
        assertThat(forked).isNotNull();
        assertThat(forked.summary()).isEqualTo(here.summary());
        assertThat(forked.problems()).isEqualTo(here.problems()).isNotEmpty();
        assertThat(forked.problems().get(0).where()).endsWith("broken.proto");
        assertThat(Files.exists(project.request().registryFile())).isFalse();
    }

    @Test
    @DisplayName("when no JVM can be started, the registry is built in this one")
    void fallsBackWhenNoJvmStarts() throws Exception {
        ProtoProject project = project(dir);
        DebugLines debug = new DebugLines();
        String javaHome = System.getProperty("java.home");
        RegistryOutcome outcome;
        try {
            System.setProperty("java.home", dir.resolve("no-jdk-here").toString());
            outcome = new RegistryBuilder(debug, RegistryFork.Mode.ALWAYS).build(project.request());
        } finally {
            System.setProperty("java.home", javaHome);
        }

        assertThat(debug.lines())
                .anyMatch(line -> line.startsWith("switchboard: the JVM for the registry build could not be started (")
                        && line.endsWith("so the registry is built here"))
                .anyMatch(line -> line.contains("registry stage \"parse and check the protos\""))
                .noneMatch(line -> line.contains("build in a forked JVM"));
        assertThat(outcome.written()).isTrue();
        assertThat(outcome.registry().services()).extracting(s -> s.name()).containsExactly("order", "user");
    }

    @Test
    @DisplayName("auto forks from 2,000 files to read; always and never say the rest")
    void modes() {
        assertThat(RegistryFork.Mode.AUTO.forks(RegistryFork.FILES - 1)).isFalse();
        assertThat(RegistryFork.Mode.AUTO.forks(RegistryFork.FILES)).isTrue();
        assertThat(RegistryFork.Mode.ALWAYS.forks(0)).isTrue();
        assertThat(RegistryFork.Mode.NEVER.forks(100_000)).isFalse();
    }

    private static Map<String, byte[]> outputs(Path directory) throws Exception {
        Map<String, byte[]> files = new TreeMap<>();
        try (Stream<Path> list = Files.list(directory)) {
            for (Path file : list.toList()) {
                if (Files.isRegularFile(file) && !file.getFileName().toString().endsWith(".lock")) {
                    files.put(file.getFileName().toString(), Files.readAllBytes(file));
                }
            }
        }
        return files;
    }

    private static void deleteTree(Path directory) throws Exception {
        List<Path> files = new ArrayList<>();
        try (Stream<Path> walk = Files.walk(directory)) {
            walk.forEach(files::add);
        }
        for (int i = files.size() - 1; i >= 0; i--) {
            Files.delete(files.get(i));
        }
    }
}
