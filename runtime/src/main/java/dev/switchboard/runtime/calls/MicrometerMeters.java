package dev.switchboard.runtime.calls;

import dev.switchboard.runtime.registry.ServiceKind;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * The figures of the statistics as Micrometer meters, named by Micrometer's conventions (lower-case,
 * dot-separated; each registry renders them its own way, Prometheus as {@code
 * switchboard_client_calls_seconds_count}):
 *
 * <ul>
 *   <li>{@code switchboard.client.calls}, a timer per service, kind and outcome ({@code success},
 *       {@code error}; a call its rate limit refused is an error);
 *   <li>{@code switchboard.client.creations}, a counter per service, kind and route ({@code
 *       compiled-in}, {@code provider}, {@code reflection}, {@code generic});
 *   <li>{@code switchboard.client.ratelimit.waits}, a timer of the calls that waited for a permit, per
 *       service and kind, and {@code switchboard.client.ratelimit.rejections}, a counter of the calls
 *       refused;
 *   <li>for a dynamic wrapper, {@code switchboard.registry.reloads} and {@code
 *       switchboard.registry.rejections}, counters of registry files swapped in and refused.
 * </ul>
 *
 * <p>The only class that names Micrometer: it is loaded only when a meter registry is given.
 */
final class MicrometerMeters implements Meters {
    private final MeterRegistry registry;

    private MicrometerMeters(MeterRegistry registry) {
        this.registry = registry;
    }

    /**
     * @throws IllegalArgumentException when {@code registry} is not a Micrometer {@code MeterRegistry}
     */
    static Meters of(Object registry) {
        if (!(registry instanceof MeterRegistry meterRegistry)) {
            throw new IllegalArgumentException("meterRegistry(…) takes an io.micrometer.core.instrument.MeterRegistry"
                    + " (a PrometheusMeterRegistry, a SimpleMeterRegistry, …), not a "
                    + registry.getClass().getName());
        }
        return new MicrometerMeters(meterRegistry);
    }

    @Override
    public ServiceMeters service(String service, ServiceKind kind) {
        String kindTag = kind == null ? "unknown" : kind.name().toLowerCase(Locale.ROOT);
        Timer success = calls(service, kindTag, "success");
        Timer error = calls(service, kindTag, "error");
        Timer waits = Timer.builder("switchboard.client.ratelimit.waits")
                .description("Calls that waited for a permit of their service's rate limit, and how long")
                .tags("service", service, "kind", kindTag)
                .register(registry);
        Counter rejections = Counter.builder("switchboard.client.ratelimit.rejections")
                .description("Calls that their service's rate limit refused")
                .tags("service", service, "kind", kindTag)
                .register(registry);
        return new ServiceMeters() {
            @Override
            public void call(long nanos, boolean failed) {
                (failed ? error : success).record(nanos, TimeUnit.NANOSECONDS);
            }

            @Override
            public void created(Route route) {
                // Registered on first use, so that a scrape shows only the routes a service took; a
                // creation is rare enough for the registry's own lookup.
                Counter.builder("switchboard.client.creations")
                        .description("Clients created, by how they were made")
                        .tags("service", service, "kind", kindTag, "route", route.label())
                        .register(registry)
                        .increment();
            }

            @Override
            public void waited(long nanos) {
                waits.record(nanos, TimeUnit.NANOSECONDS);
            }

            @Override
            public void rejected() {
                rejections.increment();
            }
        };
    }

    private Timer calls(String service, String kind, String outcome) {
        return Timer.builder("switchboard.client.calls")
                .description("Calls of switchboard clients, from the client's side, rate-limit waits included")
                .tags("service", service, "kind", kind, "outcome", outcome)
                .register(registry);
    }

    @Override
    public void registry(Supplier<RegistryStatistics> figures) {
        FunctionCounter.builder(
                        "switchboard.registry.reloads", figures, f -> f.get().reloads())
                .description("Registry files swapped in by the dynamic wrapper")
                .register(registry);
        FunctionCounter.builder(
                        "switchboard.registry.rejections", figures, f -> f.get().rejected())
                .description("Registry file contents the dynamic wrapper refused, keeping the registry in force")
                .register(registry);
    }
}
