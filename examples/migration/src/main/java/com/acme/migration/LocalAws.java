package com.acme.migration;

import com.amazonaws.services.dynamodbv2.local.main.ServerRunner;
import com.amazonaws.services.dynamodbv2.local.server.DynamoDBProxyServer;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.util.Properties;
import org.gaul.s3proxy.BlobStores;
import org.gaul.s3proxy.S3Proxy;
import org.gaul.s3proxy.auth.AuthenticationType;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;

/** S3Proxy and DynamoDB Local in this JVM, in memory, on 127.0.0.1: AWS without an AWS account. */
public final class LocalAws implements AutoCloseable {
    // DynamoDB Local 2.x accepts access key ids of letters and digits only; S3Proxy checks the pair.
    static final StaticCredentialsProvider CREDENTIALS =
            StaticCredentialsProvider.create(AwsBasicCredentials.create("migration", "migrationsecret"));

    private final S3Proxy s3proxy;
    private final DynamoDBProxyServer dynamodbLocal;
    final URI s3;
    final URI dynamoDb;

    private LocalAws(S3Proxy s3proxy, DynamoDBProxyServer dynamodbLocal, int dynamodbPort) {
        this.s3proxy = s3proxy;
        this.dynamodbLocal = dynamodbLocal;
        this.s3 = URI.create("http://127.0.0.1:" + s3proxy.getPort());
        this.dynamoDb = URI.create("http://127.0.0.1:" + dynamodbPort);
    }

    /** Starts both servers on free loopback ports. */
    public static LocalAws start() throws Exception {
        S3Proxy s3proxy = S3Proxy.builder()
                .blobStore(BlobStores.create("transient", new Properties()))
                .endpoint(URI.create("http://127.0.0.1:0"))
                .awsAuthentication(AuthenticationType.AWS_V2_OR_V4, "migration", "migrationsecret")
                .build();
        s3proxy.start();
        // DynamoDB Local takes no port 0: pick a free one first, and pick again should another process
        // take it in between.
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

    @Override
    public void close() throws Exception {
        try {
            dynamodbLocal.stop();
        } finally {
            s3proxy.stop();
        }
    }
}
