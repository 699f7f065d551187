package dev.switchboard.runtime.health;

import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.net.ConnectException;
import java.net.HttpURLConnection;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.HttpsURLConnection;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLSocketFactory;

/**
 * HTTP health checks: {@code GET} of the declared health path, or of the conventional ones until one
 * answers (remembered per service and endpoint, and tried first the next time). Redirects are followed
 * only on the same host and port; at most {@code maxBodyBytes} of a body are read.
 *
 * <p>Each {@code GET} is an {@link HttpURLConnection} that blocks the checking thread: of the JDK's two
 * clients it is the one a fresh JVM runs cheaply, about half the CPU time of {@code java.net.http}'s for a
 * first round of a thousand checks (benchmarks/health/RESULTS.md), and it starts no thread per answer.
 * A connection whose body was read to its end is kept alive for the next round, as the JDK keeps them.
 */
final class HttpHealthCheck {
    /** Tried in this order when the registry declares no health path; {@code {name}} is the service. */
    static final List<String> FALLBACK_PATHS = List.of("/health", "/healthz", "/actuator/health", "/health/{name}");

    private static final int MAX_REDIRECTS = 5;
    private static final int ERROR_BODY_CHARS = 200;

    /**
     * Drops the connections of the {@code GET}s that outlive their deadline; its one thread ends when no
     * deadline is pending.
     */
    private static final ScheduledThreadPoolExecutor DEADLINES = deadlines();

    private final SSLSocketFactory tlsSockets;
    private final Duration readTimeout;
    private final Duration connectTimeout;
    private final int maxBodyBytes;
    private final Map<String, String> answered = new ConcurrentHashMap<>();
    private final Map<Thread, HttpURLConnection> inFlight = new ConcurrentHashMap<>();

    HttpHealthCheck(Duration connectTimeout, Duration readTimeout, int maxBodyBytes, TlsOptions tls) {
        this.tlsSockets = tls.trustManagers() != null || tls.keyManagers() != null
                ? tls.sslContext().getSocketFactory()
                : null;
        this.connectTimeout = connectTimeout;
        this.readTimeout = readTimeout;
        this.maxBodyBytes = maxBodyBytes;
    }

    private static ScheduledThreadPoolExecutor deadlines() {
        ScheduledThreadPoolExecutor deadlines = new ScheduledThreadPoolExecutor(1, r -> {
            Thread t = new Thread(r, "switchboard-health-deadlines");
            t.setDaemon(true);
            return t;
        });
        deadlines.setKeepAliveTime(1, TimeUnit.SECONDS);
        deadlines.allowCoreThreadTimeOut(true);
        deadlines.setRemoveOnCancelPolicy(true);
        return deadlines;
    }

    /** The path that answered last time for this service at this endpoint, if any. */
    Optional<String> remembered(HealthTarget target) {
        return Optional.ofNullable(answered.get(key(target)));
    }

    /**
     * Checks one target on the calling thread, one {@code GET} after another (the next path or redirect is
     * sent when an answer has come). A thread interrupted before a {@code GET} sends nothing more; one
     * interrupted while a {@code GET} is in flight goes on waiting until {@link #abort} drops its connection
     * or the {@code GET}'s deadline passes.
     */
    HealthResult check(HealthTarget target, long start) throws InterruptedException {
        String declared = target.httpPath();
        if (declared != null) {
            return get(resolve(target.endpoint(), declared)).result(target, start);
        }
        List<String> paths = new ArrayList<>();
        remembered(target).ifPresent(paths::add);
        for (String path : FALLBACK_PATHS) {
            String concrete = path.replace("{name}", target.service());
            if (!paths.contains(concrete)) {
                paths.add(concrete);
            }
        }
        for (String path : paths) {
            Answer answer = get(resolve(target.endpoint(), path));
            if (answer.code != 404 && answer.code != 405) {
                if (answer.code > 0) {
                    answered.put(key(target), path);
                }
                return answer.result(target, start);
            }
        }
        answered.remove(key(target));
        return new HealthResult(
                target.service(),
                HealthStatus.NO_HEALTH_SERVICE,
                HealthChecker.since(start),
                "GET " + String.join(", ", paths) + " at " + target.endpoint(),
                "none of the health paths answered (404); declare the service's health path");
    }

    /**
     * Drops the connection of the {@code GET} that {@code thread} is waiting for, if any: it then ends at
     * once, with an {@link InterruptedException} when the thread was interrupted.
     */
    void abort(Thread thread) {
        HttpURLConnection connection = inFlight.get(thread);
        if (connection != null) {
            connection.disconnect();
        }
    }

    /** One {@code GET}, and the redirects on the same host and port it leads to. */
    private Answer get(URI first) throws InterruptedException {
        URI uri = first;
        for (int hop = 0; ; hop++) {
            if (Thread.interrupted()) {
                throw new InterruptedException("health check interrupted");
            }
            Response response;
            try {
                response = send(uri);
            } catch (IOException e) {
                if (Thread.interrupted()) {
                    throw new InterruptedException("health check interrupted");
                }
                return Answer.failed(uri, e, connectTimeout, readTimeout);
            }
            int code = response.code();
            if (code < 300 || code >= 400 || response.location() == null) {
                return Answer.of(uri, code, code / 100 == 2 ? null : bodyText(response.body()));
            }
            URI next = uri.resolve(response.location().trim());
            if (!sameHostAndPort(uri, next)) {
                return Answer.of(uri, code, "redirected to " + next + ", another host; not followed");
            }
            if (hop == MAX_REDIRECTS) {
                return Answer.of(uri, code, "more than " + MAX_REDIRECTS + " redirects");
            }
            uri = next;
        }
    }

    /** What a {@code GET} answered: its status code, its {@code Location} header (or null) and its body. */
    private record Response(int code, String location, byte[] body) {}

    /**
     * Sends one {@code GET}. The connect timeout bounds the connect, the read timeout each wait for bytes,
     * and the two together, counted from here, the whole {@code GET}, body included: at that deadline its
     * connection is dropped, and the {@code GET} fails with a {@link SocketTimeoutException}.
     */
    private Response send(URI uri) throws IOException {
        HttpURLConnection connection = (HttpURLConnection) uri.toURL().openConnection();
        if (tlsSockets != null && connection instanceof HttpsURLConnection https) {
            https.setSSLSocketFactory(tlsSockets);
        }
        // Whole milliseconds, at least one: to HttpURLConnection, 0 means no timeout.
        connection.setConnectTimeout((int) Math.max(1, connectTimeout.toMillis()));
        connection.setReadTimeout((int) Math.max(1, readTimeout.toMillis()));
        connection.setInstanceFollowRedirects(false);
        connection.setUseCaches(false);
        connection.setRequestProperty("Accept", "application/json, text/plain, */*");
        Deadline deadline = new Deadline(connection);
        ScheduledFuture<?> watch =
                DEADLINES.schedule(deadline, connectTimeout.plus(readTimeout).toMillis(), TimeUnit.MILLISECONDS);
        Thread self = Thread.currentThread();
        inFlight.put(self, connection);
        try {
            if (self.isInterrupted()) {
                // Interrupted since the GET began, perhaps before abort could find the connection.
                throw new InterruptedIOException("health check interrupted");
            }
            int code = connection.getResponseCode();
            String location = connection.getHeaderField("Location");
            return new Response(code, location, body(connection, code));
        } catch (IOException e) {
            connection.disconnect();
            if (deadline.passed) {
                throw new SocketTimeoutException("the connect and read timeouts have passed");
            }
            throw e;
        } finally {
            watch.cancel(false);
            inFlight.remove(self);
        }
    }

    /**
     * The first {@code maxBodyBytes} of the body. A body read to its end leaves the connection to be kept
     * alive; of a longer one no more is read, and the connection is dropped.
     */
    private byte[] body(HttpURLConnection connection, int code) throws IOException {
        InputStream in = code >= 400 ? connection.getErrorStream() : connection.getInputStream();
        if (in == null) {
            return new byte[0];
        }
        byte[] bytes = in.readNBytes(maxBodyBytes);
        if (bytes.length < maxBodyBytes) {
            in.close();
        } else {
            connection.disconnect();
        }
        return bytes;
    }

    /** Drops a connection whose {@code GET} has outlived the connect and read timeouts together. */
    private static final class Deadline implements Runnable {
        private final HttpURLConnection connection;
        private volatile boolean passed;

        Deadline(HttpURLConnection connection) {
            this.connection = connection;
        }

        @Override
        public void run() {
            passed = true;
            connection.disconnect();
        }
    }

    private static boolean sameHostAndPort(URI from, URI to) {
        return to.getHost() != null && from.getHost().equalsIgnoreCase(to.getHost()) && port(from) == port(to);
    }

    private static int port(URI uri) {
        if (uri.getPort() >= 0) {
            return uri.getPort();
        }
        return "https".equalsIgnoreCase(uri.getScheme()) ? 443 : 80;
    }

    /** The endpoint's scheme, host and port, its path as a prefix, then the health path. */
    static URI resolve(URI endpoint, String path) {
        String base = endpoint.getRawPath() == null ? "" : endpoint.getRawPath();
        while (base.endsWith("/")) {
            base = base.substring(0, base.length() - 1);
        }
        return URI.create(endpoint.getScheme() + "://" + endpoint.getRawAuthority() + base
                + (path.startsWith("/") ? path : "/" + path));
    }

    private static String bodyText(byte[] body) {
        String text = new String(body, StandardCharsets.UTF_8).strip().replaceAll("\\s+", " ");
        if (text.isEmpty()) {
            return null;
        }
        return text.length() > ERROR_BODY_CHARS ? text.substring(0, ERROR_BODY_CHARS) + "…" : text;
    }

    private static String key(HealthTarget target) {
        return target.service() + " " + target.endpoint();
    }

    /** What one {@code GET} gave: a status code (0 when none came) and, when unhealthy, why. */
    record Answer(URI uri, int code, HealthStatus failure, String error) {
        /** What the JDK's sockets say when a connect times out, and when nothing listens. */
        private static final String CONNECT_TIMED_OUT = "Connect timed out";

        private static final String CONNECTION_REFUSED = "Connection refused";

        static Answer of(URI uri, int code, String detail) {
            if (code / 100 == 2) {
                return new Answer(uri, code, null, null);
            }
            return new Answer(uri, code, null, "answered " + code + (detail == null ? "" : ": " + detail));
        }

        static Answer failed(URI uri, HealthStatus status, String error) {
            return new Answer(uri, 0, status, error);
        }

        /** What a failed {@code GET} is, from what {@link HttpURLConnection} threw. */
        static Answer failed(URI uri, IOException e, Duration connectTimeout, Duration readTimeout) {
            if (e instanceof UnknownHostException) {
                return failed(uri, HealthStatus.UNREACHABLE, "unknown host " + uri.getHost());
            }
            if (e instanceof SocketTimeoutException && CONNECT_TIMED_OUT.equals(e.getMessage())) {
                return failed(
                        uri, HealthStatus.UNREACHABLE, "connect timed out after " + connectTimeout.toMillis() + " ms");
            }
            if (e instanceof SocketTimeoutException) {
                return failed(uri, HealthStatus.RPC_FAILED, "no answer within " + readTimeout.toMillis() + " ms");
            }
            if (e instanceof ConnectException && CONNECTION_REFUSED.equalsIgnoreCase(String.valueOf(e.getMessage()))) {
                return failed(uri, HealthStatus.UNREACHABLE, "connection refused");
            }
            if (e instanceof ConnectException) {
                return failed(uri, HealthStatus.UNREACHABLE, message(e));
            }
            if (e instanceof SSLException) {
                return failed(uri, HealthStatus.UNREACHABLE, "TLS handshake failed: " + message(e));
            }
            return failed(uri, HealthStatus.RPC_FAILED, message(e));
        }

        HealthResult result(HealthTarget target, long start) {
            HealthStatus status = failure != null
                    ? failure
                    : code / 100 == 2
                            ? HealthStatus.SERVING
                            : code == 404 ? HealthStatus.NO_HEALTH_SERVICE : HealthStatus.NOT_SERVING;
            return new HealthResult(target.service(), status, HealthChecker.since(start), "GET " + uri, error);
        }

        private static String message(Throwable e) {
            String message = e.getMessage();
            return message == null || message.isBlank()
                    ? e.getClass().getSimpleName().toLowerCase(Locale.ROOT)
                    : e.getClass().getSimpleName() + ": " + message;
        }
    }
}
