package dev.switchboard.runtime.health;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.UnknownHostException;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.ByteBuffer;
import java.nio.channels.UnresolvedAddressException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Flow;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javax.net.ssl.SSLException;

/**
 * HTTP health checks: {@code GET} of the declared health path, or of the conventional ones until one
 * answers (remembered per service and endpoint, and tried first the next time). Redirects are followed
 * only on the same host and port; at most {@code maxBodyBytes} of a body are read.
 */
final class HttpHealthCheck {
    /** Tried in this order when the registry declares no health path; {@code {name}} is the service. */
    static final List<String> FALLBACK_PATHS = List.of("/health", "/healthz", "/actuator/health", "/health/{name}");

    private static final int MAX_REDIRECTS = 5;
    private static final int ERROR_BODY_CHARS = 200;

    private final HttpClient client;
    private final Duration readTimeout;
    private final Duration connectTimeout;
    private final int maxBodyBytes;
    private final Map<String, String> answered = new ConcurrentHashMap<>();

    HttpHealthCheck(Duration connectTimeout, Duration readTimeout, int maxBodyBytes, TlsOptions tls) {
        HttpClient.Builder builder = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(connectTimeout);
        if (tls.trustManagers() != null || tls.keyManagers() != null) {
            builder.sslContext(tls.sslContext());
        }
        this.client = builder.build();
        this.connectTimeout = connectTimeout;
        this.readTimeout = readTimeout;
        this.maxBodyBytes = maxBodyBytes;
    }

    /** The path that answered last time for this service at this endpoint, if any. */
    Optional<String> remembered(HealthTarget target) {
        return Optional.ofNullable(answered.get(key(target)));
    }

    /**
     * Checks one target on the calling thread: each {@code GET} is sent and its answer waited for (the
     * next path or redirect is sent when it has come). Interrupting the thread cancels the request in
     * flight.
     *
     * <p>Blocking, not {@code sendAsync}: the JDK's client hands every asynchronous answer to the common
     * fork-join pool, and where that pool has a single worker (machines with two CPUs) to a new thread per
     * answer instead; a thousand checks then started a thousand threads.
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

    /** One {@code GET}, and the redirects on the same host and port it leads to. */
    private Answer get(URI first) throws InterruptedException {
        URI uri = first;
        for (int hop = 0; ; hop++) {
            HttpRequest request = HttpRequest.newBuilder(uri)
                    .GET()
                    .timeout(readTimeout)
                    .header("Accept", "application/json, text/plain, */*")
                    .build();
            HttpResponse<byte[]> response;
            // The request's timeout ends the wait for the headers; the body gets what is left of the
            // connect and read timeouts together, counted from here, so a body that stalls ends with them.
            long deadline = System.nanoTime() + connectTimeout.plus(readTimeout).toNanos();
            try {
                response = client.send(request, info -> new CappedBody(maxBodyBytes, deadline));
            } catch (IOException e) {
                return Answer.failed(uri, e, connectTimeout, readTimeout);
            }
            int code = response.statusCode();
            Optional<String> location = response.headers().firstValue("Location");
            if (code < 300 || code >= 400 || location.isEmpty()) {
                return Answer.of(uri, code, code / 100 == 2 ? null : bodyText(response.body()));
            }
            URI next = uri.resolve(location.get().trim());
            if (!sameHostAndPort(uri, next)) {
                return Answer.of(uri, code, "redirected to " + next + ", another host; not followed");
            }
            if (hop == MAX_REDIRECTS) {
                return Answer.of(uri, code, "more than " + MAX_REDIRECTS + " redirects");
            }
            uri = next;
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

        static Answer failed(URI uri, HealthStatus status, String error) {
            return new Answer(uri, 0, status, error);
        }

        /**
         * What a failed {@code GET} is: {@code HttpClient.send} throws a copy of the failure's type, or a
         * plain {@link IOException} (or {@link SSLException}) around it, which is looked through.
         */
        static Answer failed(URI uri, Throwable thrown, Duration connectTimeout, Duration readTimeout) {
            Throwable e = thrown;
            while ((e.getClass() == IOException.class || e.getClass() == SSLException.class)
                    && e.getCause() instanceof IOException cause) {
                e = cause;
            }
            if (unresolved(e)) {
                return failed(uri, HealthStatus.UNREACHABLE, "unknown host " + uri.getHost());
            }
            if (e instanceof HttpConnectTimeoutException) {
                return failed(
                        uri, HealthStatus.UNREACHABLE, "connect timed out after " + connectTimeout.toMillis() + " ms");
            }
            // The headers' timeout, or the body's (CappedBody), which the client hands on as the cause.
            if (e instanceof HttpTimeoutException || e.getCause() instanceof TimeoutException) {
                return failed(uri, HealthStatus.RPC_FAILED, "no answer within " + readTimeout.toMillis() + " ms");
            }
            if (e instanceof ConnectException && e.getMessage() == null) {
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

        /** A host name that does not resolve: the client reports it as a connection failure around it. */
        private static boolean unresolved(Throwable e) {
            for (Throwable t = e; t != null; t = t.getCause()) {
                if (t instanceof UnresolvedAddressException || t instanceof UnknownHostException) {
                    return true;
                }
            }
            return false;
        }

        private static String message(Throwable e) {
            String message = e.getMessage();
            return message == null || message.isBlank()
                    ? e.getClass().getSimpleName().toLowerCase(Locale.ROOT)
                    : e.getClass().getSimpleName() + ": " + message;
        }
    }

    /**
     * Keeps the first {@code max} bytes of a body and then stops reading, which closes the connection; a body
     * that has not ended by the deadline fails with a {@link TimeoutException}, and is not read further either.
     * The subscription is asked for more and cancelled under one lock: the timeout fires on another thread
     * than the one that delivers the body.
     */
    private static final class CappedBody implements HttpResponse.BodySubscriber<byte[]> {
        private final int max;
        private final long deadline;
        private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        private final CompletableFuture<byte[]> body = new CompletableFuture<>();
        private Flow.Subscription subscription;
        private boolean cancelled;

        /** @param deadline when the body must have ended, in {@link System#nanoTime()}'s terms */
        CappedBody(int max, long deadline) {
            this.max = max;
            this.deadline = deadline;
        }

        @Override
        public CompletionStage<byte[]> getBody() {
            return body;
        }

        @Override
        public void onSubscribe(Flow.Subscription s) {
            synchronized (this) {
                subscription = s;
            }
            long left = Math.max(1, TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime()));
            body.orTimeout(left, TimeUnit.MILLISECONDS).whenComplete((b, e) -> {
                if (e != null) {
                    cancel();
                }
            });
            request();
        }

        @Override
        public void onNext(List<ByteBuffer> items) {
            if (body.isDone()) {
                return;
            }
            for (ByteBuffer item : items) {
                int take = Math.min(item.remaining(), max - bytes.size());
                byte[] chunk = new byte[take];
                item.get(chunk);
                bytes.write(chunk, 0, take);
                if (item.hasRemaining() || bytes.size() >= max) {
                    cancel();
                    body.complete(bytes.toByteArray());
                    return;
                }
            }
            request();
        }

        @Override
        public void onError(Throwable error) {
            body.completeExceptionally(error);
        }

        @Override
        public void onComplete() {
            body.complete(bytes.toByteArray());
        }

        private synchronized void request() {
            if (!cancelled) {
                subscription.request(1);
            }
        }

        private synchronized void cancel() {
            if (!cancelled) {
                cancelled = true;
                subscription.cancel();
            }
        }
    }
}
