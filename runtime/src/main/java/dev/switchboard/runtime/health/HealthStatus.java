package dev.switchboard.runtime.health;

/**
 * What one check found. The names follow gRPC health v1 and grpc-health-probe, whose exit codes tell
 * a connection failure, a failed call and an unhealthy answer apart.
 */
public enum HealthStatus {
    /** The service answered that it is healthy (HTTP 2xx, gRPC {@code SERVING}). */
    SERVING("serving"),
    /** The endpoint accepted a TCP connection (and a TLS handshake for {@code https}); nothing more is known. */
    REACHABLE("reachable"),
    /** The service answered that it is not healthy (HTTP 4xx/5xx, gRPC {@code NOT_SERVING}). */
    NOT_SERVING("not serving"),
    /** No connection: refused, timed out, unknown host, or the TLS handshake failed. */
    UNREACHABLE("unreachable"),
    /** Connected, but the call did not give an answer: no response within the read timeout, a broken one. */
    RPC_FAILED("rpc failed"),
    /** The gRPC health service does not know the service name asked about. */
    UNKNOWN_SERVICE("unknown service"),
    /** The server has no health service: gRPC {@code UNIMPLEMENTED}, or no health path answered over HTTP. */
    NO_HEALTH_SERVICE("no health service");

    private final String words;

    HealthStatus(String words) {
        this.words = words;
    }

    /** Whether this counts as healthy: {@link #SERVING} or {@link #REACHABLE}. */
    public boolean healthy() {
        return this == SERVING || this == REACHABLE;
    }

    /** The status as people read it ({@code "not serving"}). */
    public String words() {
        return words;
    }
}
