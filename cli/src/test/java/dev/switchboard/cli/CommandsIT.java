package dev.switchboard.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every command that reads the registry, run as a process on the quickstart protos: stdout against the
 * golden files, the exit status, and stderr kept apart from the data.
 */
class CommandsIT {
    @TempDir
    static Path project;

    private static String classpath;

    @BeforeAll
    static void buildRegistry() {
        Sample.quickstart(project);
        classpath = Sample.protoClasspath();
        Cli.Result first = Cli.run(project, "registry", "--classpath", classpath);
        assertThat(first.exit()).as(first.toString()).isZero();
        assertThat(first.stderr()).contains("switchboard: wrote target/switchboard/registry.json with 4 service(s)");
    }

    private static Cli.Result run(String... args) {
        List<String> all = new ArrayList<>(List.of(args));
        all.add("--classpath");
        all.add(classpath);
        return Cli.run(project, all.toArray(String[]::new));
    }

    /** The command lines whose stdout is a golden file; each exits 0. */
    static Stream<Arguments> views() {
        return Stream.of(
                Arguments.of("registry.txt", new String[] {"registry"}),
                Arguments.of("services.txt", new String[] {"services"}),
                Arguments.of("services.json", new String[] {"services", "--format", "json"}),
                Arguments.of("services.yaml", new String[] {"services", "--format", "yaml"}),
                Arguments.of("events.txt", new String[] {"events"}),
                Arguments.of("events.json", new String[] {"events", "--format", "json"}),
                Arguments.of("inspect-user.txt", new String[] {"inspect", "--service", "user"}),
                Arguments.of("inspect-user.json", new String[] {"inspect", "--service", "user", "--format", "json"}),
                Arguments.of("graph.json", new String[] {"graph"}),
                Arguments.of("graph.dot", new String[] {"graph", "--format", "dot"}),
                Arguments.of("graph.mermaid", new String[] {"graph", "--format", "mermaid"}),
                Arguments.of("validate.txt", new String[] {"validate"}),
                Arguments.of("validate.json", new String[] {"validate", "--format", "json"}),
                Arguments.of("health-no-endpoints.txt", new String[] {"health"}),
                Arguments.of("health-no-endpoints.json", new String[] {"health", "--format", "json"}),
                Arguments.of(
                        "compare-order-order.txt",
                        new String[] {"compare", "--service", "order", "--compare-to", "order"}));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("views")
    @DisplayName("a view prints its golden output on stdout and exits 0; a json view is one JSON document")
    void view(String golden, String[] args) {
        Cli.Result result = run(args);

        assertThat(result.exit()).as(result.toString()).isZero();
        Golden.assertMatches(golden, result.stdout());
        if (golden.endsWith(".json")) {
            Json.single(result.stdout());
        }
        assertThat(result.stderr()).as("stderr holds messages, never the data").doesNotContain("NAME  ");
    }

    @Test
    @DisplayName("registry --format json prints the registry itself, fingerprint and all four services")
    void registryJson() {
        Cli.Result result = run("registry", "--format", "json");

        assertThat(result.exit()).as(result.toString()).isZero();
        JsonNode registry = Json.single(result.stdout());
        assertThat(registry.get("fingerprint").asText()).hasSize(64);
        assertThat(registry.get("services"))
                .extracting(s -> s.get("name").asText())
                .containsExactly("billing", "notification", "order", "user");
        assertThat(result.stderr()).contains("registry is up to date");
    }

    @Test
    @DisplayName("--registry reads a registry file instead of building one, with the same view")
    void registryFile() throws Exception {
        Path copy = Files.copy(project.resolve("target/switchboard/registry.json"), project.resolve("copy.json"));

        Cli.Result result = Cli.run(project, "services", "--registry", copy.toString());

        assertThat(result.exit()).as(result.toString()).isZero();
        Golden.assertMatches("services.txt", result.stdout());
    }

    @Test
    @DisplayName("report writes one self-contained page listing every service and prints its path")
    void report() throws Exception {
        Cli.Result result = run("report", "--title", "acme");

        assertThat(result.exit()).as(result.toString()).isZero();
        Path page = project.resolve("target/switchboard/report/index.html");
        assertThat(result.stdout().strip()).isEqualTo(page.toString());
        assertThat(result.stderr()).contains("switchboard: wrote target/switchboard/report/index.html (4 services");
        String html = Files.readString(page);
        assertThat(html)
                .contains("<title>acme")
                .contains("billing")
                .contains("notification")
                .contains("order");
        assertThat(html).doesNotContainPattern("(src|href)=\"https?:");
    }

    @Test
    @DisplayName("compare of two services that differ prints the changes and exits 1 for the breaking ones")
    void compareServices() {
        Cli.Result result = run("compare", "--service", "order", "--compare-to", "billing");

        SoftAssertions soft = new SoftAssertions();
        soft.assertThat(result.exit()).as(result.toString()).isEqualTo(1);
        Golden.assertMatches("compare-order-billing.txt", result.stdout());
        soft.assertThat(result.stderr())
                .contains("switchboard: 2 breaking change(s): removed order→billing.PlaceOrder (RPC_NO_DELETE,"
                        + " acme/order/v1/order.proto); removed order→billing.SearchOrders (RPC_NO_DELETE,");
        soft.assertAll();
    }

    @Test
    @DisplayName("validate says the registry is valid on stderr, with its warnings counted")
    void validateMessage() {
        Cli.Result result = run("validate");

        assertThat(result.stderr()).contains("switchboard: the registry is valid (2 warning(s))");
    }

    @Test
    @DisplayName("--output writes the view to a file atomically and prints nothing on stdout")
    void outputFile() throws Exception {
        Cli.Result result = run("services", "--format", "json", "--output", "out/services.json");

        assertThat(result.exit()).as(result.toString()).isZero();
        assertThat(result.stdout()).isEmpty();
        assertThat(result.stderr()).contains("switchboard: wrote out/services.json");
        Golden.assertMatches("services.json", Files.readString(project.resolve("out/services.json")));
    }

    @Test
    @DisplayName("--quiet leaves stderr empty on success; --verbose adds the stages")
    void levels() {
        Cli.Result quiet = run("registry", "--quiet");
        Cli.Result verbose = run("services", "--verbose");

        assertThat(quiet.exit()).isZero();
        assertThat(quiet.stderr()).isEmpty();
        Golden.assertMatches("registry.txt", quiet.stdout());
        assertThat(verbose.stderr()).contains("switchboard: registry target/switchboard/registry.json (up to date");
    }

    @Test
    @DisplayName("a gRPC endpoint whose host does not resolve is reported once, in words, with no logging of gRPC's")
    void grpcHostUnknown() {
        Cli.Result result = run("health", "--endpoint", "user=grpc://nothing.invalid:9090");

        assertThat(result.exit()).as(result.toString()).isNotZero();
        assertThat(result.stdout()).contains("user", "unreachable");
        assertThat(result.stderr())
                .contains("user: unreachable: ")
                .doesNotContain("WARNING", "io.grpc", "\tat ", "Exception");
    }
}
