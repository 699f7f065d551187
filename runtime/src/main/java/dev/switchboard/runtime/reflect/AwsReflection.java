package dev.switchboard.runtime.reflect;

import dev.switchboard.runtime.ProviderContext;
import dev.switchboard.runtime.aws.AwsClientSupport;
import software.amazon.awssdk.awscore.client.builder.AwsClientBuilder;

/** Kept apart from {@link ReflectiveClients} so that a gRPC-only application never loads an AWS class. */
final class AwsReflection {
    private AwsReflection() {}

    static Object build(Object builder, String service, ProviderContext context) {
        return AwsClientSupport.build((AwsClientBuilder<?, ?>) builder, service, context.settings());
    }
}
