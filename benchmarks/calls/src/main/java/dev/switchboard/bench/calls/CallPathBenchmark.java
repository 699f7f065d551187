package dev.switchboard.bench.calls;

import com.sun.net.httpserver.HttpServer;
import dev.switchboard.runtime.ClientSettings;
import dev.switchboard.runtime.SyncHttpClient;
import dev.switchboard.runtime.aws.AwsClientSupport;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.apache.ApacheHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.ListQueuesResponse;

/**
 * One SQS {@code ListQueues} call against an HTTP server in this JVM on 127.0.0.1 (the JDK's, answering
 * SQS's JSON protocol with an empty list), made three ways: by the bare SDK client, by the same client
 * built by switchboard (statistics on every call, no rate limit), and by one with a limit so high that no
 * call ever waits (statistics plus a Resilience4j permit on every call). All three use the Apache HTTP
 * client, region us-east-1 and static credentials. The server sends with TCP_NODELAY: without it each
 * answer waits some 40 ms for the client's delayed ACK, which would be all that is measured.
 */
@Fork(jvmArgsAppend = "-Dsun.net.httpserver.nodelay=true")
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class CallPathBenchmark {
    private HttpServer server;
    private ExecutorService handlers;
    private SqsClient bare;
    private SqsClient measured;
    private SqsClient limited;

    @Setup(Level.Trial)
    public void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        handlers = Executors.newFixedThreadPool(2);
        server.setExecutor(handlers);
        byte[] body = "{}".getBytes(StandardCharsets.UTF_8);
        server.createContext("/", exchange -> {
            exchange.getRequestBody().readAllBytes();
            exchange.getResponseHeaders().add("Content-Type", "application/x-amz-json-1.0");
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.start();
        URI endpoint = URI.create("http://127.0.0.1:" + server.getAddress().getPort());
        StaticCredentialsProvider credentials =
                StaticCredentialsProvider.create(AwsBasicCredentials.create("key", "secret"));
        bare = SqsClient.builder()
                .region(Region.US_EAST_1)
                .credentialsProvider(credentials)
                .endpointOverride(endpoint)
                .httpClientBuilder(ApacheHttpClient.builder())
                .build();
        ClientSettings.Builder settings = ClientSettings.builder()
                .region("us-east-1")
                .credentialsProvider(credentials)
                .endpoint("sqs", endpoint)
                .syncHttpClient(SyncHttpClient.APACHE)
                .lookups(property -> null, variable -> null);
        measured = AwsClientSupport.build(SqsClient.builder(), "sqs", settings.build());
        limited = AwsClientSupport.build(
                SqsClient.builder(), "sqs", settings.rateLimit("sqs", 1e9, 0).build());
    }

    @TearDown(Level.Trial)
    public void stop() {
        bare.close();
        measured.close();
        limited.close();
        server.stop(0);
        handlers.shutdownNow();
    }

    @Benchmark
    public ListQueuesResponse bareSdkClient() {
        return bare.listQueues();
    }

    @Benchmark
    public ListQueuesResponse switchboardStatistics() {
        return measured.listQueues();
    }

    @Benchmark
    public ListQueuesResponse switchboardStatisticsAndUnlimitedLimiter() {
        return limited.listQueues();
    }
}
