package com.acme.inventory;

import com.acme.inventory.clients.ServiceClients;
import dev.switchboard.runtime.SyncHttpClient;
import software.amazon.awssdk.core.exception.SdkClientException;

/**
 * Prints the inventory, then what the clients did ({@code clients.statistics()}: calls, errors,
 * latency per service). {@code -Dinventory.aws=embedded} (the default) starts S3Proxy and DynamoDB
 * Local on loopback and seeds them first; {@code -Dinventory.aws=real} lists the AWS account of the
 * SDK's default credentials chain, in the default region.
 */
public final class InventoryApp {
    /** The switch between the embedded servers and real AWS. */
    public static final String MODE = "inventory.aws";

    // Chosen, not left to the classpath: the SDK modules bring apache-client and netty-nio-client,
    // DynamoDB Local brings url-connection-client.
    private static final SyncHttpClient HTTP_CLIENT = SyncHttpClient.APACHE;

    private InventoryApp() {}

    /**
     * What a run prints.
     *
     * @param inventory a header line, then the table
     * @param statistics the factory's statistics table at the end of the run: the calls of the seeding
     *     and of the listing, per service
     */
    public record Report(String inventory, String statistics) {}

    public static void main(String[] args) throws Exception {
        try {
            Report report = run(System.getProperty(MODE, "embedded"));
            System.out.print(report.inventory());
            System.out.println();
            System.out.println("switchboard client statistics of this run:");
            System.out.print(report.statistics());
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.exit(2);
        } catch (SdkClientException e) {
            // No region or credentials found, or AWS not reachable: say so without a stack trace.
            System.err.println("inventory: cannot list: " + e.getMessage());
            System.err.println("inventory: -D" + MODE + "=real takes the region (AWS_REGION, or the profile's"
                    + " region) and the credentials (environment, ~/.aws profiles, SSO, instance role) from the"
                    + " SDK's default chains; -D" + MODE + "=embedded needs neither");
            System.exit(1);
        }
        // DynamoDB Local leaves a non-daemon job thread sleeping for minutes after stop().
        System.exit(0);
    }

    /** The inventory of a mode and the statistics of its clients. */
    public static Report run(String mode) throws Exception {
        switch (mode) {
            case "embedded":
                try (LocalAws local = LocalAws.start();
                        ServiceClients clients =
                                local.configure(ServiceClients.builder().httpClient(HTTP_CLIENT))
                                        .build()) {
                    LocalAws.seed(clients);
                    String inventory = "AWS inventory of the embedded S3Proxy and DynamoDB Local on 127.0.0.1"
                            + " (-D" + MODE + "=real lists your AWS account)" + System.lineSeparator()
                            + Inventory.render(Inventory.collect(clients));
                    return new Report(inventory, clients.statistics().toTable());
                }
            case "real":
                // No region, credentials or endpoints set in code: the SDK's default chains decide
                // (or -Dswitchboard.aws.region, -Dswitchboard.s3.endpoint, ... when given).
                try (ServiceClients clients = ServiceClients.builder().httpClient(HTTP_CLIENT).build()) {
                    String inventory = "AWS inventory of region "
                            + clients.s3().serviceClientConfiguration().region() + System.lineSeparator()
                            + Inventory.render(Inventory.collect(clients));
                    return new Report(inventory, clients.statistics().toTable());
                }
            default:
                throw new IllegalArgumentException("-D" + MODE + "=" + mode + " is not a mode; use embedded"
                        + " (S3Proxy and DynamoDB Local on loopback, the default) or real (the SDK's default"
                        + " credentials chain and region)");
        }
    }
}
