package dev.switchboard.runtime.registry;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.List;

/**
 * The AWS SDK for Java v2 client behind an {@code aws} service.
 *
 * @param artifactId the SDK module ({@code s3}, {@code dynamodb})
 * @param serviceName the client's {@code SERVICE_NAME}
 * @param serviceMetadataId the client's {@code SERVICE_METADATA_ID}; differs from the service name
 *     for clients that share a module ({@code streams.dynamodb})
 * @param clientClass the sync client interface
 * @param asyncClientClass the async client interface; may be null
 * @param builderClass the sync client's builder interface; may be null
 * @param global whether the service has a single global endpoint
 * @param waiters the waiter operations the client offers, if any
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
@JsonPropertyOrder({
    "artifactId",
    "serviceName",
    "serviceMetadataId",
    "clientClass",
    "asyncClientClass",
    "builderClass",
    "global",
    "waiters"
})
public record AwsInfo(
        String artifactId,
        String serviceName,
        String serviceMetadataId,
        String clientClass,
        String asyncClientClass,
        String builderClass,
        @JsonInclude(JsonInclude.Include.ALWAYS) boolean global,
        List<String> waiters) {

    public AwsInfo {
        waiters = waiters == null ? List.of() : waiters.stream().sorted().toList();
    }
}
