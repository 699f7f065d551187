package dev.switchboard.it.dynamodb;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.acme.data.ServiceClients;
import com.acme.data.ServiceNames;
import com.amazonaws.services.dynamodbv2.local.main.ServerRunner;
import com.amazonaws.services.dynamodbv2.local.server.DynamoDBProxyServer;
import java.net.InetAddress;
import java.net.ServerSocket;
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

    private static DynamoDBProxyServer server;
    private static URI endpoint;

    @BeforeAll
    static void startDynamoDbLocal() throws Exception {
        // DynamoDB Local takes no port 0: pick a free one first, and pick again should another
        // process take it in between.
        for (int attempt = 1; server == null; attempt++) {
            int port;
            try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
                port = probe.getLocalPort();
            }
            DynamoDBProxyServer candidate = ServerRunner.createServerFromCommandLineArgs(
                    new String[] {"-inMemory", "-port", Integer.toString(port), "-disableTelemetry"});
            try {
                candidate.start();
                server = candidate;
                endpoint = URI.create("http://127.0.0.1:" + port);
            } catch (Exception e) {
                if (attempt == 3) {
                    throw e;
                }
            }
        }
    }

    @AfterAll
    static void stopDynamoDbLocal() throws Exception {
        if (server != null) {
            server.stop();
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
            DynamoDbClient dynamodb = clients.dynamodb();
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
            DynamoDbStreamsClient streams = clients.dynamodbStreams();
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
