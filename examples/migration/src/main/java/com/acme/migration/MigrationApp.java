package com.acme.migration;

import com.acme.migration.clients.MigratingServiceClients;
import com.acme.migration.clients.ServiceClients;
import dev.switchboard.runtime.SyncHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;

/**
 * Places three orders through {@code generated.migrating(legacy)}: each service goes to the factory that
 * {@code switchboard.factory} and {@code switchboard.factory.<service>} choose. Prints which factory served
 * each service and how many calls the generated one made, which is 0 for a service still on the legacy one.
 */
public final class MigrationApp {
    private MigrationApp() {}

    public static void main(String[] args) throws Exception {
        System.out.print(run());
        // DynamoDB Local leaves a non-daemon job thread sleeping for minutes after stop().
        System.exit(0);
    }

    /** What a run prints. */
    public static String run() throws Exception {
        try (LocalAws aws = LocalAws.start();
                LegacyClients legacy = new LegacyClients(aws.s3, aws.dynamoDb, LocalAws.CREDENTIALS);
                ServiceClients generated = ServiceClients.builder()
                        .region(Region.US_EAST_1)
                        .credentials(LocalAws.CREDENTIALS)
                        .endpointOverride("s3", aws.s3)
                        .endpointOverride("dynamodb", aws.dynamoDb)
                        .customizeS3(s3 -> s3.forcePathStyle(true))
                        .httpClient(SyncHttpClient.URL_CONNECTION)
                        .build()) {
            legacy.s3Client().createBucket(b -> b.bucket(Orders.BUCKET));
            legacy.dynamoDb()
                    .createTable(b -> b.tableName(Orders.TABLE)
                            .attributeDefinitions(a -> a.attributeName("id").attributeType(ScalarAttributeType.S))
                            .keySchema(k -> k.attributeName("id").keyType(KeyType.HASH))
                            .provisionedThroughput(p -> p.readCapacityUnits(1L).writeCapacityUnits(1L)));

            MigratingServiceClients clients = generated.migrating(legacy);
            Orders orders = new Orders(clients);
            orders.place("order-1", "ada", 1250);
            orders.place("order-2", "grace", 990);
            orders.place("order-3", "alan", 4200);

            StringBuilder out = new StringBuilder();
            for (String service : new String[] {"s3", "dynamodb"}) {
                out.append(String.format(
                        "%-9s served by the %s factory (generated factory calls: %d)%n",
                        service,
                        clients.factory(service).value(),
                        generated.statistics().service(service).map(s -> s.calls()).orElse(0L)));
            }
            return out.append(orders.count()).append(System.lineSeparator()).toString();
        }
    }
}
