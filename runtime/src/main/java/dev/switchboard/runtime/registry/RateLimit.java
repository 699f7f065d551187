package dev.switchboard.runtime.registry;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/**
 * How fast a service may be called.
 *
 * @param requestsPerSecond the sustained rate
 * @param burst how many requests may go at once above that rate
 */
@JsonPropertyOrder({"requestsPerSecond", "burst"})
public record RateLimit(double requestsPerSecond, int burst) {}
