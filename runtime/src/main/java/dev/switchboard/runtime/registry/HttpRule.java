package dev.switchboard.runtime.registry;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/**
 * One {@code google.api.http} binding of an rpc.
 *
 * @param verb {@code GET}, {@code POST}, {@code PUT}, {@code PATCH}, {@code DELETE} or a custom verb
 * @param path the path template ({@code /v1/users/{id}})
 * @param body the request field sent as the body, {@code *} for the whole request, {@code ""} for none
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({"verb", "path", "body"})
public record HttpRule(String verb, String path, String body) {}
