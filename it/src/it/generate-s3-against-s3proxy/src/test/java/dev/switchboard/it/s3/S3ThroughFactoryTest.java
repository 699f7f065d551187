package dev.switchboard.it.s3;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.switchboard.it.switchboard.ServiceClients;
import dev.switchboard.it.switchboard.ServiceNames;
import dev.switchboard.runtime.SyncHttpClient;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.CopyOnWriteArrayList;
import org.gaul.s3proxy.BlobStores;
import org.gaul.s3proxy.S3Proxy;
import org.gaul.s3proxy.auth.AuthenticationType;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.S3Exception;

/** The generated factory against a real S3 API: S3Proxy in this JVM, in memory, on loopback. */
class S3ThroughFactoryTest {
    private static final String ACCESS_KEY = "switchboard-it-access";
    private static final String SECRET_KEY = "switchboard-it-secret";

    private static S3Proxy proxy;
    private static URI endpoint;

    @BeforeAll
    static void startS3Proxy() throws Exception {
        proxy = S3Proxy.builder()
                .blobStore(BlobStores.create("transient", new Properties()))
                .endpoint(URI.create("http://127.0.0.1:0"))
                .awsAuthentication(AuthenticationType.AWS_V2_OR_V4, ACCESS_KEY, SECRET_KEY)
                .build();
        proxy.start();
        endpoint = URI.create("http://127.0.0.1:" + proxy.getPort());
    }

    @AfterAll
    static void stopS3Proxy() throws Exception {
        if (proxy != null) {
            proxy.stop();
        }
    }

    private static ServiceClients.Builder factory(String secret) {
        return ServiceClients.builder()
                .region(Region.US_EAST_1)
                .credentials(StaticCredentialsProvider.create(AwsBasicCredentials.create(ACCESS_KEY, secret)))
                .endpointOverride("s3", endpoint)
                .httpClient(SyncHttpClient.URL_CONNECTION);
    }

    @Test
    void putsAndGetsAnObjectThroughTheTypedAccessor() {
        List<String> paths = new CopyOnWriteArrayList<>();
        ExecutionInterceptor recordPaths = new ExecutionInterceptor() {
            @Override
            public void beforeTransmission(Context.BeforeTransmission context, ExecutionAttributes attributes) {
                paths.add(context.httpRequest().host() + " "
                        + context.httpRequest().encodedPath());
            }
        };
        byte[] content = "switchboard put this through S3Proxy\n".getBytes(StandardCharsets.UTF_8);

        try (ServiceClients clients = factory(SECRET_KEY)
                .customizeS3(
                        b -> b.forcePathStyle(true).overrideConfiguration(c -> c.addExecutionInterceptor(recordPaths)))
                .build()) {
            S3Client s3 = clients.s3();
            s3.createBucket(b -> b.bucket("switchboard-it"));
            s3.putObject(b -> b.bucket("switchboard-it").key("dir/hello.txt"), RequestBody.fromBytes(content));
            byte[] read = s3.getObjectAsBytes(b -> b.bucket("switchboard-it").key("dir/hello.txt"))
                    .asByteArray();

            assertArrayEquals(content, read);
            assertEquals(
                    List.of("dir/hello.txt"),
                    s3.listObjectsV2(b -> b.bucket("switchboard-it")).contents().stream()
                            .map(o -> o.key())
                            .toList());
            // The per-service customizer ran: path-style requests to the endpoint override, on loopback.
            assertTrue(paths.contains("127.0.0.1 /switchboard-it/dir/hello.txt"), paths.toString());
            // The configured region and credentials reached the client.
            assertEquals(Region.US_EAST_1, s3.serviceClientConfiguration().region());
        }
    }

    @Test
    void oneCachedClientPerServiceWhicheverWayItIsAskedFor() {
        try (ServiceClients clients =
                factory(SECRET_KEY).customizeS3(b -> b.forcePathStyle(true)).build()) {
            S3Client s3 = clients.s3();

            assertSame(s3, clients.s3());
            assertSame(s3, clients.client("s3"));
            assertSame(s3, clients.client("s3", S3Client.class));
            assertSame(s3, clients.client(ServiceNames.S3, S3Client.class));
            assertThrows(IllegalArgumentException.class, () -> clients.client("s3", String.class));
            assertTrue(clients.services().contains("s3"), clients.services().toString());
            assertEquals(List.of("s3"), ServiceNames.ALL);
            assertEquals("storage", ServiceNames.Groups.STORAGE);
        }
        try (ServiceClients one = factory(SECRET_KEY).build();
                ServiceClients two = factory(SECRET_KEY).build()) {
            assertNotSame(one.s3(), two.s3(), "each factory has clients of its own");
        }
    }

    @Test
    void theCredentialsGivenAreTheOnesSigned() {
        try (ServiceClients clients = factory("not-the-secret")
                .customizeS3(b -> b.forcePathStyle(true))
                .build()) {
            S3Exception denied =
                    assertThrows(S3Exception.class, () -> clients.s3().listBuckets());
            assertEquals(403, denied.statusCode());
        }
    }

    @Test
    void aClosedFactoryCreatesNoMoreClients() {
        ServiceClients clients =
                factory(SECRET_KEY).customizeS3(b -> b.forcePathStyle(true)).build();
        S3Client s3 = clients.s3();
        s3.listBuckets();
        clients.close();

        // A client never asked for before close() can no longer be created.
        IllegalStateException async = assertThrows(IllegalStateException.class, clients::s3Async);
        assertTrue(async.getMessage().contains("closed"), async.getMessage());

        // A closed factory creates nothing more, the typed accessor and client(name) included.
        assertThrows(IllegalStateException.class, clients::s3);
        assertThrows(IllegalStateException.class, () -> clients.client("s3"));

        clients.close(); // a second close does nothing
    }
}
