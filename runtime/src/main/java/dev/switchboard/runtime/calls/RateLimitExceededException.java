package dev.switchboard.runtime.calls;

import java.time.Duration;
import java.util.Locale;

/**
 * A call that its service's rate limit refused: no permit comes free within the service's {@code
 * rateLimitTimeout}. The message names the service, the limit and where it was set, and how to raise
 * it or wait longer.
 */
public final class RateLimitExceededException extends RuntimeException {
    private final String service;
    private final transient ServiceLimit limit;

    RateLimitExceededException(String service, ServiceLimit limit, Duration timeout) {
        super("service \"" + service + "\" is limited to " + limit.describe() + " (" + limit.source()
                + ") and "
                + (timeout.isZero()
                        ? "no permit is free now (its calls do not wait)"
                        : "no permit comes free within " + ClientTelemetry.describe(timeout))
                + "; raise the limit with rateLimit(\"" + service + "\", <requests per second>, <burst>) on the"
                + " builder or -Dswitchboard." + service + ".rateLimit=<requests per second>/<burst>, or let calls"
                + " wait longer with -Dswitchboard." + service + ".rateLimitTimeout=<ms or ISO-8601, e.g. PT10S>"
                + " (" + env(service) + "_RATELIMIT and " + env(service) + "_RATELIMITTIMEOUT in the"
                + " environment)");
        this.service = service;
        this.limit = limit;
    }

    private static String env(String service) {
        return ("SWITCHBOARD_" + service).toUpperCase(Locale.ROOT).replaceAll("[^A-Z0-9]", "_");
    }

    /** The service whose limit refused the call. */
    public String service() {
        return service;
    }

    /** The limit in force when the call was refused. */
    public ServiceLimit limit() {
        return limit;
    }
}
