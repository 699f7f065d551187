package dev.switchboard.runtime.registry;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.List;

/**
 * One operation of a service: an rpc of a proto service or a request method of an AWS client.
 *
 * @param name the rpc or method name ({@code GetUser}, {@code listBuckets})
 * @param input the fully qualified request type
 * @param output the fully qualified response type
 * @param clientStreaming whether the client streams requests ({@code grpc} only)
 * @param serverStreaming whether the server streams responses ({@code grpc} only)
 * @param deprecated whether the rpc is marked {@code deprecated}
 * @param idempotency the rpc's {@code idempotency_level} when it declares one ({@code NO_SIDE_EFFECTS},
 *     {@code IDEMPOTENT})
 * @param http the {@code google.api.http} rules, the primary first and each additional binding after
 * @param paginated whether the SDK offers a paginator for it ({@code aws} only)
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({
    "name",
    "input",
    "output",
    "clientStreaming",
    "serverStreaming",
    "deprecated",
    "idempotency",
    "http",
    "paginated"
})
public record MethodInfo(
        String name,
        String input,
        String output,
        Boolean clientStreaming,
        Boolean serverStreaming,
        Boolean deprecated,
        String idempotency,
        @JsonInclude(JsonInclude.Include.NON_EMPTY) List<HttpRule> http,
        Boolean paginated) {

    public MethodInfo {
        http = http == null ? List.of() : List.copyOf(http);
    }
}
