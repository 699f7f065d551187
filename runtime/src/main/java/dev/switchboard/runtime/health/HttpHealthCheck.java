package dev.switchboard.runtime.health;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.net.Authenticator;
import java.net.HttpURLConnection;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import javax.net.ssl.HttpsURLConnection;

/**
 * HTTP health checks: {@code GET} of the declared health path, or of the conventional ones until one
 * answers (remembered per service and endpoint, and tried first the next time). Redirects are followed
 * only on the same host and port; at most {@code maxBodyBytes} of a body are read.
 *
 * <p>Each {@code GET} is an {@link HttpURLConnection} that blocks the checking thread: of the JDK's two
 * clients it is the one a fresh JVM runs cheaply, about half the CPU time of {@code java.net.http}'s for a
 * first round of a thousand checks (benchmarks/health/RESULTS.md), and it starts no thread per answer. What
 * the JVM's defaults could change for every connection is set here instead: no credentials are sent, and
 * an {@code https} host name is verified during the handshake (unless verification is skipped), whatever
 * default host name verifier or socket factory the application has set. As {@link HttpURLConnection} does,
 * a body read to its end leaves the connection to the JDK's keep-alive cache, and a {@code GET} that the
 * server hangs up on before it answers is sent once more.
 */
final class HttpHealthCheck {
    /** Tried in this order when the registry declares no health path; {@code {name}} is the service. */
    static final List<String> FALLBACK_PATHS = List.of("/health", "/healthz", "/actuator/health", "/health/{name}");

    private static final int MAX_REDIRECTS = 5;
    private static final int ERROR_BODY_CHARS = 200;

    /**
     * Drops the connections of the {@code GET}s whose deadline has passed while they wait for their answers,
     * and of those an interrupted round gives up; its one thread ends when nothing is pending.
     */
    private static final ScheduledThreadPoolExecutor DEADLINES = deadlines();

    /** Sends no credentials, whatever default authenticator the application has set. */
    private static final Authenticator NO_CREDENTIALS = new Authenticator() {};

    private final TlsOptions tls;
    private final Duration readTimeout;
    private final Duration connectTimeout;
    private final int maxBodyBytes;
    private final Map<String, String> answered = new ConcurrentHashMap<>();
    private final Map<Thread, HeaderWait> waiting = new ConcurrentHashMap<>();

    HttpHealthCheck(Duration connectTimeout, Duration readTimeout, int maxBodyBytes, TlsOptions tls) {
        this.tls = tls;
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
     * interrupted while waiting for an answer goes on until {@link #abort} drops the connection or the
     * {@code GET}'s deadline passes, and one reading a body stops at its next read.
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
     * Drops the connection of the {@code GET} whose answer {@code thread} is waiting for, if any, which then
     * ends as soon as its connect (if one is under way) does; a thread reading a body stops at its next read,
     * by the read timeout at the latest. Returns at once.
     */
    void abort(Thread thread) {
        HeaderWait wait = waiting.get(thread);
        if (wait != null) {
            wait.drop();
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
     * and the two together, counted from here, the wait for the answer (a watchdog drops the connection
     * then) and the start of every read of its body: a body still coming then has been waited for by one
     * read timeout more at the most, as a read {@link HttpURLConnection} has begun cannot be cut short.
     * Past that deadline the {@code GET} fails with a {@link SocketTimeoutException}.
     */
    private Response send(URI uri) throws IOException {
        long deadline = System.nanoTime() + connectTimeout.plus(readTimeout).toNanos();
        HttpURLConnection connection = open(uri);
        Thread self = Thread.currentThread();
        HeaderWait wait = new HeaderWait(connection);
        waiting.put(self, wait);
        ScheduledFuture<?> watch = DEADLINES.schedule(wait::expire, deadline - System.nanoTime(), TimeUnit.NANOSECONDS);
        try {
            // Dropping the connection does nothing while it connects: the end of the wait is looked at after.
            connection.connect();
            wait.stillOpen();
            int code = connection.getResponseCode();
            String location = connection.getHeaderField("Location");
            wait.answered();
            return new Response(code, location, body(connection, code, deadline));
        } catch (IOException e) {
            quietlyDisconnect(connection);
            if (wait.expired()) {
                throw timedOut();
            }
            throw e;
        } finally {
            wait.over();
            watch.cancel(false);
            waiting.remove(self);
        }
    }

    private HttpURLConnection open(URI uri) throws IOException {
        HttpURLConnection connection = (HttpURLConnection) uri.toURL().openConnection();
        if (connection instanceof HttpsURLConnection https) {
            https.setSSLSocketFactory(tls.sockets());
            https.setHostnameVerifier(tls.hostNames());
        }
        connection.setAuthenticator(NO_CREDENTIALS);
        connection.setConnectTimeout((int) connectTimeout.toMillis());
        connection.setReadTimeout((int) readTimeout.toMillis());
        connection.setInstanceFollowRedirects(false);
        connection.setUseCaches(false);
        connection.setRequestProperty("Accept", "application/json, text/plain, */*");
        return connection;
    }

    /**
     * {@link HttpURLConnection#disconnect} from any thread. It is not made for two threads at once (one may
     * find the connection gone half-way and throw); the other one drops it.
     */
    private static void quietlyDisconnect(HttpURLConnection connection) {
        try {
            connection.disconnect();
        } catch (RuntimeException raced) {
            // Dropped by the other thread meanwhile.
        }
    }

    private static SocketTimeoutException timedOut() {
        return new SocketTimeoutException("the connect and read timeouts have passed");
    }

    /**
     * The first {@code maxBodyBytes} of the body, read while the deadline has not passed and the thread is
     * not interrupted. A body read to its end leaves the connection to be kept alive; of a longer one the
     * check reads no more and lets the connection go (the JDK may read a short rest of it in the background,
     * to keep the connection alive).
     */
    private byte[] body(HttpURLConnection connection, int code, long deadline) throws IOException {
        InputStream in = code >= 400 ? connection.getErrorStream() : connection.getInputStream();
        if (in == null) {
            return new byte[0];
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        byte[] chunk = new byte[Math.min(maxBodyBytes, 8192)];
        while (bytes.size() < maxBodyBytes) {
            if (System.nanoTime() - deadline >= 0) {
                throw timedOut();
            }
            if (Thread.currentThread().isInterrupted()) {
                throw new InterruptedIOException("health check interrupted");
            }
            int read = in.read(chunk, 0, Math.min(chunk.length, maxBodyBytes - bytes.size()));
            if (read < 0) {
                in.close();
                return bytes.toByteArray();
            }
            bytes.write(chunk, 0, read);
        }
        quietlyDisconnect(connection);
        return bytes.toByteArray();
    }

    /**
     * The wait for an answer's status and headers, which the watchdog (the deadline has passed) or an
     * interrupted round may end by dropping the connection. Dropping it does nothing while it connects, and
     * {@link HttpURLConnection} opens another if it is dropped before the request is written, so it is
     * dropped again every few milliseconds until the checking thread has seen the end. Once the answer has
     * come, neither touches the connection: dropping it then would wait for a read of the body in flight.
     */
    private static final class HeaderWait {
        private static final int OPEN = 0;
        private static final int ANSWERED = 1;
        private static final int EXPIRED = 2;
        private static final int DROPPED = 3;
        private static final long AGAIN_MILLIS = 20;

        private final HttpURLConnection connection;
        private final AtomicInteger state = new AtomicInteger(OPEN);
        private volatile boolean over;

        HeaderWait(HttpURLConnection connection) {
            this.connection = connection;
        }

        /** The deadline has passed: the connection is dropped, unless the answer came first. */
        void expire() {
            if (state.compareAndSet(OPEN, EXPIRED)) {
                keepDropping();
            }
        }

        /** The round was interrupted: the connection is dropped, unless the answer came first. */
        void drop() {
            if (state.compareAndSet(OPEN, DROPPED)) {
                DEADLINES.execute(this::keepDropping);
            }
        }

        private void keepDropping() {
            if (!over) {
                quietlyDisconnect(connection);
                DEADLINES.schedule(this::keepDropping, AGAIN_MILLIS, TimeUnit.MILLISECONDS);
            }
        }

        /** Throws when the wait has been ended: the deadline passed, or the round was interrupted. */
        void stillOpen() throws IOException {
            int now = state.get();
            if (now == EXPIRED) {
                throw timedOut();
            }
            if (now == DROPPED || Thread.currentThread().isInterrupted()) {
                throw new InterruptedIOException("health check interrupted");
            }
        }

        /** The answer has come; throws when the wait was ended first. */
        void answered() throws IOException {
            if (!state.compareAndSet(OPEN, ANSWERED)) {
                stillOpen();
            }
        }

        boolean expired() {
            return state.get() == EXPIRED;
        }

        /** The checking thread is done with the connection: it is not dropped again. */
        void over() {
            over = true;
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
        static Answer of(URI uri, int code, String detail) {
            if (code / 100 == 2) {
                return new Answer(uri, code, null, null);
            }
            return new Answer(uri, code, null, "answered " + code + (detail == null ? "" : ": " + detail));
        }

        /** What a failed {@code GET} is, from what {@link HttpURLConnection} threw. */
        static Answer failed(URI uri, IOException e, Duration connectTimeout, Duration readTimeout) {
            Failure failure = Failure.of(e, uri.getHost(), connectTimeout, readTimeout);
            return new Answer(uri, 0, failure.status(), failure.error());
        }

        HealthResult result(HealthTarget target, long start) {
            HealthStatus status = failure != null
                    ? failure
                    : code / 100 == 2
                            ? HealthStatus.SERVING
                            : code == 404 ? HealthStatus.NO_HEALTH_SERVICE : HealthStatus.NOT_SERVING;
            return new HealthResult(target.service(), status, HealthChecker.since(start), "GET " + uri, error);
        }
    }
}
