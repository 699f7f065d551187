package dev.switchboard.runtime.health;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import com.sun.net.httpserver.HttpServer;
import dev.switchboard.runtime.registry.Health;
import dev.switchboard.runtime.registry.ServiceKind;
import java.io.IOException;
import java.io.OutputStream;
import java.net.Authenticator;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.PasswordAuthentication;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.UnknownHostException;
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
import java.util.concurrent.atomic.AtomicReference;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

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
    private final CountDownLatch bodyStalled = new CountDownLatch(1);

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
            bodyStalled.countDown();
            sleep(3_000);
            exchange.close();
        });
        server.createContext("/trickling/health", exchange -> {
            exchange.sendResponseHeaders(200, 30);
            OutputStream out = exchange.getResponseBody();
            try {
                for (int i = 0; i < 30; i++) {
                    out.write(' ');
                    out.flush();
                    sleep(100);
                }
            } catch (IOException e) {
                // The checker dropped the connection at its deadline, as it should.
            }
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
        server.createContext("/guarded/health", exchange -> {
            if (exchange.getRequestHeaders().containsKey("Authorization")) {
                answer(200, "ok").handle(exchange);
                return;
            }
            exchange.getResponseHeaders().set("WWW-Authenticate", "Basic realm=\"health\"");
            exchange.sendResponseHeaders(401, -1);
            exchange.close();
        });
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

    /**
     * The connect and read timeouts together bound the whole GET, 0.5 s here, whether the body stops coming
     * after the headers (the server stalls for 3 s) or trickles in with no wait as long as the read timeout
     * (a byte every 100 ms for 3 s).
     */
    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"stalled", "trickling"})
    @DisplayName("a body that stalls or trickles in is an rpc failure once the connect and read timeouts have passed")
    void slowBody(String service) throws InterruptedException {
        HealthChecker checker = HealthChecker.builder()
                .connectTimeout(Duration.ofMillis(200))
                .readTimeout(Duration.ofMillis(300))
                .build();

        HealthResult result = checker.check(target(service, "/" + service, "/health"));

        assertThat(result.status()).isEqualTo(HealthStatus.RPC_FAILED);
        assertThat(result.error()).isEqualTo("no answer within 300 ms");
        assertThat(result.latency()).isLessThan(Duration.ofMillis(1_500));
    }

    /** How a rude server ends a connection after reading the request's first byte. */
    enum Rudeness {
        /** Closes the connection. */
        HANG_UP("the server closed the connection without answering"),
        /** Resets the connection (an RST, not a FIN). */
        RESET("connection reset"),
        /** Answers with a line that is not HTTP. */
        NOT_HTTP("not an HTTP answer");

        final String error;

        Rudeness(String error) {
            this.error = error;
        }

        void treat(Socket accepted) throws IOException {
            accepted.getInputStream().read();
            switch (this) {
                case HANG_UP -> accepted.close();
                case RESET -> {
                    accepted.setSoLinger(true, 0);
                    accepted.close();
                }
                case NOT_HTTP -> {
                    accepted.getOutputStream().write("SSH-2.0-OpenSSH_9.6\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
                    accepted.close();
                }
            }
        }
    }

    @ParameterizedTest
    @EnumSource(Rudeness.class)
    @DisplayName(
            "a server that hangs up, resets or does not speak HTTP is an rpc failure, in words without a Java class name")
    void rude(Rudeness rudeness) throws Exception {
        try (ServerSocket socket = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            Thread serving = new Thread(() -> {
                while (!socket.isClosed()) {
                    try (Socket accepted = socket.accept()) {
                        rudeness.treat(accepted);
                    } catch (IOException e) {
                        return;
                    }
                }
            });
            serving.setDaemon(true);
            serving.start();

            HealthResult result = checker().check(healthAt("rude", socket));

            assertThat(result.status()).isEqualTo(HealthStatus.RPC_FAILED);
            assertThat(result.error()).isEqualTo(rudeness.error);
        }
    }

    @Test
    @DisplayName("a port whose queue of connections is full is unreachable once the connect timeout has passed")
    void connectTimeout() throws Exception {
        // A listening socket that accepts nothing: once its queue is full, the kernel leaves new connects
        // unanswered, as a host that drops them does.
        List<Socket> queued = new ArrayList<>();
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            try {
                for (int i = 0; i < 4; i++) {
                    Socket filler = new Socket();
                    queued.add(filler);
                    filler.connect(socket.getLocalSocketAddress(), 200);
                }
            } catch (SocketTimeoutException full) {
                // The queue is full: this connect was left unanswered.
            } catch (ConnectException refused) {
                Assumptions.abort("this kernel refuses connects to a full queue (net.ipv4.tcp_abort_on_overflow)");
            }
            HealthChecker checker = HealthChecker.builder()
                    .connectTimeout(Duration.ofMillis(200))
                    .build();

            HealthResult result = checker.check(healthAt("dropped", socket));

            assertThat(result.status()).isEqualTo(HealthStatus.UNREACHABLE);
            assertThat(result.error()).isEqualTo("connect timed out after 200 ms");
        } finally {
            for (Socket filler : queued) {
                filler.close();
            }
        }
    }

    @Test
    @DisplayName(
            "a check that cannot even be sent (a health path that is no URI path) fails in words, not a class name")
    void unsendable() throws InterruptedException {
        HealthResult result = checker().check(target("spaced", "", "/he alth"));

        String uri = "http://127.0.0.1:" + server.getAddress().getPort() + "/he alth";
        assertThat(result.status()).isEqualTo(HealthStatus.RPC_FAILED);
        assertThat(result.error())
                .isEqualTo("the check failed unexpectedly: illegal character in path at index " + uri.indexOf(' ')
                        + ": " + uri);
    }

    @Test
    @DisplayName("no credentials are sent, whatever default authenticator the application has set")
    void noCredentials() throws InterruptedException {
        Authenticator.setDefault(new Authenticator() {
            @Override
            protected PasswordAuthentication getPasswordAuthentication() {
                return new PasswordAuthentication("app", "secret".toCharArray());
            }
        });
        HealthResult result;
        try {
            result = checker().check(target("guarded", "/guarded", "/health"));
        } finally {
            Authenticator.setDefault(null);
        }

        assertThat(result.status()).isEqualTo(HealthStatus.NOT_SERVING);
        assertThat(result.error()).isEqualTo("answered 401");
    }

    @Test
    @DisplayName("interrupting a round while a body is being read throws at once")
    void interruptedWhileReadingABody() throws InterruptedException {
        HealthChecker checker =
                HealthChecker.builder().readTimeout(Duration.ofSeconds(10)).build();
        AtomicReference<Throwable> thrown = new AtomicReference<>();
        Thread round = new Thread(() -> {
            try {
                checker.check(List.of(target("stalled", "/stalled", "/health")));
            } catch (Throwable e) {
                thrown.set(e);
            }
        });
        round.start();
        assertThat(bodyStalled.await(10, TimeUnit.SECONDS)).isTrue();
        Thread.sleep(200);

        long interrupted = System.nanoTime();
        round.interrupt();
        round.join(10_000);

        // Not held until the read of the body in flight ends (the server stalls it for 3 s).
        assertThat(Duration.ofNanos(System.nanoTime() - interrupted)).isLessThan(Duration.ofMillis(1_000));
        assertThat(thrown.get()).isInstanceOf(InterruptedException.class);
    }

    @Test
    @DisplayName("a host that does not resolve is unreachable by that name")
    void unknownHost() {
        Failure unknown = Failure.of(new UnknownHostException("nowhere.invalid"), "nowhere.invalid", SECOND, SECOND);

        assertThat(unknown.status()).isEqualTo(HealthStatus.UNREACHABLE);
        assertThat(unknown.error()).isEqualTo("unknown host nowhere.invalid");
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

    /** In the same words for an HTTP check and for the TCP reachability check of an AWS endpoint. */
    @ParameterizedTest(name = "{0}")
    @EnumSource(
            value = ServiceKind.class,
            names = {"HTTP", "AWS"})
    @DisplayName("a closed port is unreachable: connection refused")
    void closedPort(ServiceKind kind) throws Exception {
        int port;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = socket.getLocalPort();
        }
        HealthResult result =
                checker().check(new HealthTarget("gone", kind, URI.create("http://127.0.0.1:" + port), null));

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

    /** A service whose health path is {@code /health} on the port this socket listens on. */
    private static HealthTarget healthAt(String service, ServerSocket socket) {
        return new HealthTarget(
                service,
                ServiceKind.HTTP,
                URI.create("http://127.0.0.1:" + socket.getLocalPort()),
                new Health("/health", null));
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
