package dev.switchboard.core.report;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.runtime.health.HealthStatus;
import dev.switchboard.runtime.registry.Registry;
import dev.switchboard.runtime.registry.ServiceEntry;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The report in a real browser, headless Chromium: what a person sees and can do, on a small tree and on
 * one the size of googleapis. Screenshots go to {@code target/report-screenshots/} for people to look
 * at; load and filter times are printed (measured, not asserted tightly: benchmarks/report records them).
 */
class ReportBrowserTest {
    private static final Path SHOTS = Path.of("target", "report-screenshots");
    private static final Path PAGES = Path.of("target", "report-pages");
    private static HeadlessChromium chromium;

    @BeforeAll
    static void start() throws Exception {
        chromium = HeadlessChromium.start(1400, 900);
    }

    @AfterAll
    static void stop() throws Exception {
        if (chromium != null) {
            chromium.close();
        }
    }

    /** Writes the report under {@code target/report-pages/NAME/}, where people can open it too. */
    private Path write(String name, Registry registry, ReportInputs inputs) throws Exception {
        Path page = PAGES.resolve(name).resolve(ReportWriter.FILE).toAbsolutePath();
        ReportWriter.write(registry, inputs, page);
        return page;
    }

    private void waitReady() {
        new WebDriverWait(chromium.driver, Duration.ofSeconds(30))
                .until(d -> Boolean.TRUE.equals(
                        chromium.js("return window.switchboardReport && window.switchboardReport.ready")));
    }

    private Map<?, ?> drawGraph() {
        chromium.driver.findElement(By.cssSelector("[data-tab=graph]")).click();
        new WebDriverWait(chromium.driver, Duration.ofSeconds(60))
                .until(d -> chromium.js("return window.switchboardReport.graph") != null);
        return (Map<?, ?>) chromium.js("return window.switchboardReport.graph");
    }

    @SuppressWarnings("unchecked")
    private List<String> listedNames() {
        return (List<String>)
                chromium.js("return Array.from(document.querySelectorAll('#service-table tbody tr td:first-child a'),"
                        + " a => a.textContent)");
    }

    private long visibleRows() {
        return (Long)
                chromium.js(
                        "return Array.from(document.querySelectorAll('#service-table tbody tr')).filter(r => !r.hidden).length");
    }

    /** Replaces the filter box's text as a person does: select all, then type. */
    private void type(String text) {
        WebElement filter = chromium.driver.findElement(By.id("filter"));
        filter.sendKeys(Keys.chord(Keys.CONTROL, "a"), Keys.BACK_SPACE);
        if (!text.isEmpty()) {
            filter.sendKeys(text);
        }
    }

    @Test
    @DisplayName(
            "the six-service report lists every service, filters, shows a service's methods and draws the whole graph")
    void sixServices() throws Exception {
        Registry registry = ReportFixtures.sixServices();
        Registry previous = new Registry(
                Registry.SCHEMA_VERSION,
                null,
                registry.services().stream()
                        .filter(s -> !s.name().equals("cart"))
                        .map(s -> s.name().equals("orders")
                                ? s.toBuilder()
                                        .methods(List.of(
                                                s.methods().get(0),
                                                ReportFixtures.method(
                                                        "CancelOrder", "a.Cancel", "a.Order", false, false, false)))
                                        .build()
                                : s)
                        .toList());
        HealthSnapshot health = new HealthSnapshot(
                List.of(
                        new HealthSnapshot.Result("user", HealthStatus.SERVING, 4, "grpc://127.0.0.1:9090", ""),
                        new HealthSnapshot.Result(
                                "billing", HealthStatus.UNREACHABLE, 2001, "http://127.0.0.1:1", "connection refused")),
                List.of("s3"));
        Path page = write("six-services", registry, new ReportInputs("acme-shop", previous, health));

        chromium.open(page);
        waitReady();
        assertThat(listedNames())
                .containsExactlyElementsOf(
                        registry.services().stream().map(ServiceEntry::name).toList());
        chromium.screenshot(SHOTS.resolve("six-services-table.png"));

        type("commerce");
        assertThat(visibleRows()).isEqualTo(3);
        assertThat(chromium.driver.findElement(By.id("shown")).getText()).isEqualTo("3 of 6");
        type("commerce team-cart");
        assertThat(visibleRows()).isEqualTo(1);
        type("");
        assertThat(visibleRows()).isEqualTo(6);

        chromium.driver.findElement(By.linkText("user")).click();
        WebElement part = chromium.driver.findElement(By.id("service-user"));
        assertThat(part.isDisplayed()).isTrue();
        assertThat(part.getText())
                .contains(
                        "GetUser",
                        "WatchUsers",
                        "server streaming",
                        "ImportUsers",
                        "client streaming",
                        "deprecated",
                        "GET /v1/users/{id}",
                        "billing",
                        "serving",
                        "crud",
                        "rule:crud",
                        "UserCreatedEvent",
                        "200 requests/s, burst 50");
        assertThat(chromium.driver.findElements(By.id("service-orders"))).isEmpty();
        chromium.screenshot(SHOTS.resolve("six-services-user.png"));

        chromium.driver.findElement(By.linkText("cart")).click();
        assertThat(chromium.driver.findElement(By.id("service-cart")).getText())
                .contains(ReportFixtures.HOSTILE, "<b>team-cart</b>", "\"><script>window.pwned = 3</script>");
        assertThat(chromium.js("return window.pwned === undefined"))
                .as("no injected script ran")
                .isEqualTo(true);
        assertThat(chromium.driver.findElements(By.cssSelector("#details img"))).isEmpty();
        chromium.screenshot(SHOTS.resolve("six-services-hostile-description.png"));

        Map<?, ?> graph = drawGraph();
        // Six services and "pricing", which catalog names but the registry lacks.
        assertThat(graph.get("nodes")).isEqualTo(7L);
        assertThat(graph.get("edges")).isEqualTo(6L);
        chromium.screenshot(SHOTS.resolve("six-services-graph.png"));

        assertThat(chromium.consoleErrors()).isEmpty();
    }

    @Test
    @DisplayName(
            "a googleapis-sized report (1,700 services, 494 edges to one hub) loads, filters, shows a service and draws every node and edge")
    void googleapisSized() throws Exception {
        Registry registry = ReportFixtures.generated(1700, 494, 91);
        long started = System.nanoTime();
        Path page = write("googleapis-sized", registry, new ReportInputs("googleapis-sized", null, null));
        System.out.printf(
                "write: %d ms for %d services, %,d bytes (model, layout and template, first in this JVM)%n",
                (System.nanoTime() - started) / 1_000_000, registry.services().size(), java.nio.file.Files.size(page));

        chromium.open(page);
        waitReady();
        Map<?, ?> load = (Map<?, ?>) chromium.js("const n = performance.getEntriesByType('navigation')[0];"
                + " return {domContentLoaded: n.domContentLoadedEventEnd, load: n.loadEventEnd,"
                + " ready: window.switchboardReport.readyMs};");
        System.out.printf(
                "load: DOMContentLoaded %.0f ms, load %.0f ms, interactive %.0f ms after navigation start%n",
                number(load.get("domContentLoaded")), number(load.get("load")), number(load.get("ready")));
        assertThat(number(load.get("ready")))
                .as("ms until the page is interactive")
                .isLessThan(10_000);
        assertThat(listedNames())
                .hasSize(1700)
                .containsExactlyElementsOf(
                        registry.services().stream().map(ServiceEntry::name).toList());
        chromium.screenshot(SHOTS.resolve("googleapis-table.png"));

        Map<?, ?> filtered = filterTimed("maps-api-01");
        System.out.printf(
                "filter: %.1f ms to filter and lay out, %.1f ms to the next frame; %s rows shown%n",
                number(filtered.get("sync")), number(filtered.get("frame")), filtered.get("shown"));
        assertThat(visibleRows())
                .isEqualTo((Long) filtered.get("shown"))
                .isEqualTo(registry.services().stream()
                        .filter(s -> s.name().contains("maps-api-01"))
                        .count());
        assertThat(number(filtered.get("sync"))).as("ms to filter").isLessThan(1_000);
        Map<?, ?> cleared = filterTimed("");
        System.out.printf(
                "filter cleared: %.1f ms, %.1f ms to the next frame%n",
                number(cleared.get("sync")), number(cleared.get("frame")));
        assertThat(visibleRows()).isEqualTo(1700);

        chromium.driver.findElement(By.linkText("operations")).click();
        WebElement part = chromium.driver.findElement(By.id("service-operations"));
        assertThat(part.getText()).contains("GetOperation", "ListOperations").containsIgnoringCase("Used by (494)");
        chromium.screenshot(SHOTS.resolve("googleapis-operations.png"));

        Map<?, ?> graph = drawGraph();
        new WebDriverWait(chromium.driver, Duration.ofSeconds(30))
                .pollingEvery(Duration.ofMillis(20))
                .until(d -> chromium.js("return window.switchboardReport.graph.paintedMs") != null);
        System.out.printf(
                "graph: drawn in %.0f ms, painted %.0f ms after its tab was opened%n",
                number(graph.get("drawMs")), number(chromium.js("return window.switchboardReport.graph.paintedMs")));
        assertThat(graph.get("nodes")).isEqualTo(1700L);
        assertThat(graph.get("edges")).isEqualTo(585L);
        chromium.screenshot(SHOTS.resolve("googleapis-graph.png"));

        long connected = registry.services().stream()
                .filter(s -> !s.dependencies().isEmpty()
                        || s.name().equals("operations")
                        || registry.services().stream()
                                .anyMatch(o -> o.dependencies().stream()
                                        .anyMatch(d -> d.service().equals(s.name()))))
                .count();
        // A graph this size opens without the services that have no dependency at all.
        assertThat(graphInfo()).isEqualTo(connected + " of 1700 services shown");
        chromium.driver.findElement(By.id("hide-hubs")).click();
        assertThat(graphInfo()).doesNotContain(connected + " of");
        chromium.screenshot(SHOTS.resolve("googleapis-graph-without-hubs.png"));
        chromium.driver.findElement(By.id("hide-hubs")).click();
        chromium.driver.findElement(By.id("hide-lonely")).click();
        assertThat(graphInfo()).isEqualTo("1700 of 1700 services shown");
        chromium.driver.findElement(By.id("hide-hubs")).click();
        assertThat(graphInfo()).isEqualTo("1699 of 1700 services shown");
        chromium.driver.findElement(By.id("hide-hubs")).click();

        WebElement focus = chromium.driver.findElement(By.id("focus"));
        focus.sendKeys("analytics-api-0001", Keys.ENTER);
        assertThat(graphInfo()).isEqualTo("analytics-api-0001 and its neighbours: 3 of 1700 services shown");
        chromium.screenshot(SHOTS.resolve("googleapis-graph-focus.png"));

        assertThat(chromium.consoleErrors()).isEmpty();
    }

    /** Types into the filter in the page and times it: the handler with layout, and to the next frame. */
    private Map<?, ?> filterTimed(String text) {
        return (Map<?, ?>) chromium.driver.executeAsyncScript(
                "const done = arguments[arguments.length - 1];"
                        + " const box = document.getElementById('filter');"
                        + " const t0 = performance.now();"
                        + " box.value = arguments[0];"
                        + " box.dispatchEvent(new Event('input'));"
                        + " document.body.offsetHeight;"
                        + " const sync = performance.now() - t0;"
                        + " requestAnimationFrame(() => setTimeout(() => done({sync: sync,"
                        + " frame: performance.now() - t0,"
                        + " shown: document.querySelectorAll('#service-table tbody tr:not([hidden])').length}), 0));",
                text);
    }

    private String graphInfo() {
        return chromium.driver.findElement(By.id("graph-info")).getText();
    }

    private static double number(Object value) {
        return ((Number) value).doubleValue();
    }
}
