package dev.switchboard.runtime.registry;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/**
 * Where a service reports its health.
 *
 * @param http the HTTP health path ({@code /health/user}); may be null
 * @param grpc the service name to ask gRPC health v1 about, {@code ""} for the whole server; may be null
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({"http", "grpc"})
public record Health(String http, String grpc) {}
