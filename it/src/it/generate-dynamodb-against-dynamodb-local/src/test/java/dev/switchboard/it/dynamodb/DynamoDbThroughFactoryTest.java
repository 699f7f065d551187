package dev.switchboard.it.dynamodb;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.acme.data.ServiceClients;
import com.acme.data.ServiceNames;
import dev.switchboard.it.servers.LocalDynamoDb;
import java.net.URI;
import java.util.List;
import java.util.Map;
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
import software.amazon.awssdk.services.dynamodb.model.StreamViewType;
import software.amazon.awssdk.services.dynamodb.streams.DynamoDbStreamsClient;

/** The generated factory against DynamoDB Local, in this JVM and in memory, called on loopback. */
class DynamoDbThroughFactoryTest {
    private static final String TABLE = "switchboard-it-users";

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

    @Test
    void createsATablePutsAndGetsAnItem() {
        // dynamodb-streams gets its endpoint from a system property, as a deployment would set it.
        System.setProperty("switchboard.dynamodb-streams.endpoint", endpoint.toString());
        try (ServiceClients clients = ServiceClients.builder()
                .region(Region.US_EAST_1)
                // DynamoDB Local 2.x accepts access key ids of letters and digits only.
                .credentials(
                        StaticCredentialsProvider.create(AwsBasicCredentials.create("fakeAccessKey", "fakeSecret")))
                .endpointOverride(ServiceNames.DYNAMODB, endpoint)
                .build()) {
            DynamoDbClient dynamodb = clients.dynamoDb();
            dynamodb.createTable(b -> b.tableName(TABLE)
                    .attributeDefinitions(a -> a.attributeName("id").attributeType(ScalarAttributeType.S))
                    .keySchema(k -> k.attributeName("id").keyType(KeyType.HASH))
                    .billingMode(BillingMode.PAY_PER_REQUEST)
                    .streamSpecification(s -> s.streamEnabled(true).streamViewType(StreamViewType.NEW_IMAGE)));
            dynamodb.putItem(b -> b.tableName(TABLE)
                    .item(Map.of(
                            "id", AttributeValue.fromS("u-1"),
                            "name", AttributeValue.fromS("Ada"),
                            "visits", AttributeValue.fromN("3"))));

            Map<String, AttributeValue> item = dynamodb.getItem(b -> b.tableName(TABLE)
                            .key(Map.of("id", AttributeValue.fromS("u-1")))
                            .consistentRead(true))
                    .item();

            assertEquals("Ada", item.get("name").s());
            assertEquals("3", item.get("visits").n());
            assertTrue(dynamodb.listTables().tableNames().contains(TABLE));
            assertSame(dynamodb, clients.client("dynamodb", DynamoDbClient.class));

            // The module's second client is compiled in too, and reaches the same server.
            DynamoDbStreamsClient streams = clients.dynamoDbStreams();
            assertEquals(
                    List.of(TABLE),
                    streams.listStreams(b -> b.tableName(TABLE)).streams().stream()
                            .map(s -> s.tableName())
                            .toList());
            assertSame(streams, clients.client(ServiceNames.DYNAMODB_STREAMS));
            assertEquals(List.of("dynamodb", "dynamodb-streams"), ServiceNames.ALL);
            assertEquals("database", ServiceNames.Groups.DATABASE);
        } finally {
            System.clearProperty("switchboard.dynamodb-streams.endpoint");
        }
    }
}
