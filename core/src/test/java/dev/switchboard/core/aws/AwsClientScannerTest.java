package dev.switchboard.core.aws;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.switchboard.core.testing.TestClasspath;
import java.io.InterruptedIOException;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class AwsClientScannerTest {
    private static AwsClientScanner.Scan scan;

    @BeforeAll
    static void scanTestClasspath() throws Exception {
        scan = new AwsClientScanner().scan(TestClasspath.jars());
    }

    private static AwsService service(String name) {
        return scan.services().stream()
                .filter(s -> s.name().equals(name))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no " + name + " in " + scan.services()));
    }

    @Test
    @DisplayName(
            "exactly one entry per sync client of the real SDK modules on the classpath, no delegating or async ones")
    void findsEverySyncClient() {
        assertThat(scan.services())
                .extracting(s -> s.name() + "=" + s.client().simpleName())
                .containsExactly(
                        "dynamodb=DynamoDbClient",
                        "dynamodb-streams=DynamoDbStreamsClient",
                        "ec2=Ec2Client",
                        "iam=IamClient",
                        "lambda=LambdaClient",
                        "s3=S3Client",
                        "sqs=SqsClient",
                        "sts=StsClient");
    }

    @Test
    @DisplayName("an interrupted scan stops before the next jar (a failed build stops the search it started)")
    void stopsWhenInterrupted() {
        Thread.currentThread().interrupt();
        try {
            assertThatThrownBy(() -> new AwsClientScanner().scan(TestClasspath.jars()))
                    .isInstanceOf(InterruptedIOException.class)
                    .hasMessageContaining("interrupted while looking for AWS SDK clients");
        } finally {
            Thread.interrupted();
        }
    }

    @Test
    @DisplayName("the dynamodb module's two clients share SERVICE_NAME but not metadata id, and get distinct names")
    void splitsTheDynamoDbModule() {
        AwsService table = service("dynamodb");
        AwsService streams = service("dynamodb-streams");

        SoftAssertions soft = new SoftAssertions();
        soft.assertThat(table.client().serviceName()).isEqualTo("dynamodb");
        soft.assertThat(table.client().serviceMetadataId()).isEqualTo("dynamodb");
        soft.assertThat(streams.client().serviceName()).isEqualTo("dynamodb");
        soft.assertThat(streams.client().serviceMetadataId()).isEqualTo("streams.dynamodb");
        soft.assertThat(streams.client().className())
                .isEqualTo("software.amazon.awssdk.services.dynamodb.streams.DynamoDbStreamsClient");
        soft.assertThat(streams.asyncClientClass())
                .isEqualTo("software.amazon.awssdk.services.dynamodb.streams.DynamoDbStreamsAsyncClient");
        soft.assertThat(streams.client().artifactId()).isEqualTo("dynamodb");
        soft.assertAll();
    }

    @Test
    @DisplayName("S3's client, builder, async sibling, operations, paginators and waiters come from its class files")
    void readsS3() {
        AwsService s3 = service("s3");

        SoftAssertions soft = new SoftAssertions();
        soft.assertThat(s3.client().className()).isEqualTo("software.amazon.awssdk.services.s3.S3Client");
        soft.assertThat(s3.client().builderClass()).isEqualTo("software.amazon.awssdk.services.s3.S3ClientBuilder");
        soft.assertThat(s3.asyncClientClass()).isEqualTo("software.amazon.awssdk.services.s3.S3AsyncClient");
        soft.assertThat(s3.global()).isFalse();
        soft.assertThat(s3.client().operations())
                .contains(new AwsClientClass.Operation(
                        "listBuckets",
                        "software.amazon.awssdk.services.s3.model.ListBucketsRequest",
                        "software.amazon.awssdk.services.s3.model.ListBucketsResponse"))
                .contains(new AwsClientClass.Operation(
                        "getObject",
                        "software.amazon.awssdk.services.s3.model.GetObjectRequest",
                        "software.amazon.awssdk.services.s3.model.GetObjectResponse"))
                .hasSizeGreaterThan(90);
        soft.assertThat(s3.client().paginated()).contains("listObjectsV2").doesNotContain("getObject");
        soft.assertThat(s3.waiters()).contains("waitUntilBucketExists", "waitUntilObjectExists");
        soft.assertAll();
    }

    @Test
    @DisplayName("IAM is global and SQS regional, as the regions module's metadata says")
    void readsGlobalFromRegionsMetadata() {
        assertThat(service("iam").global()).isTrue();
        assertThat(service("sqs").global()).isFalse();
        assertThat(scan.globalMetadataIds())
                .contains("iam", "route53", "cloudfront")
                .doesNotContain("s3");
    }
}
