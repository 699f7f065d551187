package com.acme.inventory;

import com.acme.inventory.clients.ServiceClients;
import com.acme.inventory.clients.ServiceNames;
import com.amazonaws.services.dynamodbv2.local.main.ServerRunner;
import com.amazonaws.services.dynamodbv2.local.server.DynamoDBProxyServer;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import org.gaul.s3proxy.BlobStores;
import org.gaul.s3proxy.S3Proxy;
import org.gaul.s3proxy.auth.AuthenticationType;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;

/**
 * AWS on a machine without an AWS account: S3Proxy and DynamoDB Local in this JVM, in memory, on
 * 127.0.0.1, and the data {@link #seed} puts into them.
 */
public final class LocalAws implements AutoCloseable {
    /** The buckets {@link #seed} creates, each with this many objects. */
    public static final Map<String, Integer> BUCKETS = Map.of("acme-invoices", 3, "acme-logs", 5, "acme-reports", 0);

    /** The tables {@link #seed} creates, each with this many items. */
    public static final Map<String, Integer> TABLES = Map.of("customers", 4, "orders", 6, "sessions", 0);

    // DynamoDB Local 2.x accepts access key ids of letters and digits only; S3Proxy checks the pair.
    private static final String ACCESS_KEY = "inventory";
    private static final String SECRET_KEY = "inventorysecret";

    private final S3Proxy s3proxy;
    private final DynamoDBProxyServer dynamodbLocal;
    private final URI s3Endpoint;
    private final URI dynamodbEndpoint;

    private LocalAws(S3Proxy s3proxy, DynamoDBProxyServer dynamodbLocal, int dynamodbPort) {
        this.s3proxy = s3proxy;
        this.dynamodbLocal = dynamodbLocal;
        this.s3Endpoint = URI.create("http://127.0.0.1:" + s3proxy.getPort());
        this.dynamodbEndpoint = URI.create("http://127.0.0.1:" + dynamodbPort);
    }

    /** Starts both servers on free loopback ports. */
    public static LocalAws start() throws Exception {
        S3Proxy s3proxy = S3Proxy.builder()
                .blobStore(BlobStores.create("transient", new Properties()))
                .endpoint(URI.create("http://127.0.0.1:0"))
                .awsAuthentication(AuthenticationType.AWS_V2_OR_V4, ACCESS_KEY, SECRET_KEY)
                .build();
        s3proxy.start();
        // DynamoDB Local takes no port 0: pick a free one first, and pick again should another process
        // take it in between. It listens on every interface; the application talks to it on 127.0.0.1.
        for (int attempt = 1; ; attempt++) {
            int port;
            try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
                port = probe.getLocalPort();
            }
            DynamoDBProxyServer server = ServerRunner.createServerFromCommandLineArgs(
                    new String[] {"-inMemory", "-port", Integer.toString(port), "-disableTelemetry"});
            try {
                server.start();
                return new LocalAws(s3proxy, server, port);
            } catch (Exception e) {
                if (attempt == 3) {
                    s3proxy.stop();
                    throw e;
                }
            }
        }
    }

    /**
     * Points a factory at the local servers: a region, static credentials the servers accept, and the
     * endpoint overrides of {@code s3} and {@code dynamodb} (S3 with path-style addressing, as a plain
     * host and port needs).
     */
    public ServiceClients.Builder configure(ServiceClients.Builder builder) {
        return builder.region(Region.US_EAST_1)
                .credentials(StaticCredentialsProvider.create(AwsBasicCredentials.create(ACCESS_KEY, SECRET_KEY)))
                .endpointOverride(ServiceNames.S3, s3Endpoint)
                .endpointOverride(ServiceNames.DYNAMODB, dynamodbEndpoint)
                .customizeS3(s3 -> s3.forcePathStyle(true));
    }

    /** Creates {@link #BUCKETS} and {@link #TABLES} through the factory's clients and fills them. */
    public static void seed(ServiceClients clients) {
        new TreeMap<>(BUCKETS).forEach((bucket, objects) -> {
            clients.s3().createBucket(b -> b.bucket(bucket));
            for (int i = 1; i <= objects; i++) {
                String key = String.format("2026/%02d/%s-%04d.txt", i, bucket, i);
                clients.s3().putObject(b -> b.bucket(bucket).key(key), RequestBody.fromString(key + "\n"));
            }
        });
        new TreeMap<>(TABLES).forEach((table, items) -> {
            clients.dynamoDb()
                    .createTable(b -> b.tableName(table)
                            .attributeDefinitions(AttributeDefinition.builder()
                                    .attributeName("id")
                                    .attributeType(ScalarAttributeType.S)
                                    .build())
                            .keySchema(KeySchemaElement.builder()
                                    .attributeName("id")
                                    .keyType(KeyType.HASH)
                                    .build())
                            .billingMode(BillingMode.PAY_PER_REQUEST));
            for (int i = 1; i <= items; i++) {
                Map<String, AttributeValue> item = Map.of(
                        "id", AttributeValue.fromS(String.format("%s-%04d", table, i)),
                        "seq", AttributeValue.fromN(Integer.toString(i)));
                clients.dynamoDb().putItem(b -> b.tableName(table).item(item));
            }
        });
    }

    @Override
    public void close() throws Exception {
        try {
            dynamodbLocal.stop();
        } finally {
            s3proxy.stop();
        }
    }
}
