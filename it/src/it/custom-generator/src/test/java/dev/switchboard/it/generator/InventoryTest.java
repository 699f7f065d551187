package dev.switchboard.it.generator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import com.acme.Inventory;
import dev.switchboard.it.switchboard.ServiceClients;
import java.lang.reflect.Method;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.SdkClient;
import software.amazon.awssdk.regions.Region;

/** The class a custom generator rendered from the model, used together with the factory. */
class InventoryTest {
    /** The SDK's own SERVICE_NAME of each client (the streams client shares dynamodb's). */
    private static final Map<String, String> SDK_SERVICE_NAMES =
            Map.of("dynamodb", "dynamodb", "dynamodb-streams", "dynamodb", "s3", "s3");

    @Test
    void listsTheSelectedServicesFromTheModel() {
        assertEquals(
                List.of(
                        new Inventory.Service("dynamodb", "aws", "dynamoDb"),
                        new Inventory.Service("dynamodb-streams", "aws", "dynamoDbStreams"),
                        new Inventory.Service("s3", "aws", "s3")),
                Inventory.SERVICES);
        assertEquals(ServiceClients.class.getName(), Inventory.factoryClass());
    }

    @Test
    void everyListedAccessorIsOnTheFactoryAndServesThatService() throws Exception {
        Class<?> factory = Class.forName(Inventory.factoryClass());
        // Building the clients needs no network; nothing here calls a service.
        try (ServiceClients clients = ServiceClients.builder()
                .region(Region.US_EAST_1)
                .credentials(StaticCredentialsProvider.create(AwsBasicCredentials.create("fake", "fake")))
                .build()) {
            for (Inventory.Service service : Inventory.SERVICES) {
                Method accessor = factory.getMethod(service.accessor());
                Object client = accessor.invoke(clients);
                assertSame(client, clients.client(service.name()), service.name());
                assertEquals(SDK_SERVICE_NAMES.get(service.name()), ((SdkClient) client).serviceName(), service.name());
            }
        }
    }
}
