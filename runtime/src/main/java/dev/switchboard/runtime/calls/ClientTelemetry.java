package dev.switchboard.runtime.calls;

import dev.switchboard.runtime.registry.RateLimit;
import dev.switchboard.runtime.registry.ServiceKind;
import java.lang.System.Logger.Level;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The rate limiters, statistics and meters of one factory (or dynamic wrapper): one {@link ServiceGate}
 * per service, created when the service's first client is, and the debug log.
 *
 * <p>A service's limit is, first found: the one set in code, {@code -Dswitchboard.<service>.rateLimit},
 * the environment, the registry. The factory's resolver tells where the registry is ({@link
 * #useRegistry}); a dynamic wrapper reports each reload ({@link #registryChanged}), and limits change in
 * place, without rebuilding a client.
 */
public final class ClientTelemetry {
    private static final System.Logger LOG = System.getLogger("dev.switchboard");

    /** How long a call waits for a permit of its rate limit when no timeout is set. */
    public static final Duration DEFAULT_RATE_LIMIT_TIMEOUT = Duration.ofSeconds(5);

    private final ConcurrentHashMap<String, ServiceGate> gates = new ConcurrentHashMap<>();
    private final Function<String, ServiceLimit> configured;
    private final Function<String, Duration> timeouts;
    private final boolean debug;
    final Meters meters;
    private volatile Function<String, RateLimit> registryLimits = service -> null;
    private volatile Function<String, String> grpcServiceNames = service -> null;
    private volatile Supplier<RegistryStatistics> registry;

    /**
     * @param configured the limit set in code, a property or the environment for a service, or null
     * @param timeouts how long a call of a service may wait for a permit
     * @param meterRegistry a Micrometer {@code MeterRegistry} to publish the figures in, or null
     * @param debug whether every resolution step, creation and registry swap is logged at INFO
     * @throws IllegalArgumentException when {@code meterRegistry} is not a Micrometer registry
     */
    public ClientTelemetry(
            Function<String, ServiceLimit> configured,
            Function<String, Duration> timeouts,
            Object meterRegistry,
            boolean debug) {
        this.configured = Objects.requireNonNull(configured, "configured");
        this.timeouts = Objects.requireNonNull(timeouts, "timeouts");
        this.debug = debug;
        this.meters = meterRegistry == null ? null : MicrometerMeters.of(meterRegistry);
    }

    /**
     * The gate of a service's calls, created with its limiter on first use; {@code kind} names the kind
     * of client in the service's meters.
     *
     * @throws IllegalStateException when the service has a limit and Resilience4j is missing
     */
    public ServiceGate gate(String service, ServiceKind kind) {
        ServiceGate gate = gate(service);
        gate.kind(kind);
        return gate;
    }

    private ServiceGate gate(String service) {
        ServiceGate gate = gates.get(service);
        if (gate != null) {
            return gate;
        }
        return gates.computeIfAbsent(service, name -> {
            ServiceGate created = new ServiceGate(name, this);
            ServiceLimit limit = limit(name);
            created.configure(limit, timeouts.apply(name));
            debug(() -> name + ": "
                    + (limit == null
                            ? "no rate limit"
                            : "rate limit " + limit.describe() + " (" + limit.source() + "), waiting up to "
                                    + describe(timeouts.apply(name)) + " for a permit"));
            return created;
        });
    }

    /**
     * Where the registry's limits come from (the bundled registry, or the live one of a dynamic wrapper),
     * and the gRPC service name ({@code acme.user.v1.UserService}) of a registry service, by which the
     * calls on a channel shared by several services are told apart.
     */
    public void useRegistry(Function<String, RateLimit> limits, Function<String, String> grpcServices) {
        registryLimits = Objects.requireNonNull(limits, "limits");
        grpcServiceNames = Objects.requireNonNull(grpcServices, "grpcServices");
    }

    /** The gRPC service name of a registry service, or null when the registry does not tell it. */
    public String grpcServiceName(String service) {
        return grpcServiceNames.apply(service);
    }

    /**
     * Reads the limits of {@code services} again after the registry changed, and changes the limiters of
     * those that have clients; a limiter that cannot be made keeps the limit in force and is logged.
     */
    public void registryChanged(Collection<String> services) {
        for (String service : services) {
            ServiceGate gate = gates.get(service);
            if (gate == null) {
                continue;
            }
            ServiceLimit before = gate.limit();
            ServiceLimit after = limit(service);
            if (Objects.equals(before, after)) {
                continue;
            }
            try {
                gate.configure(after, timeouts.apply(service));
                LOG.log(
                        Level.INFO,
                        "switchboard: {0} is now {1}; it was {2}; its clients keep running",
                        service,
                        after == null
                                ? "not rate-limited"
                                : "limited to " + after.describe() + " (" + after.source() + ")",
                        before == null ? "not limited" : "limited to " + before.describe());
            } catch (RuntimeException e) {
                LOG.log(
                        Level.WARNING,
                        "switchboard: cannot change the rate limit of {0}: {1}",
                        service,
                        e.getMessage());
            }
        }
    }

    /** Counts a client of {@code service} made by {@code route} in {@code nanos}. */
    public void created(String service, Route route, long nanos) {
        gate(service).created(route, nanos);
        debug(() -> service + ": created (" + route.label() + ") in " + String.format(Locale.ROOT, "%.1f", nanos / 1e6)
                + " ms");
    }

    /** Adds the registry's figures to the statistics and meters (a dynamic wrapper). */
    public void registryStatistics(Supplier<RegistryStatistics> figures) {
        registry = Objects.requireNonNull(figures, "figures");
        if (meters != null) {
            meters.registry(figures);
        }
    }

    /** The figures so far: an immutable snapshot, services sorted by name. */
    public ClientStatistics statistics() {
        List<ServiceStatistics> services = new ArrayList<>();
        gates.values().forEach(gate -> services.add(gate.snapshot()));
        Supplier<RegistryStatistics> r = registry;
        return new ClientStatistics(services, r == null ? null : r.get());
    }

    /** Whether debug mode ({@code switchboard.debug}) is on. */
    public boolean debugging() {
        return debug;
    }

    /**
     * Logs a step of resolution, creation or reload: at INFO in debug mode, where the default logging
     * shows it, else at DEBUG (FINE), where logging configuration can still show it.
     */
    public void debug(Supplier<String> message) {
        if (debug) {
            LOG.log(Level.INFO, () -> "switchboard debug: " + message.get());
        } else {
            LOG.log(Level.DEBUG, () -> "switchboard debug: " + message.get());
        }
    }

    private ServiceLimit limit(String service) {
        ServiceLimit set = configured.apply(service);
        if (set != null) {
            return set;
        }
        RateLimit fromRegistry = registryLimits.apply(service);
        return fromRegistry == null ? null : new ServiceLimit(fromRegistry, ServiceLimit.REGISTRY);
    }

    /** {@code 5 s}, {@code 250 ms}: a duration as messages give it. */
    static String describe(Duration duration) {
        long millis = duration.toMillis();
        return millis % 1000 == 0 ? millis / 1000 + " s" : millis + " ms";
    }
}
