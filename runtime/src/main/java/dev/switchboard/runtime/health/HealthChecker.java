package dev.switchboard.runtime.health;

import dev.switchboard.runtime.registry.ServiceKind;
import java.io.IOException;
import java.math.BigDecimal;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import javax.net.ssl.SSLSocket;

/**
 * Checks the health of services at the endpoints the user configured, concurrently and with timeouts.
 * What is checked depends on the endpoint and the registry entry:
 *
 * <ol>
 *   <li>{@code grpc://host:port} or {@code grpcs://host:port}: gRPC health v1 {@code Check} for the
 *       registry's {@code health.grpc} name ({@code ""}, the whole server, when none is declared);
 *   <li>{@code http(s)://…} of an {@code aws} service with no health path: TCP connect, and the TLS
 *       handshake for {@code https} ({@link HealthStatus#REACHABLE});
 *   <li>any other {@code http(s)://…}: {@code GET} of the registry's {@code health.http} path, or else of
 *       {@code /health}, {@code /healthz}, {@code /actuator/health}, {@code /health/<name>} in turn; the
 *       one that answered is remembered and tried first next time.
 * </ol>
 *
 * <p>Only the configured host and port are contacted: redirects elsewhere are reported, not followed.
 * A checker holds its settings and the remembered paths; it is safe for concurrent use.
 *
 * <pre>{@code
 * HealthChecker checker = HealthChecker.builder().readTimeout(Duration.ofSeconds(2)).build();
 * List<HealthResult> results = checker.check(List.of(
 *         HealthTarget.of(registry.service("user").orElseThrow(), URI.create("grpc://127.0.0.1:9090"))));
 * }</pre>
 */
public final class HealthChecker {
    /**
     * Checks at once unless told otherwise. 1,000 endpoints that answer after 100 ms take 4 waves of
     * 100 ms at 256, which leaves most of a 1.5 s budget to the first round's costs (loading and compiling
     * the HTTP client, a new connection per endpoint). A check in flight holds a thread that waits and a
     * socket; the number stays well below 1,000 because that many connections at once to one host (a
     * gateway in front of many services) looks like a flood.
     */
    public static final int DEFAULT_PARALLELISM = 256;

    private final int parallelism;
    private final Duration connectTimeout;
    private final Duration readTimeout;
    private final TlsOptions tls;
    private final HttpHealthCheck http;

    private HealthChecker(Builder b) {
        parallelism = b.parallelism;
        connectTimeout = b.connectTimeout;
        readTimeout = b.readTimeout;
        tls = new TlsOptions(b.caFile, b.clientKeyStore, b.clientKeyStorePassword, b.insecure);
        http = new HttpHealthCheck(connectTimeout, readTimeout, b.maxBodyBytes, tls);
    }

    public static Builder builder() {
        return new Builder();
    }

    /**
     * Checks every target, at most {@code parallelism} at a time, and returns the results sorted by
     * service name. A check never throws: what went wrong is in its result.
     *
     * <p>The checks run on a pool of at most {@code parallelism} threads made for the round, each check
     * waiting on its thread for its answer.
     *
     * @throws InterruptedException when the calling thread is interrupted, before or during the round: no
     *     further check is started, and those in flight are interrupted (an HTTP check waiting for its answer
     *     has its connection dropped, one reading a body stops at its next read; a TCP connect or a gRPC
     *     call ends at its timeout)
     */
    public List<HealthResult> check(List<HealthTarget> targets) throws InterruptedException {
        if (targets.isEmpty()) {
            return List.of();
        }
        List<Thread> workers = new CopyOnWriteArrayList<>();
        ExecutorService pool = Executors.newFixedThreadPool(Math.min(parallelism, targets.size()), r -> {
            Thread t = new Thread(r, "switchboard-health");
            t.setDaemon(true);
            workers.add(t);
            return t;
        });
        try {
            List<Future<HealthResult>> checks = new ArrayList<>(targets.size());
            for (HealthTarget target : targets) {
                if (Thread.interrupted()) {
                    throw new InterruptedException("health check round interrupted");
                }
                checks.add(pool.submit(() -> check(target)));
            }
            List<HealthResult> results = new ArrayList<>(checks.size());
            for (Future<HealthResult> check : checks) {
                try {
                    results.add(check.get());
                } catch (ExecutionException e) {
                    throw new IllegalStateException("a health check failed unexpectedly", e.getCause());
                }
            }
            results.sort(Comparator.comparing(HealthResult::service));
            return results;
        } finally {
            // After an interrupt: those waiting are not sent, and the HTTP GETs waiting for answers are dropped.
            pool.shutdownNow();
            workers.forEach(http::abort);
        }
    }

    /** Checks one target; the calling thread waits for the result. */
    public HealthResult check(HealthTarget target) throws InterruptedException {
        long start = System.nanoTime();
        try {
            if (target.grpc()) {
                return GrpcHealthCheck.check(target, connectTimeout.plus(readTimeout), tls, start);
            }
            if (target.kind() == ServiceKind.AWS && target.httpPath() == null) {
                return reachable(target, start);
            }
            return http.check(target, start);
        } catch (RuntimeException | LinkageError e) {
            return failedUnexpectedly(target, start, e);
        }
    }

    private static HealthResult failedUnexpectedly(HealthTarget target, long start, Throwable e) {
        return new HealthResult(
                target.service(),
                HealthStatus.RPC_FAILED,
                since(start),
                target.endpoint().toString(),
                e instanceof LinkageError
                        ? "the check could not run: the class path lacks, or holds another version of, "
                                + Failure.words(e, "a class it needs")
                        : "the check failed unexpectedly: " + Failure.words(e, "no reason given"));
    }

    /** The HTTP health path that answered last time for this target, when none is declared. */
    public Optional<String> rememberedPath(HealthTarget target) {
        return http.remembered(target);
    }

    private HealthResult reachable(HealthTarget target, long start) {
        String host = target.endpoint().getHost();
        int port = target.port();
        String checked = (target.secure() ? "tls " : "tcp ") + host + ":" + port;
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(host, port), (int) connectTimeout.toMillis());
            if (target.secure()) {
                socket.setSoTimeout((int) readTimeout.toMillis());
                try (SSLSocket ssl = (SSLSocket) tls.sockets().createSocket(socket, host, port, false)) {
                    ssl.startHandshake();
                }
            }
            return new HealthResult(target.service(), HealthStatus.REACHABLE, since(start), checked, null);
        } catch (IOException e) {
            return unreachable(
                    target,
                    start,
                    checked,
                    Failure.of(e, host, connectTimeout, readTimeout).error());
        }
    }

    private static HealthResult unreachable(HealthTarget target, long start, String checked, String error) {
        return new HealthResult(target.service(), HealthStatus.UNREACHABLE, since(start), checked, error);
    }

    static Duration since(long start) {
        return Duration.ofNanos(System.nanoTime() - start);
    }

    /** Settings of a checker; every one has a default. */
    public static final class Builder {
        private int parallelism = DEFAULT_PARALLELISM;
        private Duration connectTimeout = Duration.ofSeconds(2);
        private Duration readTimeout = Duration.ofSeconds(5);
        private int maxBodyBytes = 64 * 1024;
        private Path caFile;
        private Path clientKeyStore;
        private char[] clientKeyStorePassword;
        private boolean insecure;

        private Builder() {}

        /**
         * How many checks run at once; {@value HealthChecker#DEFAULT_PARALLELISM} by default. Each check in
         * flight holds a thread of the round's pool (and a connection).
         */
        public Builder parallelism(int value) {
            if (value < 1) {
                throw new IllegalArgumentException("parallelism must be at least 1, was " + value);
            }
            parallelism = value;
            return this;
        }

        /** How long to wait for a connection; 2 s by default. */
        public Builder connectTimeout(Duration value) {
            connectTimeout = positive("connectTimeout", value);
            return this;
        }

        /**
         * How long to wait for an answer; 5 s by default. A gRPC call (its deadline) ends by the connect and
         * read timeouts together, and so does an HTTP {@code GET}'s wait for its answer; no read of its body
         * begins after that, and a read begun ends by the read timeout.
         */
        public Builder readTimeout(Duration value) {
            readTimeout = positive("readTimeout", value);
            return this;
        }

        /** How many bytes of an HTTP body are read at most; the rest is not read. 64 KiB by default. */
        public Builder maxBodyBytes(int value) {
            if (value < 0) {
                throw new IllegalArgumentException("maxBodyBytes must not be negative, was " + value);
            }
            maxBodyBytes = value;
            return this;
        }

        /** Trusts the certificates of this PEM (or DER) file instead of the JDK's. */
        public Builder caFile(Path file) {
            caFile = file;
            return this;
        }

        /** Presents the client certificate of this PKCS#12 key store. */
        public Builder clientCertificate(Path pkcs12, char[] password) {
            clientKeyStore = pkcs12;
            clientKeyStorePassword = password == null ? null : password.clone();
            return this;
        }

        /** Skips verifying server certificates and host names. Only for endpoints you trust otherwise. */
        public Builder insecureSkipVerify(boolean value) {
            insecure = value;
            return this;
        }

        /**
         * The checker.
         *
         * @throws IllegalArgumentException when the CA file or client certificate cannot be read
         */
        public HealthChecker build() {
            return new HealthChecker(this);
        }

        private static Duration positive(String name, Duration value) {
            // Whole milliseconds, as the sockets take them (to which 0 means no timeout at all).
            if (value == null
                    || value.compareTo(Duration.ofMillis(1)) < 0
                    || value.compareTo(Duration.ofMillis(Integer.MAX_VALUE)) > 0) {
                throw new IllegalArgumentException(name + " must be at least 1 ms and under 24 days, was "
                        + (value == null ? null : millis(value)));
            }
            return value;
        }

        /** The duration in milliseconds, as the settings are written: {@code 0.4 ms}, {@code 0 ms}. */
        private static String millis(Duration value) {
            BigDecimal millis = BigDecimal.valueOf(value.getSeconds())
                    .multiply(BigDecimal.valueOf(1000))
                    .add(BigDecimal.valueOf(value.getNano(), 6));
            return millis.stripTrailingZeros().toPlainString() + " ms";
        }
    }
}
