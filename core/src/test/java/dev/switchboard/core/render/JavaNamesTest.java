package dev.switchboard.core.render;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class JavaNamesTest {
    @ParameterizedTest(name = "{0} → {1}()")
    @DisplayName("an AWS accessor is named as Java code names a field of the SDK client's class")
    @CsvSource({
        "S3Client, s3",
        "DynamoDbClient, dynamoDb",
        "DynamoDbStreamsClient, dynamoDbStreams",
        "SecretsManagerClient, secretsManager",
        "RedshiftServerlessClient, redshiftServerless",
        "CloudWatchLogsClient, cloudWatchLogs",
        "Ec2Client, ec2",
        "AutoScalingClient, autoScaling",
        "URLShortenerClient, urlShortener",
        "Client, client",
        "IamClient, iam"
    })
    void accessorFromClientClass(String simpleName, String accessor) {
        assertThat(JavaNames.lowerCamelFromClass(simpleName, "Client")).isEqualTo(accessor);
    }
}
