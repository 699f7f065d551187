package dev.switchboard.runtime.health;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.switchboard.runtime.registry.Health;
import dev.switchboard.runtime.registry.ServiceKind;
import java.io.IOException;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;

/**
 * The bound on checks in flight, with servers that could take many more: each one hands the request to a
 * scheduler and returns at once, so none of their threads waits and only the checker limits how many
 * requests are open at the same time.
 */
class HealthCheckerConcurrencyTest {
    private static final int SERVERS = 5;

    private final List<HttpServer> servers = new ArrayList<>();
    private final ScheduledExecutorService answers = Executors.newScheduledThreadPool(1);
    private final AtomicInteger inFlight = new AtomicInteger();
    private final AtomicInteger mostInFlight = new AtomicInteger();
    private final AtomicInteger requests = new AtomicInteger();
    private final CountDownLatch firstRequest = new CountDownLatch(1);
    private volatile long answerAfterMillis = 50;

    @BeforeEach
    void start() throws IOException {
        for (int i = 0; i < SERVERS; i++) {
            HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 100);
            server.createContext("/health", this::answerLater);
            server.start();
            servers.add(server);
        }
    }

    @AfterEach
    void stop() {
        servers.forEach(server -> server.stop(0));
        answers.shutdownNow();
    }

    private void answerLater(HttpExchange exchange) {
        requests.incrementAndGet();
        mostInFlight.accumulateAndGet(inFlight.incrementAndGet(), Math::max);
        firstRequest.countDown();
        answers.schedule(
                () -> {
                    inFlight.decrementAndGet();
                    byte[] body = "{\"status\":\"UP\"}".getBytes(StandardCharsets.UTF_8);
                    try {
                        exchange.sendResponseHeaders(200, body.length);
                        try (OutputStream out = exchange.getResponseBody()) {
                            out.write(body);
                        }
                    } catch (IOException e) {
                        // The checker gave up on this request (the interrupt test).
                    }
                },
                answerAfterMillis,
                TimeUnit.MILLISECONDS);
    }

    /** Targets in reverse name order, spread over the servers, so that sorting and pairing both show. */
    private List<HealthTarget> targets(int count) {
        List<HealthTarget> targets = new ArrayList<>();
        for (int i = count - 1; i >= 0; i--) {
            int port = servers.get(i % SERVERS).getAddress().getPort();
            targets.add(new HealthTarget(
                    String.format("svc-%02d", i),
                    ServiceKind.HTTP,
                    URI.create("http://127.0.0.1:" + port),
                    new Health("/health", null)));
        }
        return targets;
    }

    @Test
    @DisplayName(
            "no more HTTP requests are open at once than the parallelism, and every target has its result, by name")
    void boundedAndComplete() throws InterruptedException {
        List<HealthTarget> targets = targets(30);

        List<HealthResult> results =
                HealthChecker.builder().parallelism(3).build().check(targets);

        SoftAssertions soft = new SoftAssertions();
        soft.assertThat(mostInFlight.get()).isBetween(1, 3);
        soft.assertThat(requests).hasValue(30);
        soft.assertThat(results)
                .extracting(HealthResult::service)
                .containsExactlyElementsOf(
                        targets.stream().map(HealthTarget::service).sorted().toList());
        soft.assertThat(results).extracting(HealthResult::status).containsOnly(HealthStatus.SERVING);
        for (HealthResult result : results) {
            int index = Integer.parseInt(result.service().substring("svc-".length()));
            int port = servers.get(index % SERVERS).getAddress().getPort();
            soft.assertThat(result.checked())
                    .as(result.service())
                    .isEqualTo("GET http://127.0.0.1:" + port + "/health");
        }
        soft.assertAll();
    }

    @Test
    @DisplayName("the same checker keeps the bound when it is used again and with a parallelism of one")
    void boundedAgainAndSerial() throws InterruptedException {
        HealthChecker checker = HealthChecker.builder().parallelism(1).build();

        List<HealthResult> first = checker.check(targets(8));
        List<HealthResult> second = checker.check(targets(8));

        assertThat(mostInFlight).hasValue(1);
        assertThat(first).extracting(HealthResult::status).containsOnly(HealthStatus.SERVING);
        assertThat(second).hasSize(8).extracting(HealthResult::status).containsOnly(HealthStatus.SERVING);
    }

    @Test
    @DisplayName("a round starts threads by its parallelism, not one per answer")
    void threadsByParallelism() throws InterruptedException {
        HealthChecker checker = HealthChecker.builder().parallelism(4).build();
        checker.check(targets(4));
        answerAfterMillis = 5;
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();

        long before = threads.getTotalStartedThreadCount();
        List<HealthResult> results = checker.check(targets(60));
        long started = threads.getTotalStartedThreadCount() - before;

        assertThat(results).hasSize(60).extracting(HealthResult::status).containsOnly(HealthStatus.SERVING);
        // The round's 4, the deadlines' watchdog and the JDK's keep-alive timer; a thread per answer would be
        // 60 more (java.net.http's sendAsync did that where the common fork-join pool has one worker, on 2 CPUs).
        assertThat(started).isLessThanOrEqualTo(20);
    }

    @Test
    @DisplayName("a round asked for by an interrupted thread throws and sends nothing")
    void interruptedBeforeTheRound() throws InterruptedException {
        HealthChecker checker = HealthChecker.builder().parallelism(4).build();

        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        long before = threads.getTotalStartedThreadCount();

        Thread.currentThread().interrupt();
        assertThatThrownBy(() -> checker.check(targets(5))).isInstanceOf(InterruptedException.class);
        long started = threads.getTotalStartedThreadCount() - before;
        Thread.sleep(300);

        // Not a thread of the round's pool started, so nothing could be sent.
        assertThat(started).isZero();
        assertThat(requests).hasValue(0);
    }

    /** Repeated: a drop that lands while a check connects, or before it writes its request, was once lost. */
    @RepeatedTest(20)
    @DisplayName("interrupting a round throws at once, sends no more checks and drops the GETs in flight")
    void interrupted() throws InterruptedException {
        answerAfterMillis = 60_000;
        HealthChecker checker = HealthChecker.builder()
                .parallelism(2)
                .readTimeout(Duration.ofSeconds(60))
                .build();
        AtomicReference<Throwable> thrown = new AtomicReference<>();
        Thread round = new Thread(() -> {
            try {
                checker.check(targets(10));
            } catch (Throwable e) {
                thrown.set(e);
            }
        });
        round.start();
        assertThat(firstRequest.await(10, TimeUnit.SECONDS)).isTrue();

        round.interrupt();
        round.join(10_000);

        assertThat(round.isAlive()).isFalse();
        assertThat(thrown.get()).isInstanceOf(InterruptedException.class);
        assertThat(requests.get()).isLessThanOrEqualTo(2);
        // The two checks that were waiting for their answers (due in 60 s) end with their dropped connections.
        long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (!roundThreads().isEmpty() && System.nanoTime() < until) {
            Thread.sleep(20);
        }
        assertThat(roundThreads()).isEmpty();
    }

    @Test
    @DisplayName(
            "a timeout under a millisecond or over 24 days is refused: the sockets take whole milliseconds (0 is none)")
    void subMillisecondTimeouts() {
        assertThatThrownBy(() -> HealthChecker.builder().connectTimeout(Duration.ofNanos(400_000)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("connectTimeout must be at least 1 ms and under 24 days, was 0.4 ms");
        assertThatThrownBy(() -> HealthChecker.builder().readTimeout(Duration.ZERO))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("readTimeout must be at least 1 ms and under 24 days, was 0 ms");
        assertThatThrownBy(() -> HealthChecker.builder().readTimeout(Duration.ofSeconds(Long.MAX_VALUE)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("readTimeout must be at least 1 ms and under 24 days, was 9223372036854775807000 ms");
    }

    private static List<Thread> roundThreads() {
        return Thread.getAllStackTraces().keySet().stream()
                .filter(t -> t.getName().equals("switchboard-health") && t.isAlive())
                .toList();
    }
}
