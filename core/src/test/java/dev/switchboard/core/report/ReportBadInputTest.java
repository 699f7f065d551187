package dev.switchboard.core.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.switchboard.core.diag.InputException;
import dev.switchboard.core.testing.OutputSnapshot;
import dev.switchboard.runtime.registry.Registry;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every bad input of the report (the health report it is given, the previous registry it finds) is
 * named at its place with what is wrong and what to do, all problems at once, and the report written
 * by an earlier good run stays byte for byte.
 */
class ReportBadInputTest {
    private static final String OPTION = "<healthReport> (switchboard.report.health)";
    private static final String GOOD_HEALTH = """
            {"results": [{"service": "user", "status": "serving", "healthy": true, "latencyMs": 3,
              "checked": "grpc://127.0.0.1:9090", "error": null}], "skipped": ["s3"]}
            """;

    @TempDir
    Path dir;

    /**
     * One bad input.
     *
     * @param healthFile the health report's name under the project, or null for none
     * @param health its text, or null to leave it missing
     * @param previous the text of registry.previous.json, or null for a good one
     * @param expected fragments of the one problem line each expected problem gives, in order
     */
    record Case(String name, String healthFile, String health, String previous, List<List<String>> expected) {
        @Override
        public String toString() {
            return name;
        }
    }

    private static Case health(String name, String file, String text, String... fragments) {
        return new Case(name, file, text, null, List.of(List.of(fragments)));
    }

    static Stream<Case> cases() {
        return Stream.of(
                health(
                        "a health report that does not exist",
                        "target/health.json",
                        null,
                        OPTION + ": target/health.json does not exist",
                        "mvn switchboard:health -Dswitchboard.format=json -Dswitchboard.output="),
                health(
                        "a health report written as a table",
                        "target/health.txt",
                        "SERVICE  STATUS   LATENCY\nuser     serving  3 ms\n",
                        "target/health.txt:1:1: is not a JSON health report",
                        "unless it is asked for JSON",
                        "-Dswitchboard.format=json"),
                health(
                        "a health report with a JSON syntax error",
                        "target/health.json",
                        "{\"results\": [\n  {\"service\": \"user\" \"status\": \"serving\"}\n]}\n",
                        "target/health.json:2:22: is not valid JSON:",
                        "fix the file or write one with"),
                health(
                        "a health report with a YAML syntax error",
                        "target/health.yaml",
                        "results:\n  - service: user\n   status: [serving\n",
                        "target/health.yaml:3:",
                        "is not valid YAML",
                        "fix the file or write one with"),
                health(
                        "results that are not a list",
                        "target/health.json",
                        "{\"results\": {\"service\": \"user\"}}",
                        "target/health.json:1:13: \"results\" is not a list",
                        "make it a list of results"),
                health(
                        "a result without a service",
                        "target/health.json",
                        "{\"results\": [\n  {\"status\": \"serving\"}\n]}",
                        "target/health.json:2:3: results[0] has no \"service\"",
                        "name the registry service it is about"),
                health(
                        "a result without a status",
                        "target/health.json",
                        "{\"results\": [\n  {\"service\": \"user\"}\n]}",
                        "target/health.json:2:3: results[0] has no \"status\"",
                        "use one of serving, reachable, not_serving"),
                health(
                        "a mistyped status",
                        "target/health.json",
                        "{\"results\": [\n  {\"service\": \"user\", \"status\": \"servng\"}\n]}",
                        "target/health.json:2:33: results[0].status \"servng\" is not a health status",
                        "use one of serving,",
                        "nearest: serving"),
                health(
                        "a service name that is a number",
                        "target/health.json",
                        "{\"results\": [{\"service\": 42, \"status\": \"serving\"}]}",
                        "target/health.json:1:26: results[0].service is not a string",
                        "write it as a name in quotes"),
                health(
                        "a document that is a list",
                        "target/health.json",
                        "[{\"service\": \"user\"}]",
                        "target/health.json:1:1: is not a JSON health report"),
                health(
                        "an object without results",
                        "target/health.json",
                        "{\"skipped\": []}",
                        "target/health.json:1:1: has no \"results\" list",
                        "write one with `mvn switchboard:health"),
                new Case(
                        "a corrupt previous registry",
                        null,
                        null,
                        "{\"schemaVersion\": 1, \"services\": [ {\"name\": 3",
                        List.of(List.of(
                                "target/switchboard/registry.previous.json:1:", "delete it to show no changes"))),
                new Case(
                        "a corrupt previous registry and a missing health report, both at once",
                        "health.json",
                        null,
                        "not json",
                        List.of(
                                List.of(OPTION + ": health.json does not exist"),
                                List.of("target/switchboard/registry.previous.json:1:1:", "delete it"))));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    @DisplayName("a bad input of the report is named at its place with the fix, and the earlier report stays")
    void badInput(Case c) throws Exception {
        Path registryDirectory = dir.resolve("target/switchboard");
        Path out = dir.resolve("target/switchboard/report/index.html");
        Files.createDirectories(registryDirectory);
        Registry registry = ReportFixtures.sixServices();
        Files.writeString(
                registryDirectory.resolve("registry.previous.json"),
                dev.switchboard.runtime.registry.RegistryCodec.write(
                        registry, dev.switchboard.runtime.registry.RegistryFormat.JSON));
        Path goodHealth = dir.resolve("target/good-health.json");
        Files.writeString(goodHealth, GOOD_HEALTH);
        report(registry, registryDirectory, goodHealth, out);
        OutputSnapshot before = OutputSnapshot.of(dir.resolve("target"));

        if (c.previous() != null) {
            Files.writeString(registryDirectory.resolve("registry.previous.json"), c.previous());
        }
        Path health = c.healthFile() == null ? null : dir.resolve(c.healthFile());
        if (c.health() != null) {
            Files.createDirectories(health.getParent());
            Files.writeString(health, c.health(), StandardCharsets.UTF_8);
        }
        OutputSnapshot broken = OutputSnapshot.of(dir.resolve("target"));

        InputException e =
                catchThrowableOfType(InputException.class, () -> report(registry, registryDirectory, health, out));

        assertThat(e).as("the report refuses the input").isNotNull();
        List<String> lines = e.problems().stream().map(Object::toString).toList();
        assertThat(lines).hasSize(c.expected().size());
        for (int i = 0; i < lines.size(); i++) {
            assertThat(lines.get(i)).contains(c.expected().get(i));
        }
        assertThat(e.getMessage()).doesNotContain("Exception", "com.fasterxml", "dev.switchboard");
        broken.assertUnchanged(dir.resolve("target"));
        assertThat(before.size()).as("files of the earlier good run").isEqualTo(3);
    }

    /** What a front end does: read the inputs, then write the page. */
    private void report(Registry registry, Path registryDirectory, Path health, Path out) throws Exception {
        ReportInputs inputs =
                ReportInputs.read("acme", registryDirectory.resolve("registry.previous.json"), health, OPTION, dir);
        ReportWriter.write(registry, inputs, out);
    }
}
