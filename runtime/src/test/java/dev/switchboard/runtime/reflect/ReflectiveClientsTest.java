package dev.switchboard.runtime.reflect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.switchboard.runtime.ClientSettings;
import dev.switchboard.runtime.ProviderContext;
import dev.switchboard.runtime.ServiceNotAvailableException;
import dev.switchboard.runtime.SyncHttpClient;
import dev.switchboard.runtime.registry.AwsInfo;
import dev.switchboard.runtime.registry.ServiceEntry;
import dev.switchboard.runtime.registry.ServiceKind;
import dev.switchboard.runtime.resolve.ClientResolver;
import java.net.URI;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.SqsClientBuilder;

class ReflectiveClientsTest {
    private static final ServiceEntry SQS = ServiceEntry.builder("sqs", ServiceKind.AWS)
            .aws(new AwsInfo(
                    "sqs",
                    "sqs",
                    "sqs",
                    "software.amazon.awssdk.services.sqs.SqsClient",
                    "software.amazon.awssdk.services.sqs.SqsAsyncClient",
                    "software.amazon.awssdk.services.sqs.SqsClientBuilder",
                    false,
                    null))
            .build();

    private static ProviderContext context(ClientSettings settings) {
        return ProviderContext.of(settings, null);
    }

    private static ClientSettings.Builder settings() {
        return ClientSettings.builder().lookups(p -> null, e -> null).region("us-east-1");
    }

    @Test
    @DisplayName("an AWS client is built from its class name alone, with the factory's settings and customizers")
    void buildsAwsClientByReflection() {
        AtomicReference<Object> customized = new AtomicReference<>();
        ClientSettings settings = settings()
                .endpoint("sqs", URI.create("http://127.0.0.1:9324"))
                .customizer("sqs", customized::set)
                .build();

        Object client =
                ReflectiveClients.create(SQS, context(settings), getClass().getClassLoader());

        assertThat(client).isInstanceOf(SqsClient.class);
        assertThat(customized.get()).isInstanceOf(SqsClientBuilder.class);
        ((SqsClient) client).close();
    }

    @Test
    @DisplayName("a chosen HTTP client that is not on the classpath is an error naming the dependency to add")
    void missingChosenHttpClientNamesTheDependency() {
        ClientSettings settings =
                settings().syncHttpClient(SyncHttpClient.AWS_CRT).build();

        assertThatThrownBy(() -> ReflectiveClients.create(
                        SQS, context(settings), getClass().getClassLoader()))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("\"sqs\"")
                .hasMessageContaining("<artifactId>aws-crt-client</artifactId>");
    }

    @Test
    @DisplayName("a registry entry whose class is not on the classpath says which dependency would provide it")
    void missingClassNamesTheDependency() {
        ServiceEntry lambda = ServiceEntry.builder("lambda", ServiceKind.AWS)
                .aws(new AwsInfo(
                        "lambda",
                        "lambda",
                        "lambda",
                        "software.amazon.awssdk.services.lambda.LambdaClient",
                        null,
                        null,
                        false,
                        null))
                .build();

        assertThatThrownBy(() -> ReflectiveClients.create(
                        lambda, context(settings().build()), getClass().getClassLoader()))
                .isInstanceOf(ServiceNotAvailableException.class)
                .hasMessageContaining("software.amazon.awssdk.services.lambda.LambdaClient")
                .hasMessageContaining("<artifactId>lambda</artifactId>");
    }

    @Test
    @DisplayName(
            "a service no provider, registry or class knows is an error listing what is known and how to include it")
    void unknownServiceListsWhatIsKnown() {
        ClientResolver resolver =
                new ClientResolver(context(settings().build()), getClass().getClassLoader());

        assertThatThrownBy(() -> resolver.create("billing"))
                .isInstanceOf(ServiceNotAvailableException.class)
                .hasMessageContaining("no client for service \"billing\"")
                .hasMessageContaining("Known services: none")
                .hasMessageContaining("-Dswitchboard.services=billing");
    }
}
