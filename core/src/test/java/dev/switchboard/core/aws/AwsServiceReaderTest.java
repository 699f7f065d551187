package dev.switchboard.core.aws;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.core.testing.TestClasspath;
import dev.switchboard.runtime.registry.MethodInfo;
import dev.switchboard.runtime.registry.ServiceEntry;
import dev.switchboard.runtime.registry.ServiceKind;
import java.util.List;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class AwsServiceReaderTest {

    @Test
    @DisplayName("a classpath without SDK clients finds nothing and never reads the catalogue")
    void noClientsNoCatalogue() throws Exception {
        List<java.nio.file.Path> withoutSdk = TestClasspath.jars().stream()
                .filter(j -> !j.getFileName().toString().matches("(dynamodb|ec2|iam|lambda|s3|sqs|sts)-[0-9].*"))
                .toList();

        List<ServiceEntry> entries = new AwsServiceReader(() -> {
                    throw new AssertionError("the catalogue was read");
                })
                .read(withoutSdk);

        assertThat(entries).isEmpty();
        assertThat(withoutSdk).isNotEmpty();
    }

    @Test
    @DisplayName("each discovered client becomes an aws entry with its catalogue group, SDK details and operations")
    void mapsClientsToEntries() throws Exception {
        List<ServiceEntry> entries = new AwsServiceReader(AwsCatalogue.bundled()).read(TestClasspath.jars());

        assertThat(entries)
                .extracting(e -> e.name() + ":" + e.group())
                .containsExactly(
                        "dynamodb:database",
                        "dynamodb-streams:database",
                        "ec2:compute",
                        "iam:core",
                        "lambda:compute",
                        "s3:storage",
                        "sqs:messaging",
                        "sts:core");
        ServiceEntry sqs =
                entries.stream().filter(e -> e.name().equals("sqs")).findFirst().orElseThrow();
        SoftAssertions soft = new SoftAssertions();
        soft.assertThat(sqs.kind()).isEqualTo(ServiceKind.AWS);
        soft.assertThat(sqs.displayName()).isEqualTo("Sqs");
        soft.assertThat(sqs.aws().artifactId()).isEqualTo("sqs");
        soft.assertThat(sqs.aws().clientClass()).isEqualTo("software.amazon.awssdk.services.sqs.SqsClient");
        soft.assertThat(sqs.aws().asyncClientClass()).isEqualTo("software.amazon.awssdk.services.sqs.SqsAsyncClient");
        soft.assertThat(sqs.aws().builderClass()).isEqualTo("software.amazon.awssdk.services.sqs.SqsClientBuilder");
        soft.assertThat(sqs.methods())
                .contains(new MethodInfo(
                        "sendMessage",
                        "software.amazon.awssdk.services.sqs.model.SendMessageRequest",
                        "software.amazon.awssdk.services.sqs.model.SendMessageResponse",
                        null,
                        null,
                        null,
                        null,
                        null,
                        false))
                .anySatisfy(m -> assertThat(m.name() + m.paginated()).isEqualTo("listQueuestrue"));
        soft.assertAll();
    }
}
