package com.acme;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.acme.clients.DynamicServiceClients;
import com.acme.clients.ServiceClients;
import dev.switchboard.it.servers.LocalDynamoDb;
import dev.switchboard.runtime.SyncHttpClient;
import java.net.URI;
import java.util.Properties;
import org.gaul.s3proxy.BlobStores;
import org.gaul.s3proxy.S3Proxy;
import org.gaul.s3proxy.auth.AuthenticationType;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;

/**
 * The switch against real servers. Each factory sees its own data: two S3Proxy stores, and DynamoDB Local,
 * which keeps one database per access key; so what a call lists tells which factory served it.
 */
class MigrationSwitchTest {
    private static final StaticCredentialsProvider LEGACY_KEYS =
            StaticCredentialsProvider.create(AwsBasicCredentials.create("legacyKey", "legacySecret"));
    private static final StaticCredentialsProvider GENERATED_KEYS =
            StaticCredentialsProvider.create(AwsBasicCredentials.create("generatedKey", "generatedSecret"));

    private static S3Proxy legacyS3;
    private static S3Proxy generatedS3;
    private static LocalDynamoDb dynamoDb;
    private static LegacyClients legacy;
    private static ServiceClients generated;

    @BeforeAll
    static void startServersAndMarkThem() throws Exception {
        legacyS3 = s3Proxy("legacyKey", "legacySecret");
        generatedS3 = s3Proxy("generatedKey", "generatedSecret");
        dynamoDb = LocalDynamoDb.start();
        legacy = new LegacyClients(endpoint(legacyS3), dynamoDb.endpoint(), LEGACY_KEYS);
        generated = ServiceClients.builder()
                .region(Region.US_EAST_1)
                .credentials(GENERATED_KEYS)
                .endpointOverride("s3", endpoint(generatedS3))
                .endpointOverride("dynamodb", dynamoDb.endpoint())
                .httpClient(SyncHttpClient.URL_CONNECTION)
                .build();
        legacy.s3Client().createBucket(b -> b.bucket("legacy-bucket"));
        generated.s3().createBucket(b -> b.bucket("generated-bucket"));
        table(legacy.dynamoDb(), "legacy-table");
        table(generated.dynamoDb(), "generated-table");
    }

    private static S3Proxy s3Proxy(String key, String secret) throws Exception {
        S3Proxy proxy = S3Proxy.builder()
                .blobStore(BlobStores.create("transient", new Properties()))
                .endpoint(URI.create("http://127.0.0.1:0"))
                .awsAuthentication(AuthenticationType.AWS_V2_OR_V4, key, secret)
                .build();
        proxy.start();
        return proxy;
    }

    private static URI endpoint(S3Proxy proxy) {
        return URI.create("http://127.0.0.1:" + proxy.getPort());
    }

    private static void table(DynamoDbClient client, String name) {
        client.createTable(b -> b.tableName(name)
                .attributeDefinitions(a -> a.attributeName("id").attributeType(ScalarAttributeType.S))
                .keySchema(k -> k.attributeName("id").keyType(KeyType.HASH))
                .provisionedThroughput(p -> p.readCapacityUnits(1L).writeCapacityUnits(1L)));
    }

    @AfterEach
    void clearTheSwitch() {
        System.clearProperty("switchboard.factory");
        System.clearProperty("switchboard.factory.s3");
        System.clearProperty("switchboard.factory.dynamodb");
    }

    @AfterAll
    static void stop() throws Exception {
        generated.close();
        legacy.close();
        legacyS3.stop();
        generatedS3.stop();
        dynamoDb.close();
    }

    @Test
    void everyServiceStaysOnTheLegacyFactoryByDefault() {
        assertEquals("s3=legacy-bucket dynamodb=legacy-table", new Inventory(generated.migrating(legacy)).report());
    }

    @Test
    void theWholeSwitchMovesEveryService() {
        System.setProperty("switchboard.factory", "generated");
        assertEquals(
                "s3=generated-bucket dynamodb=generated-table", new Inventory(generated.migrating(legacy)).report());
    }

    @Test
    void oneServiceMovesOnItsOwn() {
        System.setProperty("switchboard.factory.dynamodb", "generated");
        assertEquals("s3=legacy-bucket dynamodb=generated-table", new Inventory(generated.migrating(legacy)).report());
    }

    @Test
    void theFactoryImplementsTheInterfaceItself() {
        assertEquals("s3=generated-bucket dynamodb=generated-table", new Inventory(generated).report());
    }

    @Test
    void theStaticSwitchKeepsWhatItReadAndTheDynamicOneFollowsAChange() {
        try (DynamicServiceClients dynamic = DynamicServiceClients.builder()
                .region(Region.US_EAST_1)
                .credentials(GENERATED_KEYS)
                .endpointOverride("s3", endpoint(generatedS3))
                .endpointOverride("dynamodb", dynamoDb.endpoint())
                .httpClient(SyncHttpClient.URL_CONNECTION)
                .build()) {
            Inventory fixed = new Inventory(generated.migrating(legacy));
            Inventory live = new Inventory(dynamic.migrating(legacy));
            assertEquals("s3=legacy-bucket dynamodb=legacy-table", live.report());

            System.setProperty("switchboard.factory.s3", "generated");

            assertEquals("s3=legacy-bucket dynamodb=legacy-table", fixed.report());
            assertEquals("s3=generated-bucket dynamodb=legacy-table", live.report());
        }
    }
}
