package dev.switchboard.runtime.calls;

import io.github.resilience4j.ratelimiter.RateLimiter;
import io.github.resilience4j.ratelimiter.RateLimiterConfig;
import java.time.Duration;

/**
 * A limit of {@code r} requests per second with bursts of {@code b} as Resilience4j's {@link
 * RateLimiter}: {@code b} permits every {@code b / r} seconds, so the rate holds over time and no more
 * than {@code b} go at once within a period. Permits left over at the end of a period do not carry into
 * the next.
 *
 * <p>The only class that names Resilience4j: it is loaded when a service first has a limit.
 */
final class Resilience4jLimiter implements Limiter {
    private final String service;
    private volatile RateLimiter limiter;

    Resilience4jLimiter(String service, ServiceLimit limit, Duration timeout) {
        this.service = service;
        this.limiter = RateLimiter.of(service, config(limit, timeout));
    }

    @Override
    public long reserve() {
        return limiter.reservePermission();
    }

    @Override
    public void change(ServiceLimit limit, Duration timeout) {
        RateLimiterConfig next = config(limit, timeout);
        RateLimiter current = limiter;
        RateLimiterConfig now = current.getRateLimiterConfig();
        if (now.getLimitRefreshPeriod().equals(next.getLimitRefreshPeriod())) {
            // Same period: Resilience4j changes the permits per period and the timeout in place.
            current.changeLimitForPeriod(next.getLimitForPeriod());
            current.changeTimeoutDuration(timeout);
        } else {
            // Resilience4j cannot change the period of a limiter: a new one takes over from the next call.
            limiter = RateLimiter.of(service, next);
        }
    }

    private static RateLimiterConfig config(ServiceLimit limit, Duration timeout) {
        int burst = limit.burst();
        long periodNanos = Math.max(1L, Math.round(burst * 1e9 / limit.rate().requestsPerSecond()));
        return RateLimiterConfig.custom()
                .limitForPeriod(burst)
                .limitRefreshPeriod(Duration.ofNanos(periodNanos))
                .timeoutDuration(timeout)
                .build();
    }
}
