package dev.switchboard.runtime.calls;

import dev.switchboard.runtime.registry.ServiceKind;
import java.time.Duration;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;
import java.util.concurrent.locks.LockSupport;

/**
 * What every call of one service passes, whichever of its clients makes it: the service's rate limiter,
 * created with the gate on the service's first client and shared by all its clients and threads, and
 * the counters of its statistics and meters.
 *
 * <p>A call asks for a permit ({@link #acquire} for clients that block their caller anyway, {@link
 * #reserve} and {@link #later} for those that must not), then reports how it ended ({@link
 * #callStarted}, {@link #callEnded}). Without a limit a permit costs one volatile read.
 */
public final class ServiceGate {
    /** The Resilience4j version switchboard is built and tested with, for the message that asks for it. */
    private static final String RESILIENCE4J_VERSION = "2.4.0";

    private final String service;
    private final ClientTelemetry owner;
    private final LongAdder calls = new LongAdder();
    private final LongAdder errors = new LongAdder();
    private final LongAdder waits = new LongAdder();
    private final LongAdder waitNanos = new LongAdder();
    private final LongAdder rejections = new LongAdder();
    private final Map<Route, LongAdder> created = new EnumMap<>(Route.class);
    private final LongAdder creationNanos = new LongAdder();
    private final Latencies latencies = new Latencies();
    private volatile ServiceKind kind;
    private volatile Limiter limiter;
    private volatile ServiceLimit limit;
    private volatile Duration timeout;
    private volatile Meters.ServiceMeters meters;

    ServiceGate(String service, ClientTelemetry owner) {
        this.service = service;
        this.owner = owner;
        for (Route route : Route.values()) {
            created.put(route, new LongAdder());
        }
    }

    /** The service's registry name. */
    public String service() {
        return service;
    }

    /** The limit in force, or null when calls are not limited. */
    public ServiceLimit limit() {
        return limit;
    }

    void kind(ServiceKind value) {
        if (kind == null && value != null) {
            kind = value;
        }
    }

    /**
     * Takes a permit, waiting for it on this thread when none is free: for clients whose caller waits for
     * the answer anyway (sync AWS clients, the generic REST client).
     *
     * @throws RateLimitExceededException when no permit comes free within the service's timeout
     */
    public void acquire() {
        long wait = reserve();
        if (wait > 0) {
            long deadline = System.nanoTime() + wait;
            for (long left = wait; left > 0; left = deadline - System.nanoTime()) {
                LockSupport.parkNanos(this, left);
                if (Thread.currentThread().isInterrupted()) {
                    throw new IllegalStateException("service \"" + service + "\": the call was interrupted while it"
                            + " waited for a permit of its rate limit (" + limit.describe() + ")");
                }
            }
        }
    }

    /**
     * Reserves a permit without waiting: 0 when the call may go now, else the nanoseconds after which it
     * may (run it then with {@link #later}).
     *
     * @throws RateLimitExceededException when no permit comes free within the service's timeout
     */
    public long reserve() {
        Limiter l = limiter;
        if (l == null) {
            return 0;
        }
        long wait = l.reserve();
        if (wait < 0) {
            rejections.increment();
            Meters.ServiceMeters m = meters();
            if (m != null) {
                m.rejected();
            }
            throw new RateLimitExceededException(service, limit, timeout);
        }
        if (wait > 0) {
            waits.increment();
            waitNanos.add(wait);
            Meters.ServiceMeters m = meters();
            if (m != null) {
                m.waited(wait);
            }
        }
        return wait;
    }

    /**
     * Runs {@code task} after {@code delayNanos} on switchboard's timer thread, which only starts calls:
     * the task must hand its work on and return.
     */
    public static void later(Runnable task, long delayNanos) {
        Timer.THREAD.schedule(task, delayNanos, TimeUnit.NANOSECONDS);
    }

    /** When a call starts; give the value to {@link #callEnded}. */
    public long callStarted() {
        return System.nanoTime();
    }

    /** Counts a call that ended, with its latency from {@code startNanos}; a refused call is a failed one. */
    public void callEnded(long startNanos, boolean failed) {
        long nanos = System.nanoTime() - startNanos;
        calls.increment();
        if (failed) {
            errors.increment();
        }
        latencies.record(nanos);
        Meters.ServiceMeters m = meters();
        if (m != null) {
            m.call(nanos, failed);
        }
    }

    void created(Route route, long nanos) {
        created.get(route).increment();
        creationNanos.add(nanos);
        Meters.ServiceMeters m = meters();
        if (m != null) {
            m.created(route);
        }
    }

    /**
     * Puts a limit in force, changes it or lifts it (null), for the calls from now on; the service's
     * clients keep their gate and are not rebuilt.
     *
     * @throws IllegalStateException when a limit is set and Resilience4j is not on the class path
     */
    synchronized void configure(ServiceLimit newLimit, Duration newTimeout) {
        if (newLimit == null) {
            limiter = null;
        } else if (limiter == null) {
            limiter = newLimiter(newLimit, newTimeout);
        } else {
            limiter.change(newLimit, newTimeout);
        }
        limit = newLimit;
        timeout = newTimeout;
    }

    private Limiter newLimiter(ServiceLimit newLimit, Duration newTimeout) {
        try {
            Class.forName("io.github.resilience4j.ratelimiter.RateLimiter", false, ServiceGate.class.getClassLoader());
        } catch (ClassNotFoundException | LinkageError e) {
            throw new IllegalStateException("service \"" + service + "\" has a rate limit (" + newLimit.describe()
                    + ", " + newLimit.source() + "), and switchboard enforces rate limits with Resilience4j, which is"
                    + " not on the class path; add <dependency><groupId>io.github.resilience4j</groupId>"
                    + "<artifactId>resilience4j-ratelimiter</artifactId><version>" + RESILIENCE4J_VERSION
                    + "</version></dependency>");
        }
        return new Resilience4jLimiter(service, newLimit, newTimeout);
    }

    private Meters.ServiceMeters meters() {
        Meters.ServiceMeters m = meters;
        if (m == null && owner.meters != null) {
            synchronized (this) {
                m = meters;
                if (m == null) {
                    m = owner.meters.service(service, kind);
                    meters = m;
                }
            }
        }
        return m;
    }

    ServiceStatistics snapshot() {
        Map<String, Long> byRoute = new LinkedHashMap<>();
        created.forEach((route, count) -> {
            long n = count.sum();
            if (n > 0) {
                byRoute.put(route.label(), n);
            }
        });
        ServiceKind k = kind;
        return new ServiceStatistics(
                service,
                k == null ? "" : k.name().toLowerCase(Locale.ROOT),
                byRoute,
                millis(creationNanos.sum()),
                calls.sum(),
                errors.sum(),
                millis(latencies.percentile(0.50)),
                millis(latencies.percentile(0.99)),
                limit,
                waits.sum(),
                millis(waitNanos.sum()),
                rejections.sum());
    }

    private static double millis(long nanos) {
        return nanos / 1e6;
    }

    /** One daemon thread for every delayed call of the application, started on the first. */
    private static final class Timer {
        static final ScheduledExecutorService THREAD = Executors.newSingleThreadScheduledExecutor(task -> {
            Thread thread = new Thread(task, "switchboard-rate-limit");
            thread.setDaemon(true);
            return thread;
        });
    }
}
