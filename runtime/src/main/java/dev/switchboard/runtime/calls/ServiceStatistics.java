package dev.switchboard.runtime.calls;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The figures of one service since its first client was created.
 *
 * @param service the registry name
 * @param kind {@code aws}, {@code grpc} or {@code http}; empty when its clients were made without
 *     switchboard's help (a provider that builds its own)
 * @param created clients created, by route ({@code compiled-in}, {@code provider}, {@code reflection},
 *     {@code generic}), in that order; a sync and an async client count as two
 * @param creationMillis the time spent creating them, all together
 * @param calls calls that ended, successful or not
 * @param errors calls that failed, those the rate limit refused included
 * @param p50Millis the median call latency, rate-limit waits included (within 6.25 %)
 * @param p99Millis the 99th percentile of the call latency
 * @param rateLimit the limit in force, or null
 * @param rateLimitWaits calls that waited for a permit
 * @param rateLimitWaitMillis the time they waited, all together
 * @param rateLimitRejections calls refused because no permit came free in time
 */
public record ServiceStatistics(
        String service,
        String kind,
        Map<String, Long> created,
        double creationMillis,
        long calls,
        long errors,
        double p50Millis,
        double p99Millis,
        ServiceLimit rateLimit,
        long rateLimitWaits,
        double rateLimitWaitMillis,
        long rateLimitRejections) {

    public ServiceStatistics {
        created = Collections.unmodifiableMap(new LinkedHashMap<>(created));
    }

    /** Clients created by every route together. */
    public long createdTotal() {
        return created.values().stream().mapToLong(Long::longValue).sum();
    }
}
