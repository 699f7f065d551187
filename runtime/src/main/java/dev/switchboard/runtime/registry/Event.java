package dev.switchboard.runtime.registry;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/**
 * An event a service publishes.
 *
 * @param name the event message's simple name, or the streaming method's name
 * @param source {@code message} for a message named {@code …Event} in the service's file, {@code
 *     stream} for a server-streaming method, {@code option} or {@code override} when declared
 */
@JsonPropertyOrder({"name", "source"})
public record Event(String name, String source) {}
