package dev.switchboard.core.aws;

import java.util.List;

/**
 * A discovered AWS service: a sync client with its async sibling and what the regions metadata says.
 *
 * @param name the registry name ({@code s3}, {@code dynamodb-streams})
 * @param client the sync client
 * @param asyncClientClass the async client interface of the same service, or null
 * @param global whether the regions metadata says the service is not regionalized
 * @param waiters the waiter operations
 */
record AwsService(String name, AwsClientClass client, String asyncClientClass, boolean global, List<String> waiters) {}
