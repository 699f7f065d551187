/**
 * Health checks of the services an application talks to: HTTP health paths, gRPC health v1 {@code
 * Check}, and TCP/TLS reachability for AWS endpoints. {@link dev.switchboard.runtime.health.HealthChecker}
 * is what the {@code switchboard:health} goal runs and what applications call; gRPC classes are loaded
 * only when a {@code grpc://} or {@code grpcs://} endpoint is checked.
 */
package dev.switchboard.runtime.health;
