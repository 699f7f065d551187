package dev.switchboard.runtime.calls;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.switchboard.runtime.AsyncHttpClient;
import dev.switchboard.runtime.ClientSettings;
import dev.switchboard.runtime.SyncHttpClient;
import dev.switchboard.runtime.aws.AwsClientSupport;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.services.sqs.SqsAsyncClient;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.SqsClientBuilder;
import software.amazon.awssdk.services.sqs.model.ListQueuesResponse;

/**
 * Rate limits and statistics on real SDK clients (SQS, sync with the Apache HTTP client and async with
 * Netty), built as every switchboard AWS client is, against an HTTP server on loopback that answers
 * SQS's JSON protocol with an empty queue list. The whole-service figures against DynamoDB Local are in
 * the Invoker IT {@code rate-limits-and-statistics}.
 */
class AwsRateLimitTest {
    private HttpServer server;
    private ExecutorService handlers;
    private final AtomicLong requests = new AtomicLong();

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        handlers = Executors.newFixedThreadPool(4);
        server.setExecutor(handlers);
        server.createContext("/", this::answer);
        server.start();
    }

    @AfterEach
    void stop() {
        server.stop(0);
        handlers.shutdownNow();
    }

    private void answer(HttpExchange exchange) throws IOException {
        exchange.getRequestBody().readAllBytes();
        requests.incrementAndGet();
        byte[] body = "{}".getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/x-amz-json-1.0");
        exchange.sendResponseHeaders(200, body.length);
        exchange.getResponseBody().write(body);
        exchange.close();
    }

    private ClientSettings.Builder settings(Map<String, String> properties) {
        return ClientSettings.builder()
                .region("us-east-1")
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("key", "secret")))
                .endpoint(
                        "sqs",
                        URI.create("http://127.0.0.1:" + server.getAddress().getPort()))
                .syncHttpClient(SyncHttpClient.APACHE)
                .asyncHttpClient(AsyncHttpClient.NETTY)
                .lookups(properties::get, variable -> null);
    }

    @Test
    @DisplayName("a sync client's call the limit refuses is never sent, is not retried, and fails naming the"
            + " limit; a customizer that replaces the override configuration keeps the client measured")
    void syncRefusal() {
        SimpleMeterRegistry meters = new SimpleMeterRegistry();
        ClientSettings settings = settings(Map.of(
                        "switchboard.sqs.rateLimit", "0.1/1",
                        "switchboard.sqs.rateLimitTimeout", "0"))
                .customizer(
                        "sqs",
                        builder -> ((SqsClientBuilder) builder)
                                .overrideConfiguration(
                                        ClientOverrideConfiguration.builder().build()))
                .meterRegistry(meters)
                .build();
        try (SqsClient sqs = AwsClientSupport.build(SqsClient.builder(), "sqs", settings)) {
            sqs.listQueues();

            assertThatThrownBy(sqs::listQueues)
                    .isInstanceOf(RateLimitExceededException.class)
                    .hasMessageContaining("service \"sqs\" is limited to 0.1 requests/s, burst 1")
                    .hasMessageContaining("-Dswitchboard.sqs.rateLimit=<requests per second>/<burst>");
        }
        ServiceStatistics sqs = settings.telemetry().statistics().service("sqs").orElseThrow();
        SoftAssertions soft = new SoftAssertions();
        soft.assertThat(requests.get()).as("requests the server received").isEqualTo(1);
        soft.assertThat(sqs.calls()).isEqualTo(2);
        soft.assertThat(sqs.errors()).isEqualTo(1);
        soft.assertThat(sqs.rateLimitRejections()).isEqualTo(1);
        soft.assertThat(sqs.kind()).isEqualTo("aws");
        soft.assertThat(meters.get("switchboard.client.calls")
                        .tags("service", "sqs", "kind", "aws", "outcome", "success")
                        .timer()
                        .count())
                .isEqualTo(1);
        soft.assertThat(meters.get("switchboard.client.calls")
                        .tags("service", "sqs", "kind", "aws", "outcome", "error")
                        .timer()
                        .count())
                .isEqualTo(1);
        soft.assertThat(meters.get("switchboard.client.ratelimit.rejections")
                        .tags("service", "sqs", "kind", "aws")
                        .counter()
                        .count())
                .isEqualTo(1);
        soft.assertAll();
    }

    @Test
    @DisplayName("an async client over its limit returns its futures at once and sends the requests as permits"
            + " come: the caller's thread never waits")
    void asyncNeverBlocks() throws Exception {
        ClientSettings settings = settings(Map.of()).rateLimit("sqs", 10, 1).build();
        try (SqsAsyncClient sqs = AwsClientSupport.build(SqsAsyncClient.builder(), "sqs", settings)) {
            // One call first, so that the SDK's and Netty's first-use costs are not in the loop below.
            sqs.listQueues().get(20, TimeUnit.SECONDS);
            int calls = 20;
            List<CompletableFuture<ListQueuesResponse>> futures = new ArrayList<>();
            for (int i = 0; i < calls; i++) {
                futures.add(sqs.listQueues());
            }
            // 20 calls at 10 a second take 1.9 s to be let through; a caller that waited for its permits
            // would find all but the last answered here, one that did not only those its loop outlasted.
            long answeredWhenTheLoopEnded =
                    futures.stream().filter(CompletableFuture::isDone).count();

            CompletableFuture.allOf(futures.toArray(CompletableFuture[]::new)).get(30, TimeUnit.SECONDS);
            ServiceStatistics stats =
                    settings.telemetry().statistics().service("sqs").orElseThrow();
            SoftAssertions soft = new SoftAssertions();
            soft.assertThat(answeredWhenTheLoopEnded).isLessThanOrEqualTo(calls / 2);
            soft.assertThat(requests.get()).isEqualTo(calls + 1);
            soft.assertThat(stats.calls()).isEqualTo(calls + 1);
            soft.assertThat(stats.errors()).isZero();
            soft.assertThat(stats.rateLimitWaits()).isGreaterThanOrEqualTo(calls / 2);
            soft.assertAll();
        }
    }

    @Test
    @DisplayName("an async call the limit refuses fails its future, without a request or a retry")
    void asyncRefusal() throws Exception {
        ClientSettings settings = settings(Map.of(
                        "switchboard.sqs.rateLimit", "0.1/1",
                        "switchboard.sqs.rateLimitTimeout", "0"))
                .build();
        try (SqsAsyncClient sqs = AwsClientSupport.build(SqsAsyncClient.builder(), "sqs", settings)) {
            sqs.listQueues().get(20, TimeUnit.SECONDS);

            assertThatThrownBy(() -> sqs.listQueues().get(20, TimeUnit.SECONDS))
                    .hasRootCauseInstanceOf(RateLimitExceededException.class)
                    .hasMessageContaining("service \"sqs\" is limited to 0.1 requests/s, burst 1");
        }
        ServiceStatistics sqs = settings.telemetry().statistics().service("sqs").orElseThrow();
        assertThat(requests.get()).isEqualTo(1);
        assertThat(sqs.calls()).isEqualTo(2);
        assertThat(sqs.errors()).isEqualTo(1);
        assertThat(sqs.rateLimitRejections()).isEqualTo(1);
    }
}
