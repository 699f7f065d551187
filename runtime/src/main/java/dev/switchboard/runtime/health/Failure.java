package dev.switchboard.runtime.health;

import java.io.IOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.Locale;
import java.util.regex.Pattern;
import javax.net.ssl.SSLException;

/**
 * How a connection or an exchange that failed reads in a result, in the same words for an HTTP check and
 * a TCP or TLS reachability check: its status, and what went wrong, in the words of the network and never
 * a Java class name.
 */
record Failure(HealthStatus status, String error) {
    /** What the JDK's sockets say when a connect times out, and when nothing listens. */
    private static final String CONNECT_TIMED_OUT = "Connect timed out";

    private static final String CONNECTION_REFUSED = "Connection refused";

    /** What {@code HttpURLConnection} says when the server closes the connection before its answer. */
    private static final String HUNG_UP = "Unexpected end of file from server";

    /** What {@code HttpURLConnection} says when the first line of the answer is not an HTTP status line. */
    private static final String NOT_HTTP = "Invalid Http response";

    /** What gRPC's transport says when the answer to its TLS greeting is not TLS. */
    private static final String NOT_TLS = "not an SSL/TLS record";

    /** What the JDK's trust manager says of a certificate that no trusted CA signed. */
    private static final String UNTRUSTED = "unable to find valid certification path";

    /**
     * A Java class name and its colon, as the JDK writes a cause into a message ("PKIX path building
     * failed: sun.security.provider.certpath.SunCertPathBuilderException: unable to …").
     */
    private static final Pattern CLASS_NAME =
            Pattern.compile("(?:\\b[a-z][a-z0-9_]*\\.)+[A-Z][A-Za-z0-9_$]*(?:Exception|Error)\\b:?\\s*");

    /** What the JDK threw while connecting to {@code host} or waiting for its answer. */
    static Failure of(IOException e, String host, Duration connectTimeout, Duration readTimeout) {
        String message = String.valueOf(e.getMessage());
        if (e instanceof UnknownHostException) {
            return new Failure(HealthStatus.UNREACHABLE, "unknown host " + host);
        }
        if (e instanceof SocketTimeoutException && CONNECT_TIMED_OUT.equals(message)) {
            return new Failure(
                    HealthStatus.UNREACHABLE, "connect timed out after " + connectTimeout.toMillis() + " ms");
        }
        if (e instanceof SocketTimeoutException) {
            return new Failure(HealthStatus.RPC_FAILED, "no answer within " + readTimeout.toMillis() + " ms");
        }
        // The JDK says just that; gRPC's transport adds its system call before it and the address after.
        if (e instanceof SocketException && message.contains(CONNECTION_REFUSED)) {
            return new Failure(HealthStatus.UNREACHABLE, "connection refused");
        }
        if (e instanceof NoRouteToHostException) {
            return new Failure(HealthStatus.UNREACHABLE, "no route to host " + host);
        }
        if (e instanceof ConnectException) {
            return new Failure(HealthStatus.UNREACHABLE, words(e, "could not connect"));
        }
        if (e instanceof SSLException && message.contains(UNTRUSTED)) {
            return new Failure(
                    HealthStatus.UNREACHABLE,
                    "TLS handshake failed: the server's certificate is not signed by a trusted CA"
                            + " (give that CA's certificate as the CA file, or skip verification for a test server)");
        }
        if (e instanceof SSLException && message.startsWith(NOT_TLS)) {
            return new Failure(
                    HealthStatus.UNREACHABLE,
                    "TLS handshake failed: the server does not speak TLS on that port (for a plaintext port use"
                            + " grpc:// or http://)");
        }
        if (e instanceof SSLException) {
            return new Failure(HealthStatus.UNREACHABLE, "TLS handshake failed: " + words(e, "no reason given"));
        }
        if (e instanceof SocketException && HUNG_UP.equals(message)) {
            return new Failure(HealthStatus.RPC_FAILED, "the server closed the connection without answering");
        }
        if (NOT_HTTP.equals(message)) {
            return new Failure(HealthStatus.RPC_FAILED, "not an HTTP answer");
        }
        return new Failure(HealthStatus.RPC_FAILED, words(e, "the connection failed"));
    }

    /**
     * What went wrong, from the message of {@code e} (else of its first cause with one), without the Java
     * class names the JDK writes into some messages; {@code otherwise} when nothing is left.
     */
    static String words(Throwable e, String otherwise) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            String message = t.getMessage();
            if (message != null) {
                String words = CLASS_NAME.matcher(message).replaceAll("").strip();
                if (!words.isEmpty()) {
                    return words.length() > 1
                                    && Character.isUpperCase(words.charAt(0))
                                    && Character.isLowerCase(words.charAt(1))
                            ? words.substring(0, 1).toLowerCase(Locale.ROOT) + words.substring(1)
                            : words;
                }
            }
        }
        return otherwise;
    }
}
