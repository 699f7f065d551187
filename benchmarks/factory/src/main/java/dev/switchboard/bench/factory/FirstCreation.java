package dev.switchboard.bench.factory;

import dev.switchboard.bench.clients.ServiceClients;
import dev.switchboard.runtime.ClientSettings;
import dev.switchboard.runtime.ProviderContext;
import dev.switchboard.runtime.SyncHttpClient;
import dev.switchboard.runtime.reflect.ReflectiveClients;
import dev.switchboard.runtime.registry.AwsInfo;
import dev.switchboard.runtime.registry.ServiceEntry;
import dev.switchboard.runtime.registry.ServiceKind;
import java.util.List;
import java.util.Locale;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * Budget B2, cold: the first client creation of a fresh JVM, timed with {@link System#nanoTime()}
 * around one call; run once per JVM by the script, the routes interleaved round by round so that a
 * change in the machine's load falls on every route alike (JMH's SingleShotTime would run all forks of
 * one route back to back).
 *
 * <pre>java -cp target/factory-benchmarks.jar dev.switchboard.bench.factory.FirstCreation ROUTE</pre>
 *
 * <p>Routes: {@code direct-s3}, {@code factory-s3}, {@code factory-s3-quiet}, {@code direct-sqs},
 * {@code factory-sqs-reflective}, and a what-if, {@code reflective-sqs-no-registry}: {@code
 * ReflectiveClients.create} on a registry entry built in code (the class names the bundled registry
 * holds for sqs), so neither the ServiceLoader scan nor the JSON registry (nor Jackson) is on the
 * path — the cost of reflection itself, cold, with the logger configured as in {@code factory-s3-quiet}. Everything the call needs (region, credentials, endpoint) is built
 * inside the timed region on every route, so class loading and interpretation of the SDK and of
 * switchboard all count. {@code factory-s3-quiet} sets the {@code dev.switchboard} java.util.logging
 * logger to WARNING before the clock starts, as an application that configured its logging at
 * start-up would have it; the other factory routes run with the JDK's default logging (INFO to
 * System.err), so JUL's initialisation and the "uses the … HTTP client" line are part of their figure.
 * Prints {@code route=… first_ms=…}. The client (and factory) is closed after the clock stops.
 */
public final class FirstCreation {
    private FirstCreation() {}

    public static void main(String[] args) throws Exception {
        String route = args[0];
        java.util.logging.Logger keep = null;
        if (route.equals("factory-s3-quiet") || route.equals("reflective-sqs-no-registry")) {
            keep = java.util.logging.Logger.getLogger("dev.switchboard");
            keep.setLevel(java.util.logging.Level.WARNING);
        }
        long t0 = System.nanoTime();
        AutoCloseable open;
        Object client;
        switch (route) {
            case "direct-s3" -> {
                S3Client c = S3Client.builder()
                        .region(Region.US_EAST_1)
                        .credentialsProvider(StaticCredentialsProvider.create(
                                AwsBasicCredentials.create("AKIAFAKEFAKEFAKE0000", "fake/secret")))
                        .endpointOverride(java.net.URI.create("http://127.0.0.1:1"))
                        .httpClientBuilder(UrlConnectionHttpClient.builder())
                        .build();
                open = c;
                client = c;
            }
            case "direct-sqs" -> {
                SqsClient c = SqsClient.builder()
                        .region(Region.US_EAST_1)
                        .credentialsProvider(StaticCredentialsProvider.create(
                                AwsBasicCredentials.create("AKIAFAKEFAKEFAKE0000", "fake/secret")))
                        .endpointOverride(java.net.URI.create("http://127.0.0.1:1"))
                        .httpClientBuilder(UrlConnectionHttpClient.builder())
                        .build();
                open = c;
                client = c;
            }
            case "factory-s3", "factory-s3-quiet" -> {
                ServiceClients clients = factory("s3");
                open = clients;
                client = clients.s3();
            }
            case "factory-sqs-reflective" -> {
                ServiceClients clients = factory("sqs");
                open = clients;
                client = clients.client("sqs");
            }
            case "reflective-sqs-no-registry" -> {
                ServiceEntry entry = ServiceEntry.builder("sqs", ServiceKind.AWS)
                        .aws(new AwsInfo(
                                "sqs",
                                "sqs",
                                "sqs",
                                "software.amazon.awssdk.services.sqs.SqsClient",
                                "software.amazon.awssdk.services.sqs.SqsAsyncClient",
                                "software.amazon.awssdk.services.sqs.SqsClientBuilder",
                                false,
                                List.of()))
                        .build();
                ClientSettings settings = ClientSettings.builder()
                        .region(Region.US_EAST_1.id())
                        .credentialsProvider(StaticCredentialsProvider.create(
                                AwsBasicCredentials.create("AKIAFAKEFAKEFAKE0000", "fake/secret")))
                        .endpoint("sqs", java.net.URI.create("http://127.0.0.1:1"))
                        .syncHttpClient(SyncHttpClient.URL_CONNECTION)
                        .build();
                ProviderContext context = new ProviderContext() {
                    @Override
                    public ClientSettings settings() {
                        return settings;
                    }

                    @Override
                    public Object grpcChannel(String service) {
                        throw new IllegalStateException();
                    }
                };
                client = ReflectiveClients.create(entry, context, FirstCreation.class.getClassLoader());
                open = (AutoCloseable) client;
            }
            default -> throw new IllegalArgumentException("unknown route " + route);
        }
        long t1 = System.nanoTime();
        open.close();
        System.out.printf(
                Locale.ROOT, "route=%s first_ms=%.1f client=%s%n", route, (t1 - t0) / 1e6, client.getClass().getSimpleName());
        if (keep != null) {
            keep.getName();
        }
    }

    private static ServiceClients factory(String service) {
        return ServiceClients.builder()
                .region(Region.US_EAST_1)
                .credentials(StaticCredentialsProvider.create(
                        AwsBasicCredentials.create("AKIAFAKEFAKEFAKE0000", "fake/secret")))
                .endpointOverride(service, java.net.URI.create("http://127.0.0.1:1"))
                .httpClient(SyncHttpClient.URL_CONNECTION)
                .build();
    }
}
