/**
 * What every call of a client passes: the service's rate limiter (one per service, shared by all its
 * clients and threads), its statistics and, when a Micrometer registry is given, its meters.
 * {@link dev.switchboard.runtime.calls.ClientTelemetry} holds them for one factory; the {@code aws},
 * {@code grpc} and {@code http} packages hook each kind of client into a service's {@link
 * dev.switchboard.runtime.calls.ServiceGate}.
 *
 * <p>This package uses only the registry model, so that the settings of the root package can hold it.
 * Resilience4j and Micrometer are optional: {@code Resilience4jLimiter} and {@code MicrometerMeters}
 * are the only classes that name them, and they are loaded only when a service has a rate limit or a
 * meter registry is given.
 */
package dev.switchboard.runtime.calls;
