package dev.switchboard.runtime.health;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import com.sun.net.httpserver.HttpServer;
import dev.switchboard.runtime.registry.Health;
import dev.switchboard.runtime.registry.ServiceKind;
import java.io.EOFException;
import java.io.IOException;
import java.io.OutputStream;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.channels.UnresolvedAddressException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class HttpHealthCheckTest {
    private static final int HUGE = 64 * 1024 * 1024;

    private HttpServer server;
    private HttpServer otherHost;
    private final List<String> requested = new CopyOnWriteArrayList<>();
    private final AtomicInteger otherHostRequests = new AtomicInteger();
    private final AtomicInteger inFlight = new AtomicInteger();
    private final AtomicInteger mostInFlight = new AtomicInteger();
    private final AtomicLong hugeBytesWritten = new AtomicLong();
    private final CountDownLatch hugeDone = new CountDownLatch(1);

    private static final Duration SECOND = Duration.ofSeconds(1);

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.setExecutor(Executors.newFixedThreadPool(16));
        server.createContext("/", exchange -> {
            requested.add(exchange.getRequestURI().getPath());
            exchange.sendResponseHeaders(404, -1);
            exchange.close();
        });
        server.createContext("/up/health", answer(200, "{\"status\":\"UP\"}"));
        server.createContext("/down/health", answer(500, "{\"status\":\"DOWN\",\"db\":\"connection refused\"}"));
        server.createContext("/slow/health", exchange -> {
            sleep(3_000);
            answer(200, "late").handle(exchange);
        });
        server.createContext("/stalled/health", exchange -> {
            exchange.sendResponseHeaders(200, 100);
            OutputStream out = exchange.getResponseBody();
            out.write("{\"status\"".getBytes(StandardCharsets.UTF_8));
            out.flush();
            sleep(3_000);
            exchange.close();
        });
        server.createContext("/huge/health", exchange -> {
            exchange.sendResponseHeaders(200, HUGE);
            byte[] chunk = new byte[64 * 1024];
            try (OutputStream out = exchange.getResponseBody()) {
                for (long written = 0; written < HUGE; written += chunk.length) {
                    out.write(chunk);
                    hugeBytesWritten.addAndGet(chunk.length);
                }
            } catch (IOException e) {
                // The checker stopped reading and closed the connection, as it should.
            } finally {
                hugeDone.countDown();
            }
        });
        server.createContext("/moved/health", redirect(() -> "/up/health"));
        server.createContext(
                "/away/health",
                redirect(() -> "http://localhost:" + otherHost.getAddress().getPort() + "/health"));
        server.createContext("/fallback/actuator/health", answer(200, "{\"status\":\"UP\"}"));
        server.createContext("/busy/health", exchange -> {
            int now = inFlight.incrementAndGet();
            mostInFlight.accumulateAndGet(now, Math::max);
            sleep(200);
            inFlight.decrementAndGet();
            answer(200, "ok").handle(exchange);
        });
        server.start();
        otherHost = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        otherHost.createContext("/", exchange -> {
            otherHostRequests.incrementAndGet();
            answer(200, "ok").handle(exchange);
        });
        otherHost.start();
    }

    @AfterEach
    void stop() {
        server.stop(0);
        otherHost.stop(0);
    }

    private HealthChecker checker() {
        return HealthChecker.builder()
                .readTimeout(Duration.ofMillis(300))
                .maxBodyBytes(1024)
                .build();
    }

    private HealthTarget target(String service, String base, String healthPath) {
        return new HealthTarget(
                service,
                ServiceKind.HTTP,
                URI.create("http://127.0.0.1:" + server.getAddress().getPort() + base),
                healthPath == null ? null : new Health(healthPath, null));
    }

    @Test
    @DisplayName("a 2xx answer is serving and a 500 is not serving, with the start of the body as the error")
    void healthyAndFailing() throws InterruptedException {
        List<HealthResult> results =
                checker().check(List.of(target("up", "/up", "/health"), target("down", "/down", "/health")));

        SoftAssertions soft = new SoftAssertions();
        soft.assertThat(results).extracting(HealthResult::service).containsExactly("down", "up");
        soft.assertThat(results.get(1).status()).isEqualTo(HealthStatus.SERVING);
        soft.assertThat(results.get(1).checked()).endsWith("/up/health").startsWith("GET http://127.0.0.1:");
        soft.assertThat(results.get(1).error()).isNull();
        soft.assertThat(results.get(0).status()).isEqualTo(HealthStatus.NOT_SERVING);
        soft.assertThat(results.get(0).error())
                .isEqualTo("answered 500: {\"status\":\"DOWN\",\"db\":\"connection refused\"}");
        soft.assertAll();
    }

    @Test
    @DisplayName("an answer that comes after the read timeout is an rpc failure")
    void slowAnswer() throws InterruptedException {
        HealthResult result = checker().check(target("slow", "/slow", "/health"));

        assertThat(result.status()).isEqualTo(HealthStatus.RPC_FAILED);
        assertThat(result.error()).isEqualTo("no answer within 300 ms");
    }

    @Test
    @DisplayName("a body that stops coming after the headers is an rpc failure once the read timeout has passed")
    void stalledBody() throws InterruptedException {
        HealthChecker checker = HealthChecker.builder()
                .connectTimeout(Duration.ofMillis(200))
                .readTimeout(Duration.ofMillis(300))
                .build();

        HealthResult result = checker.check(target("stalled", "/stalled", "/health"));

        // The connect and read timeouts together bound the whole GET: 0.5 s here; the server stalls for 3 s.
        assertThat(result.status()).isEqualTo(HealthStatus.RPC_FAILED);
        assertThat(result.error()).isEqualTo("no answer within 300 ms");
        assertThat(result.latency()).isLessThan(Duration.ofMillis(1_500));
    }

    @Test
    @DisplayName(
            "a host that does not resolve is unreachable by that name, and a failure the client wraps is named as itself")
    void failuresAsTheClientThrowsThem() {
        URI uri = URI.create("http://nowhere.invalid/health");
        ConnectException resolving = new ConnectException();
        resolving.initCause(new ConnectException().initCause(new UnresolvedAddressException()));
        IOException wrapped = new IOException("closed", new EOFException("EOF reached while reading"));

        HttpHealthCheck.Answer unknown = HttpHealthCheck.Answer.failed(uri, resolving, SECOND, SECOND);
        HttpHealthCheck.Answer eof = HttpHealthCheck.Answer.failed(uri, wrapped, SECOND, SECOND);

        assertThat(unknown.failure()).isEqualTo(HealthStatus.UNREACHABLE);
        assertThat(unknown.error()).isEqualTo("unknown host nowhere.invalid");
        assertThat(eof.failure()).isEqualTo(HealthStatus.RPC_FAILED);
        assertThat(eof.error()).isEqualTo("EOFException: EOF reached while reading");
    }

    @Test
    @DisplayName("of a huge body only maxBodyBytes are read, then the connection is dropped")
    void hugeBody() throws InterruptedException {
        HealthResult result = checker().check(target("huge", "/huge", "/health"));

        assertThat(result.status()).isEqualTo(HealthStatus.SERVING);
        assertThat(hugeDone.await(10, TimeUnit.SECONDS)).isTrue();
        assertThat(hugeBytesWritten.get()).isLessThan(HUGE);
    }

    @Test
    @DisplayName("a redirect on the same host is followed; one to another host is reported and not followed")
    void redirects() throws InterruptedException {
        HealthChecker checker = checker();
        HealthResult moved = checker.check(target("moved", "/moved", "/health"));
        HealthResult away = checker.check(target("away", "/away", "/health"));

        assertThat(moved.status()).isEqualTo(HealthStatus.SERVING);
        assertThat(moved.checked()).endsWith("/up/health");
        assertThat(away.status()).isEqualTo(HealthStatus.NOT_SERVING);
        assertThat(away.error())
                .isEqualTo("answered 302: redirected to http://localhost:"
                        + otherHost.getAddress().getPort() + "/health, another host; not followed");
        assertThat(otherHostRequests).hasValue(0);
    }

    @Test
    @DisplayName(
            "without a declared path the conventional ones are tried, and the one that answered is tried first next time")
    void fallbackPaths() throws InterruptedException {
        HealthChecker checker = checker();
        HealthTarget target = target("fallback", "/fallback", null);

        HealthResult first = checker.check(target);
        List<String> firstRequests = new ArrayList<>(requested);
        requested.clear();
        HealthResult second = checker.check(target);

        assertThat(first.status()).isEqualTo(HealthStatus.SERVING);
        assertThat(first.checked()).endsWith("/fallback/actuator/health");
        assertThat(firstRequests).containsExactly("/fallback/health", "/fallback/healthz");
        assertThat(checker.rememberedPath(target)).contains("/actuator/health");
        assertThat(second.status()).isEqualTo(HealthStatus.SERVING);
        assertThat(requested).isEmpty();
    }

    @Test
    @DisplayName("when no conventional path answers, the service has no health service")
    void noHealthPath() throws InterruptedException {
        HealthResult result = checker().check(target("nothing", "/nothing", null));

        assertThat(result.status()).isEqualTo(HealthStatus.NO_HEALTH_SERVICE);
        assertThat(requested)
                .containsExactly(
                        "/nothing/health", "/nothing/healthz", "/nothing/actuator/health", "/nothing/health/nothing");
    }

    @Test
    @DisplayName("a closed port is unreachable")
    void closedPort() throws Exception {
        int port;
        try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            port = socket.getLocalPort();
        }
        HealthResult result = checker()
                .check(new HealthTarget("gone", ServiceKind.HTTP, URI.create("http://127.0.0.1:" + port), null));

        assertThat(result.status()).isEqualTo(HealthStatus.UNREACHABLE);
        assertThat(result.error()).isEqualTo("connection refused");
    }

    @Test
    @DisplayName("no more checks run at once than the parallelism allows")
    void boundedParallelism() throws InterruptedException {
        List<HealthTarget> targets = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            targets.add(target("busy-" + i, "/busy", "/health"));
        }

        List<HealthResult> results =
                HealthChecker.builder().parallelism(2).build().check(targets);

        assertThat(results).extracting(HealthResult::status).containsOnly(HealthStatus.SERVING);
        assertThat(mostInFlight).hasValue(2);
    }

    private static HttpHandler answer(int code, String body) {
        return exchange -> {
            byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(code, bytes.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            } catch (IOException e) {
                // The checker gave up first (the read timeout test).
            }
        };
    }

    private static HttpHandler redirect(java.util.function.Supplier<String> location) {
        return (HttpExchange exchange) -> {
            exchange.getResponseHeaders().set("Location", location.get());
            exchange.sendResponseHeaders(302, -1);
            exchange.close();
        };
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
