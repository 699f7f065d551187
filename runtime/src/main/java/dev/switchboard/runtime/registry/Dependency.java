package dev.switchboard.runtime.registry;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/**
 * A service this one depends on.
 *
 * @param service the registry name of the other service
 * @param source where it came from: {@code type:<full type name>} for a message type that lives in the
 *     other service's package, {@code override} or {@code rule:<rule>} when declared
 */
@JsonPropertyOrder({"service", "source"})
public record Dependency(String service, String source) {}
