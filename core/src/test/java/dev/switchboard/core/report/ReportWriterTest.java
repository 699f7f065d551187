package dev.switchboard.core.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.SoftAssertions.assertSoftly;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.switchboard.core.inspect.Format;
import dev.switchboard.core.inspect.HealthReport;
import dev.switchboard.runtime.health.HealthResult;
import dev.switchboard.runtime.health.HealthStatus;
import dev.switchboard.runtime.registry.Registry;
import dev.switchboard.runtime.registry.ServiceEntry;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The report's page and model, without a browser. */
class ReportWriterTest {
    @TempDir
    Path dir;

    private static String html(Registry registry) throws Exception {
        return ReportWriter.html(registry, new ReportInputs("acme", null, null));
    }

    @Test
    @DisplayName("markup in a description, an owner or a tag is printed as text, in the page and in the graph's data")
    void escapesEverything() throws Exception {
        String page = html(ReportFixtures.sixServices());

        assertThat(page)
                .doesNotContain("<img src=x", "<script>window.pwned", "<b>team-cart</b>", "\"><script>")
                .contains("&lt;img src=x onerror=&quot;window.pwned = 2&quot;&gt;")
                .contains("&lt;b&gt;team-cart&lt;/b&gt;");
        String open = "id=\"graph-data\">";
        int start = page.indexOf(open) + open.length();
        String graph = page.substring(start, page.indexOf("</script>", start));
        assertThat(graph).doesNotContain("<", ">", "&");
        // Every script element ends where the template ends it: one closing tag per opening tag.
        assertThat(count(page, "<script")).isEqualTo(count(page, "</script>"));
    }

    @Test
    @DisplayName("the page loads nothing when viewed: no address in src, href or url(), and a policy that forbids it")
    void selfContained() throws Exception {
        String page = html(ReportFixtures.generated(60, 20, 10));

        Matcher load = Pattern.compile("(?i)(\\bsrc\\s*=|\\bhref\\s*=|url\\()\\s*[\"']?\\s*(https?:)?//")
                .matcher(page);
        assertThat(load.find())
                .as("a URL the page would load: %s", load.find(0) ? load.group() : "")
                .isFalse();
        assertThat(page)
                .doesNotContain("@import")
                .contains("Content-Security-Policy\" content=\"default-src 'none';")
                .contains("Cytoscape Consortium");
    }

    @Test
    @DisplayName("the same registry gives the same bytes, and an unchanged report is not written again")
    void deterministic() throws Exception {
        Registry registry = ReportFixtures.generated(300, 100, 40);
        Path out = dir.resolve("report/index.html");

        ReportWriter.Outcome first = ReportWriter.write(registry, new ReportInputs("acme", null, null), out);
        byte[] bytes = Files.readAllBytes(out);
        ReportWriter.Outcome second =
                ReportWriter.write(ReportFixtures.generated(300, 100, 40), new ReportInputs("acme", null, null), out);

        assertThat(first.written()).isTrue();
        assertThat(second.written()).isFalse();
        assertThat(Files.readAllBytes(out)).isEqualTo(bytes);
        assertThat(first.counts().services()).isEqualTo(300);
        assertThat(first.counts().dependencies()).isEqualTo(140);
        assertThat(first.cycles()).hasSize(2);
    }

    @Test
    @DisplayName("changes since the previous registry: added services, changed methods, breaking ones marked")
    void changes() {
        Registry now = ReportFixtures.sixServices();
        ServiceEntry orders = now.service("orders").orElseThrow();
        Registry before = new Registry(
                Registry.SCHEMA_VERSION,
                null,
                List.of(
                        now.service("user").orElseThrow(),
                        orders.toBuilder()
                                .methods(List.of(
                                        orders.methods().get(0),
                                        ReportFixtures.method(
                                                "CancelOrder", "a.Cancel", "a.Order", false, false, false)))
                                .build()));

        ReportModel model =
                ReportModelBuilder.build(now, new ReportInputs("acme", before, null), GraphLibrary.cytoscape());

        assertSoftly(soft -> {
            soft.assertThat(model.hasPrevious()).isTrue();
            soft.assertThat(model.changes())
                    .extracting(c -> c.kind() + " " + c.subject() + " " + c.breaking())
                    .containsExactly(
                            "added service billing false",
                            "added service cart false",
                            "removed orders.CancelOrder true",
                            "added orders.Chat false",
                            "added service catalog false",
                            "added service s3 false");
            soft.assertThat(view(model, "orders").change()).isEqualTo("changed");
            soft.assertThat(view(model, "orders").breaking()).isTrue();
            soft.assertThat(view(model, "orders").changes())
                    .extracting(ReportModel.ChangeView::subject)
                    .containsExactly("orders.CancelOrder", "orders.Chat");
            soft.assertThat(view(model, "cart").change()).isEqualTo("added");
            soft.assertThat(view(model, "user").change()).isEmpty();
            soft.assertThat(model.counts().breaking()).isEqualTo(1);
        });
    }

    @Test
    @DisplayName(
            "health: each service's last status from the report the health goal writes, skipped ones and strangers said")
    void health() throws Exception {
        String json = HealthReport.render(
                List.of(
                        new HealthResult(
                                "user", HealthStatus.SERVING, Duration.ofMillis(4), "grpc://127.0.0.1:9090", null),
                        new HealthResult(
                                "billing",
                                HealthStatus.NOT_SERVING,
                                Duration.ofMillis(12),
                                "http://127.0.0.1:8080/health",
                                "HTTP 503"),
                        new HealthResult(
                                "ghost",
                                HealthStatus.UNREACHABLE,
                                Duration.ofMillis(1),
                                "http://127.0.0.1:1",
                                "refused")),
                List.of("s3"),
                Format.JSON);
        Path file = dir.resolve("health.json");
        Files.writeString(file, json);
        Path yaml = dir.resolve("health.yaml");
        Files.writeString(yaml, HealthReport.render(HealthSnapshotRoundTrip.results(), List.of(), Format.YAML));

        HealthSnapshot snapshot = HealthSnapshot.read(file, "health.json");
        ReportModel model = ReportModelBuilder.build(
                ReportFixtures.sixServices(), new ReportInputs("acme", null, snapshot), GraphLibrary.cytoscape());

        assertSoftly(soft -> {
            soft.assertThat(view(model, "user").health())
                    .isEqualTo(new ReportModel.HealthView(
                            true, "serving", "serving", true, "4 ms", "grpc://127.0.0.1:9090", ""));
            soft.assertThat(view(model, "billing").health().words()).isEqualTo("not serving");
            soft.assertThat(view(model, "billing").health().key()).isEqualTo("not-serving");
            soft.assertThat(view(model, "billing").health().error()).isEqualTo("HTTP 503");
            soft.assertThat(view(model, "s3").health().words()).isEqualTo("no endpoint");
            soft.assertThat(view(model, "cart").health().known()).isFalse();
            soft.assertThat(model.healthSummary()).containsExactly("1 serving", "1 not serving");
            soft.assertThat(model.counts().unhealthy()).isEqualTo(1);
            soft.assertThat(model.notes())
                    .anySatisfy(n -> assertThat(n).contains("health report names 1 service(s)", "ghost"));
        });
        assertThat(HealthSnapshot.read(yaml, "health.yaml").results()).hasSize(2);
    }

    @Test
    @DisplayName(
            "the graph: a node per service plus dashed ones for names the registry lacks, cycle edges and hubs marked")
    void graph() throws Exception {
        ReportModel small = ReportModelBuilder.build(
                ReportFixtures.sixServices(), new ReportInputs("acme", null, null), GraphLibrary.cytoscape());
        JsonNode json = new ObjectMapper().readTree(small.graphJson());

        assertThat(names(json.get("nodes"), "id"))
                .containsExactly("billing", "cart", "catalog", "orders", "s3", "user", "pricing");
        assertThat(json.get("nodes").get(6).get("unknown").asBoolean()).isTrue();
        assertThat(StreamSupport.stream(json.get("edges").spliterator(), false)
                        .filter(e -> e.get("cycle").asBoolean())
                        .map(e ->
                                e.get("source").asText() + ">" + e.get("target").asText()))
                .containsExactlyInAnyOrder("billing>orders", "orders>billing", "orders>user", "user>billing");
        assertThat(small.cycles()).containsExactly("billing → orders → user → billing", "billing → orders → billing");

        ReportModel big = ReportModelBuilder.build(
                ReportFixtures.generated(1700, 494, 91), new ReportInputs("big", null, null), GraphLibrary.cytoscape());
        assertThat(big.hubThreshold()).isEqualTo(34);
        assertThat(big.services().stream().filter(ReportModel.ServiceView::hub).map(ReportModel.ServiceView::name))
                .containsExactly("operations");
        assertThat(big.mostDependedOn().get(0))
                .isEqualTo(new ReportModel.Ranked("operations", "service-operations", 494));
    }

    @Test
    @DisplayName("a service's anchor is its name, percent-encoded beyond letters, digits and - . _")
    void anchors() {
        assertThat(ReportModelBuilder.anchor("dynamodb-streams")).isEqualTo("service-dynamodb-streams");
        assertThat(ReportModelBuilder.anchor("a b\"<c>")).isEqualTo("service-a%20b%22%3Cc%3E");
    }

    @Test
    @DisplayName("a description wrapped at a column reads as paragraphs: lines joined, blank lines kept")
    void paragraphs() {
        assertThat(ReportModelBuilder.paragraphs("Orders: placing one\nbooks the shipment.\n\n  Second  \n\n\nThird\n"))
                .isEqualTo("Orders: placing one books the shipment.\n\nSecond\n\nThird");
        assertThat(ReportModelBuilder.paragraphs(null)).isEmpty();
    }

    private static ReportModel.ServiceView view(ReportModel model, String name) {
        return model.services().stream()
                .filter(s -> s.name().equals(name))
                .findFirst()
                .orElseThrow();
    }

    private static List<String> names(JsonNode array, String field) {
        return StreamSupport.stream(array.spliterator(), false)
                .map(n -> n.get(field).asText())
                .toList();
    }

    private static int count(String text, String part) {
        int n = 0;
        for (int i = text.indexOf(part); i >= 0; i = text.indexOf(part, i + 1)) {
            n++;
        }
        return n;
    }

    /** Two results, for the YAML round trip. */
    private static final class HealthSnapshotRoundTrip {
        static List<HealthResult> results() {
            return List.of(
                    new HealthResult("user", HealthStatus.REACHABLE, Duration.ofMillis(2), "https://x", null),
                    new HealthResult("s3", HealthStatus.RPC_FAILED, Duration.ofMillis(9), "https://y", "timed out"));
        }
    }
}
