package dev.switchboard.it.dynamic;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.acme.shop.DynamicServiceClients;
import com.sun.net.httpserver.HttpServer;
import dev.switchboard.it.servers.LocalDynamoDb;
import dev.switchboard.runtime.ServiceNotAvailableException;
import dev.switchboard.runtime.http.GenericServiceClient;
import dev.switchboard.runtime.live.RegistryChange;
import dev.switchboard.runtime.registry.BundledRegistry;
import dev.switchboard.runtime.registry.Registry;
import dev.switchboard.runtime.registry.RegistryCodec;
import dev.switchboard.runtime.registry.RegistryFormat;
import dev.switchboard.runtime.registry.ServiceEntry;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;

/** The dynamic wrapper against a registry file edited while the application runs. */
class DynamicRegistryTest {
    private static LocalDynamoDb dynamoDb;

    @TempDir
    Path dir;

    @BeforeAll
    static void startDynamoDbLocal() throws Exception {
        dynamoDb = LocalDynamoDb.start();
    }

    @AfterAll
    static void stopDynamoDbLocal() throws Exception {
        dynamoDb.close();
    }

    /** The registry the build bundled, cut down to the named services. */
    private static Registry only(String... names) {
        Registry bundled = BundledRegistry.of(DynamicRegistryTest.class.getClassLoader());
        List<ServiceEntry> kept = bundled.services().stream()
                .filter(s -> List.of(names).contains(s.name()))
                .toList();
        assertEquals(names.length, kept.size(), "the bundled registry lists " + List.of(names));
        return Registry.of(bundled.fingerprint(), kept);
    }

    /** Writes as a deployment tool would: a new file moved into place. */
    private void replace(Path file, byte[] content) throws IOException {
        Path tmp = Files.createTempFile(dir, "registry", ".tmp");
        Files.write(tmp, content);
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    private static DynamicServiceClients.Builder awsSettings() {
        return DynamicServiceClients.builder()
                .region(Region.US_EAST_1)
                .credentials(StaticCredentialsProvider.create(AwsBasicCredentials.create("fakeAccessKey", "fakeSecret")))
                .endpointOverride("dynamodb", dynamoDb.endpoint());
    }

    @Test
    void aServiceAddedToTheRegistryFileAtRunTimeIsServedWithinSecondsAndACorruptEditKeepsIt() throws Exception {
        assertThrows(ClassNotFoundException.class, () -> Class.forName("com.acme.shop.provider.DynamoDbProvider"));
        Path file = dir.resolve("registry.json");
        replace(file, RegistryCodec.writeBytes(only("s3"), RegistryFormat.JSON));
        List<RegistryChange> changes = new CopyOnWriteArrayList<>();
        try (DynamicServiceClients clients = awsSettings().registryFile(file).failFast(true).build()) {
            clients.addListener(changes::add);
            assertEquals(List.of("s3"), List.copyOf(clients.services()));
            ServiceNotAvailableException missing =
                    assertThrows(ServiceNotAvailableException.class, () -> clients.client("dynamodb"));
            assertTrue(missing.getMessage().contains("the registry in force does not list it"), missing.getMessage());

            long added = System.nanoTime();
            replace(file, RegistryCodec.writeBytes(only("dynamodb", "s3"), RegistryFormat.JSON));
            while (changes.isEmpty()) {
                assertTrue(System.nanoTime() - added < TimeUnit.SECONDS.toNanos(10), "dynamodb not served in 10 s");
                Thread.sleep(20);
            }
            System.out.println("dynamic-registry: dynamodb served "
                    + TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - added) + " ms after the file was replaced");
            assertEquals("added [dynamodb], removed [], changed []", changes.get(0).toString());
            assertTrue(clients.services().contains("dynamodb"));

            DynamoDbClient dynamodb = clients.client("dynamodb", DynamoDbClient.class);
            dynamodb.createTable(b -> b.tableName("orders")
                    .attributeDefinitions(a -> a.attributeName("id").attributeType(ScalarAttributeType.S))
                    .keySchema(k -> k.attributeName("id").keyType(KeyType.HASH))
                    .billingMode(BillingMode.PAY_PER_REQUEST));
            dynamodb.putItem(b -> b.tableName("orders")
                    .item(Map.of("id", AttributeValue.fromS("o-1"), "total", AttributeValue.fromN("42"))));
            assertEquals(
                    "42",
                    dynamodb.getItem(b -> b.tableName("orders").key(Map.of("id", AttributeValue.fromS("o-1"))))
                            .item()
                            .get("total")
                            .n());

            // A corrupt edit: logged, and the registry in force and its clients stay.
            Registry before = clients.registry();
            Files.writeString(file, "{\"schemaVersion\": 1, \"services\": [{\"name\": \"dynamodb\"");
            Thread.sleep(3_000);
            assertSame(before, clients.registry());
            assertEquals(1, changes.size(), "a corrupt edit reported a change: " + changes);
            assertSame(dynamodb, clients.client("dynamodb"));
            assertEquals(List.of("orders"), dynamodb.listTables().tableNames());
        }
    }

    @Test
    void aMissingFileFallsBackToTheBundledRegistryUnlessFailFast() {
        Path missing = dir.resolve("nowhere.json");
        IllegalStateException e = assertThrows(
                IllegalStateException.class,
                () -> awsSettings().registryFile(missing).failFast(true).build());
        assertTrue(e.getMessage().contains(missing.toString()) && e.getMessage().contains("does not exist"), e.getMessage());
        try (DynamicServiceClients clients = awsSettings().registryFile(missing).build()) {
            assertEquals(List.of("catalog", "dynamodb", "dynamodb-streams", "s3"), List.copyOf(clients.services()));
        }
    }

    @Test
    void theGenericClientCallsARealHttpServerThroughTheRestMappings() throws Exception {
        List<String> seen = new CopyOnWriteArrayList<>();
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/v1/", exchange -> {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            seen.add(exchange.getRequestMethod() + " " + exchange.getRequestURI() + " " + body);
            byte[] answer = ("{\"id\":\"p-1\",\"name\":\"lamp\",\"priceCents\":1999}").getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, answer.length);
            exchange.getResponseBody().write(answer);
            exchange.close();
        });
        server.start();
        try (DynamicServiceClients clients = DynamicServiceClients.builder()
                .endpointOverride("catalog", URI.create("http://127.0.0.1:" + server.getAddress().getPort()))
                .build()) {
            GenericServiceClient catalog = clients.client("catalog", GenericServiceClient.class);
            assertEquals(List.of("CreateProduct", "GetProduct"), List.copyOf(catalog.methods()));

            String product = catalog.call("GetProduct", "{\"id\": \"p-1\", \"view\": \"FULL\"}");
            catalog.call(
                    "CreateProduct",
                    "{\"shelf\": \"lighting\", \"product\": {\"name\": \"lamp\"}, \"validateOnly\": true}");

            assertEquals("{\"id\":\"p-1\",\"name\":\"lamp\",\"priceCents\":1999}", product);
            assertEquals(
                    List.of(
                            "GET /v1/products/p-1?view=FULL ",
                            "POST /v1/shelves/lighting/products?validateOnly=true {\"name\":\"lamp\"}"),
                    seen);
            assertFalse(clients.services().isEmpty());
        } finally {
            server.stop(0);
        }
    }
}
