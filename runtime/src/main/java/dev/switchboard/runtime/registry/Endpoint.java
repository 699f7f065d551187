package dev.switchboard.runtime.registry;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/**
 * A REST endpoint of a service, derived from one HTTP rule of one method.
 *
 * @param verb the HTTP verb
 * @param path the path template
 * @param method the method it calls
 * @param body what the HTTP rule sends as the body ({@code ""} for none)
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({"verb", "path", "method", "body"})
public record Endpoint(String verb, String path, String method, String body) {}
