package dev.switchboard.runtime.health;

import java.time.Duration;

/**
 * The outcome of checking one service.
 *
 * @param service the registry name of the service
 * @param status what the check found
 * @param latency how long the whole check took, fallbacks and redirects included
 * @param checked what was asked: {@code GET http://127.0.0.1:8080/health}, {@code
 *     grpc.health.v1.Health/Check "acme.user.v1.UserService" at grpc://127.0.0.1:9090}, {@code tls
 *     s3.local:443}
 * @param error why the service is not healthy, or null when it is
 */
public record HealthResult(String service, HealthStatus status, Duration latency, String checked, String error) {

    /** Whether the service counts as healthy. */
    public boolean healthy() {
        return status.healthy();
    }

    /** One line for people: {@code user: not serving: … (GET http://…/health)}. */
    public String describe() {
        return service + ": " + status.words() + (error == null ? "" : ": " + error) + " (" + checked + ")";
    }
}
