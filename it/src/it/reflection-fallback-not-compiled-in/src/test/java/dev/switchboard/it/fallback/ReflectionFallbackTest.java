package dev.switchboard.it.fallback;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.switchboard.it.switchboard.ServiceClients;
import dev.switchboard.it.switchboard.ServiceNames;
import dev.switchboard.runtime.ServiceNotAvailableException;
import java.lang.reflect.Method;
import dev.switchboard.it.servers.LocalDynamoDb;
import java.net.URI;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.streams.DynamoDbStreamsClient;
import software.amazon.awssdk.services.s3.S3Client;

/** A service left out of the factory is still served, by reflection, from the bundled registry. */
class ReflectionFallbackTest {
    private static final String TABLE = "switchboard-it-fallback";

    private static LocalDynamoDb server;
    private static URI endpoint;

    @BeforeAll
    static void startDynamoDbLocal() throws Exception {
        server = LocalDynamoDb.start();
        endpoint = server.endpoint();
    }

    @AfterAll
    static void stopDynamoDbLocal() throws Exception {
        if (server != null) {
            server.close();
        }
    }

    private static ServiceClients clients() {
        return ServiceClients.builder()
                .region(Region.US_EAST_1)
                // DynamoDB Local 2.x accepts access key ids of letters and digits only.
                .credentials(
                        StaticCredentialsProvider.create(AwsBasicCredentials.create("fakeAccessKey", "fakeSecret")))
                .endpointOverride("dynamodb", endpoint)
                .endpointOverride("dynamodb-streams", endpoint)
                .build();
    }

    @Test
    void onlyTheSelectedServiceIsCompiledIn() {
        Set<String> methods = Arrays.stream(ServiceClients.class.getMethods())
                .map(Method::getName)
                .collect(Collectors.toSet());
        assertTrue(methods.containsAll(Set.of("s3", "s3Async")), methods.toString());
        assertTrue(methods.stream().noneMatch(m -> m.toLowerCase().contains("dynamodb")), methods.toString());
        Set<String> builderMethods = Arrays.stream(ServiceClients.Builder.class.getMethods())
                .map(Method::getName)
                .collect(Collectors.toSet());
        assertTrue(builderMethods.contains("customizeS3"), builderMethods.toString());
        assertTrue(builderMethods.stream().noneMatch(m -> m.toLowerCase().contains("dynamodb")));
        assertEquals(List.of("s3"), ServiceNames.ALL);
    }

    @Test
    void theBundledRegistryListsEveryService() {
        try (ServiceClients clients = clients()) {
            assertEquals(Set.of("dynamodb", "dynamodb-streams", "s3"), clients.services());
        }
    }

    @Test
    void aServiceLeftOutIsCreatedByReflectionAndWorks() {
        try (ServiceClients clients = clients()) {
            DynamoDbClient dynamodb = assertInstanceOf(DynamoDbClient.class, clients.client("dynamodb"));
            assertSame(dynamodb, clients.client("dynamodb"));
            assertSame(dynamodb, clients.client("dynamodb", DynamoDbClient.class));
            // The factory's settings apply to it as to a compiled-in client.
            assertEquals(Region.US_EAST_1, dynamodb.serviceClientConfiguration().region());
            assertEquals(
                    endpoint,
                    dynamodb.serviceClientConfiguration().endpointOverride().orElseThrow());

            dynamodb.createTable(b -> b.tableName(TABLE)
                    .attributeDefinitions(a -> a.attributeName("id").attributeType(ScalarAttributeType.S))
                    .keySchema(k -> k.attributeName("id").keyType(KeyType.HASH))
                    .billingMode(BillingMode.PAY_PER_REQUEST)
                    .streamSpecification(s -> s.streamEnabled(true).streamViewType("NEW_IMAGE")));
            dynamodb.putItem(b -> b.tableName(TABLE)
                    .item(Map.of("id", AttributeValue.fromS("k-1"), "value", AttributeValue.fromS("by reflection"))));
            Map<String, AttributeValue> item = dynamodb.getItem(b -> b.tableName(TABLE)
                            .key(Map.of("id", AttributeValue.fromS("k-1")))
                            .consistentRead(true))
                    .item();
            assertEquals("by reflection", item.get("value").s());

            // The module's second client too: a different class from the same registry entry kind.
            DynamoDbStreamsClient streams = clients.client("dynamodb-streams", DynamoDbStreamsClient.class);
            assertEquals(
                    1, streams.listStreams(b -> b.tableName(TABLE)).streams().size());

            // The compiled-in service is unaffected.
            assertSame(clients.s3(), clients.client("s3", S3Client.class));
        }
    }

    @Test
    void anUnknownServiceNamesWhatIsKnown() {
        try (ServiceClients clients = clients()) {
            ServiceNotAvailableException unknown =
                    assertThrows(ServiceNotAvailableException.class, () -> clients.client("sqs"));
            assertTrue(unknown.getMessage().startsWith("no client for service \"sqs\""), unknown.getMessage());
            assertTrue(
                    unknown.getMessage().contains("Known services: dynamodb, dynamodb-streams, s3"),
                    unknown.getMessage());
        }
    }

    @Test
    void closingTheFactoryClosesReflectiveClientsToo() {
        ServiceClients clients = clients();
        clients.client("dynamodb");
        clients.close();
        IllegalStateException closed = assertThrows(IllegalStateException.class, () -> clients.client("dynamodb"));
        assertTrue(closed.getMessage().contains("closed"), closed.getMessage());
    }
}
