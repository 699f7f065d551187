package dev.switchboard.runtime.calls;

import dev.switchboard.runtime.registry.RateLimit;
import java.util.Locale;

/**
 * A service's rate limit and where it was set, for messages that say which setting to change.
 *
 * @param rate requests per second and burst
 * @param source where the limit comes from, as a user reads it: {@code set in code}, {@code
 *     -Dswitchboard.s3.rateLimit}, {@code SWITCHBOARD_S3_RATELIMIT}, {@code the registry}
 */
public record ServiceLimit(RateLimit rate, String source) {

    /** The source of a limit read from the registry. */
    public static final String REGISTRY = "the registry";

    /**
     * The burst in force: the registry's, or one second's worth of requests (at least one) when it gives
     * none ({@code burst} 0 or absent).
     */
    public int burst() {
        return rate.burst() > 0
                ? rate.burst()
                : (int) Math.min(Integer.MAX_VALUE, Math.max(1, Math.ceil(rate.requestsPerSecond())));
    }

    /** {@code 20 requests/s, burst 5}. */
    public String describe() {
        return number(rate.requestsPerSecond()) + " requests/s, burst " + burst();
    }

    /**
     * A limit as the property gives it: {@code <requests per second>/<burst>} ({@code 50/100}) or only
     * the rate ({@code 50}).
     *
     * @param property the property or variable it was read from, for the message
     * @throws IllegalArgumentException naming the property, the value and the form to use
     */
    public static ServiceLimit parse(String value, String property) {
        String[] parts = value.trim().split("\\s*/\\s*", -1);
        try {
            double rps = Double.parseDouble(parts[0]);
            int burst = parts.length == 2 ? Integer.parseInt(parts[1]) : 0;
            if (parts.length <= 2 && rps > 0 && !Double.isInfinite(rps) && burst >= 0) {
                return new ServiceLimit(new RateLimit(rps, burst), property);
            }
        } catch (NumberFormatException e) {
            // reported below with the form to use
        }
        throw new IllegalArgumentException(property + " is \"" + value + "\"; give <requests per second>/<burst>"
                + " with a rate above 0 and a burst of 0 or more, e.g. 50/100 (or 50 for a burst of one second's"
                + " requests)");
    }

    static String number(double value) {
        return value == Math.rint(value) && Math.abs(value) < 1e15
                ? Long.toString((long) value)
                : String.format(Locale.ROOT, "%.3f", value).replaceAll("0+$", "");
    }
}
