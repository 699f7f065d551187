package dev.switchboard.core.health;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import dev.switchboard.core.diag.InputException;
import dev.switchboard.core.diag.Reporter;
import dev.switchboard.runtime.health.HealthChecker;
import dev.switchboard.runtime.health.HealthResult;
import dev.switchboard.runtime.health.HealthTarget;
import dev.switchboard.runtime.registry.Health;
import dev.switchboard.runtime.registry.ServiceEntry;
import dev.switchboard.runtime.registry.ServiceKind;
import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class HealthMonitorTest {
    @Test
    @DisplayName("an interval under a second is a problem of switchboard.interval")
    void interval() {
        assertThatThrownBy(() ->
                        new HealthMonitor(HealthChecker.builder().build(), List.of(), Duration.ZERO, Reporter.SILENT))
                .isInstanceOf(InputException.class)
                .hasMessageContaining("switchboard.interval: interval 0 is not a number of seconds; use 1 or more");
    }

    @Test
    @DisplayName("a round reports the service whose status changed, and an interrupt ends the monitoring")
    void reportsChanges() throws Exception {
        AtomicInteger status = new AtomicInteger(200);
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/health", exchange -> {
            exchange.sendResponseHeaders(status.get(), -1);
            exchange.close();
        });
        server.start();
        try {
            ServiceEntry billing = ServiceEntry.builder("billing", ServiceKind.HTTP)
                    .health(new Health("/health", null))
                    .build();
            List<HealthTarget> targets = List.of(HealthTarget.of(
                    billing,
                    URI.create("http://127.0.0.1:" + server.getAddress().getPort())));
            HealthChecker checker = HealthChecker.builder().build();
            List<HealthResult> first = checker.check(targets);
            List<String> lines = new CopyOnWriteArrayList<>();
            List<List<HealthResult>> rounds = new CopyOnWriteArrayList<>();
            Reporter reporter = new Reporter() {
                @Override
                public void info(String message) {
                    lines.add(message);
                }

                @Override
                public void warn(String message) {}

                @Override
                public void debug(String message) {}

                @Override
                public void error(String message) {}
            };
            HealthMonitor monitor = new HealthMonitor(checker, targets, Duration.ofSeconds(1), reporter);
            status.set(503);
            Thread thread = new Thread(() -> {
                try {
                    monitor.run(first, rounds::add);
                } catch (InterruptedException e) {
                    lines.add("interrupted");
                } catch (Exception e) {
                    lines.add("failed: " + e);
                }
            });
            thread.start();
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
            while (rounds.isEmpty() && System.nanoTime() < deadline) {
                Thread.sleep(50);
            }
            thread.interrupt();
            thread.join(10_000);

            assertThat(first.get(0).healthy()).isTrue();
            assertThat(rounds).isNotEmpty();
            assertThat(rounds.get(0).get(0).healthy()).isFalse();
            assertThat(lines.get(0)).startsWith("switchboard: monitoring 1 service(s) every 1 s");
            assertThat(lines).anyMatch(l -> l.startsWith("switchboard: billing: ") && l.contains(" -> "));
            assertThat(lines).last().isEqualTo("interrupted");
        } finally {
            server.stop(0);
        }
    }
}
