package dev.switchboard.core.aws;

import java.util.List;
import java.util.Set;

/**
 * One AWS SDK v2 client interface as read from its class file.
 *
 * @param artifactId the SDK module that holds it
 * @param className the interface's binary name ({@code software.amazon.awssdk.services.s3.S3Client})
 * @param serviceName its {@code SERVICE_NAME}
 * @param serviceMetadataId its {@code SERVICE_METADATA_ID}
 * @param builderClass the return type of its static {@code builder()}
 * @param operations operation names with their request and response types, in class-file order
 * @param paginated the operations that have a {@code …Paginator} method
 * @param waiterClass the return type of {@code waiter()}, or null
 */
public record AwsClientClass(
        String artifactId,
        String className,
        String serviceName,
        String serviceMetadataId,
        String builderClass,
        List<Operation> operations,
        Set<String> paginated,
        String waiterClass) {

    /** An operation: {@code listBuckets(ListBucketsRequest)} answering {@code ListBucketsResponse}. */
    public record Operation(String name, String input, String output) {}

    boolean async() {
        return className.endsWith("AsyncClient");
    }

    String simpleName() {
        return className.substring(className.lastIndexOf('.') + 1);
    }

    String packageName() {
        return className.substring(0, className.lastIndexOf('.'));
    }
}
