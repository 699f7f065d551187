package dev.switchboard.it.limits;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.acme.limits.ServiceClients;
import dev.switchboard.it.servers.LocalDynamoDb;
import dev.switchboard.runtime.calls.ServiceStatistics;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.ListTablesResponse;

/** The registry's rate limit of dynamodb, enforced on the generated factory's clients against DynamoDB Local. */
class RateLimitsTest {
    private static final double RPS = 20;
    private static final int BURST = 5;
    private static final double SECONDS = 3;
    private static final int THREADS = 8;

    private static LocalDynamoDb server;
    private static URI endpoint;

    @BeforeAll
    static void startDynamoDbLocal() throws Exception {
        server = LocalDynamoDb.start();
        endpoint = server.endpoint();
    }

    @AfterAll
    static void stopDynamoDbLocal() throws Exception {
        if (server != null) {
            server.close();
        }
    }

    private static ServiceClients.Builder clients() {
        return ServiceClients.builder()
                .region(Region.US_EAST_1)
                .credentials(StaticCredentialsProvider.create(AwsBasicCredentials.create("fakeAccessKey", "fakeSecret")))
                .endpointOverride("dynamodb", endpoint);
    }

    @Test
    void theLimitHoldsAcrossThreadsAndTheFiguresMatchTheCalls() throws Exception {
        // The first calls of a JVM load the SDK's classes; make one on a client of its own, outside the limit.
        try (DynamoDbClient warmUp = DynamoDbClient.builder()
                .region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("fakeAccessKey", "fakeSecret")))
                .endpointOverride(endpoint)
                .build()) {
            warmUp.listTables();
        }
        SimpleMeterRegistry meters = new SimpleMeterRegistry();
        try (ServiceClients clients = clients().meterRegistry(meters).build()) {
            DynamoDbClient dynamodb = clients.dynamoDb();
            long start = System.nanoTime();
            long deadline = start + (long) (SECONDS * 1e9);
            AtomicLong inWindow = new AtomicLong();
            AtomicLong total = new AtomicLong();
            List<Thread> threads = new ArrayList<>();
            for (int i = 0; i < THREADS; i++) {
                Thread thread = new Thread(() -> {
                    while (System.nanoTime() < deadline) {
                        dynamodb.listTables();
                        total.incrementAndGet();
                        if (System.nanoTime() <= deadline) {
                            inWindow.incrementAndGet();
                        }
                    }
                });
                threads.add(thread);
                thread.start();
            }
            for (Thread thread : threads) {
                thread.join(60_000);
            }

            // Resilience4j lets 5 permits through every 250 ms: a 3 s window holds 60 to 65 calls,
            // depending on where it starts within a period; each bound may be missed by 10 %.
            System.out.printf(
                    "dynamodb, %d threads, 20/s burst 5, 3 s: %d calls ended in the window (%.2f/s; the limit allows"
                            + " 60 to 65), %d in all%n",
                    THREADS, inWindow.get(), inWindow.get() / SECONDS, total.get());
            assertTrue(inWindow.get() >= 0.9 * RPS * SECONDS, "too few calls: " + inWindow.get());
            assertTrue(inWindow.get() <= 1.1 * (RPS * SECONDS + BURST), "too many calls: " + inWindow.get());

            ServiceStatistics stats = clients.statistics().service("dynamodb").orElseThrow();
            assertEquals(total.get(), stats.calls(), "calls in the statistics");
            assertEquals(0, stats.errors());
            assertEquals(Map.of("compiled-in", 1L), stats.created());
            assertEquals("20 requests/s, burst 5", stats.rateLimit().describe());
            assertEquals("the registry", stats.rateLimit().source());
            assertEquals(
                    total.get(),
                    meters.get("switchboard.client.calls")
                            .tags("service", "dynamodb", "kind", "aws", "outcome", "success")
                            .timer()
                            .count());
            assertEquals(
                    1.0,
                    meters.get("switchboard.client.creations")
                            .tags("service", "dynamodb", "route", "compiled-in")
                            .counter()
                            .count());
            assertEquals(
                    stats.rateLimitWaits(),
                    meters.get("switchboard.client.ratelimit.waits").timer().count());
            System.out.print(clients.statistics().toTable());
        }
    }

    @Test
    void theAsyncClientSharesTheLimiterAndNeverBlocksItsCaller() throws Exception {
        try (ServiceClients clients = clients().build()) {
            clients.dynamoDb().listTables();
            // The async client is built and warmed first, so that the loop below only makes calls.
            clients.dynamoDbAsync().listTables().get(60, TimeUnit.SECONDS);
            int calls = 60;
            List<CompletableFuture<ListTablesResponse>> futures = new ArrayList<>();
            for (int i = 0; i < calls; i++) {
                futures.add(clients.dynamoDbAsync().listTables());
            }
            // 60 calls at 20 a second, bursts of 5, take nearly 3 s to be let through; a caller that
            // waited for its permits would find all but the last few answered here, one that did not
            // finds those its loop outlasted (a burst on a quiet machine, more on a busy one).
            long answered = futures.stream().filter(CompletableFuture::isDone).count();

            CompletableFuture.allOf(futures.toArray(CompletableFuture[]::new)).get(60, TimeUnit.SECONDS);
            System.out.printf("dynamodbAsync: %d of %d calls answered when the loop that made them ended%n", answered, calls);
            assertTrue(answered <= calls / 2, "answered before the loop ended: " + answered);
            ServiceStatistics stats = clients.statistics().service("dynamodb").orElseThrow();
            assertEquals(calls + 2, stats.calls());
            assertEquals(Map.of("compiled-in", 2L), stats.created());
            // Most waited for a permit: all but those the periods the loop outlasted let through at once.
            assertTrue(stats.rateLimitWaits() >= calls / 2, "waits: " + stats.rateLimitWaits());
        }
    }
}
