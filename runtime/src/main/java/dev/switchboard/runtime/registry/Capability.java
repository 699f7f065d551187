package dev.switchboard.runtime.registry;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/**
 * Something a service can do ({@code crud}, {@code search}, {@code stream}).
 *
 * @param name the capability
 * @param source where it came from: {@code rule:<rule>} for inference from method names, {@code
 *     override} for the overrides file, {@code option} for a proto option
 */
@JsonPropertyOrder({"name", "source"})
public record Capability(String name, String source) {}
