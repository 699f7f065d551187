package dev.switchboard.runtime.health;

import java.io.IOException;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.Locale;
import javax.net.ssl.SSLException;

/**
 * How a connection or an exchange that failed reads in a result, in the same words for an HTTP check and
 * a TCP or TLS reachability check: its status, and what went wrong.
 */
record Failure(HealthStatus status, String error) {
    /** What the JDK's sockets say when a connect times out, and when nothing listens. */
    private static final String CONNECT_TIMED_OUT = "Connect timed out";

    private static final String CONNECTION_REFUSED = "Connection refused";

    /** What the JDK threw while connecting to {@code host} or waiting for its answer. */
    static Failure of(IOException e, String host, Duration connectTimeout, Duration readTimeout) {
        if (e instanceof UnknownHostException) {
            return new Failure(HealthStatus.UNREACHABLE, "unknown host " + host);
        }
        if (e instanceof SocketTimeoutException && CONNECT_TIMED_OUT.equals(e.getMessage())) {
            return new Failure(
                    HealthStatus.UNREACHABLE, "connect timed out after " + connectTimeout.toMillis() + " ms");
        }
        if (e instanceof SocketTimeoutException) {
            return new Failure(HealthStatus.RPC_FAILED, "no answer within " + readTimeout.toMillis() + " ms");
        }
        if (e instanceof ConnectException && CONNECTION_REFUSED.equalsIgnoreCase(String.valueOf(e.getMessage()))) {
            return new Failure(HealthStatus.UNREACHABLE, "connection refused");
        }
        if (e instanceof ConnectException) {
            return new Failure(HealthStatus.UNREACHABLE, message(e));
        }
        if (e instanceof SSLException) {
            return new Failure(HealthStatus.UNREACHABLE, "TLS handshake failed: " + e.getMessage());
        }
        return new Failure(HealthStatus.RPC_FAILED, message(e));
    }

    private static String message(Throwable e) {
        String message = e.getMessage();
        return message == null || message.isBlank()
                ? e.getClass().getSimpleName().toLowerCase(Locale.ROOT)
                : e.getClass().getSimpleName() + ": " + message;
    }
}
