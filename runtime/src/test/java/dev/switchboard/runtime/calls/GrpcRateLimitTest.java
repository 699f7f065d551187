package dev.switchboard.runtime.calls;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.switchboard.runtime.ClientSettings;
import dev.switchboard.runtime.ProviderContext;
import dev.switchboard.runtime.grpc.GrpcChannels;
import dev.switchboard.runtime.registry.ProtoInfo;
import dev.switchboard.runtime.registry.RateLimit;
import dev.switchboard.runtime.registry.Registry;
import dev.switchboard.runtime.registry.ServiceEntry;
import dev.switchboard.runtime.registry.ServiceKind;
import dev.switchboard.runtime.resolve.ClientResolver;
import io.grpc.ManagedChannel;
import io.grpc.ManagedChannelBuilder;
import io.grpc.Server;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.health.v1.HealthCheckRequest;
import io.grpc.health.v1.HealthCheckResponse;
import io.grpc.health.v1.HealthGrpc;
import io.grpc.netty.shaded.io.grpc.netty.NettyServerBuilder;
import io.grpc.protobuf.services.HealthStatusManager;
import io.grpc.stub.StreamObserver;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Rate limits on gRPC clients, against a real grpc-java server (Netty, on 127.0.0.1) serving the
 * standard health service; the stubs are made from the registry's class names, as reflection makes them.
 */
class GrpcRateLimitTest {
    private static final HealthCheckRequest CHECK = HealthCheckRequest.getDefaultInstance();

    private Server server;

    @BeforeEach
    void start() throws IOException {
        server = NettyServerBuilder.forAddress(new InetSocketAddress("127.0.0.1", 0))
                .addService(new HealthStatusManager().getHealthService())
                .build()
                .start();
        // One call on a channel of its own first: the first call of a JVM loads Netty's and gRPC's classes,
        // which takes longer than the limit lets calls through, and would be measured as a slow start.
        ManagedChannel warmUp = ManagedChannelBuilder.forAddress("127.0.0.1", server.getPort())
                .usePlaintext()
                .build();
        HealthGrpc.newBlockingStub(warmUp).check(CHECK);
        warmUp.shutdownNow();
    }

    @AfterEach
    void stop() throws InterruptedException {
        server.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
    }

    private ClientSettings.Builder settings(Map<String, String> properties) {
        return ClientSettings.builder()
                .target("health", "grpc://127.0.0.1:" + server.getPort())
                .lookups(properties::get, variable -> null);
    }

    private static Registry registry(RateLimit limit) {
        return Registry.of(
                "f",
                List.of(ServiceEntry.builder("health", ServiceKind.GRPC)
                        .proto(new ProtoInfo(
                                "grpc/health/v1/health.proto",
                                "grpc.health.v1",
                                "grpc.health.v1.Health",
                                "io.grpc.health.v1",
                                "io.grpc.health.v1.HealthGrpc",
                                null,
                                true))
                        .rateLimit(limit)
                        .build()));
    }

    private static Object create(ClientSettings settings, GrpcChannels channels, Registry registry) {
        ProviderContext context = ProviderContext.of(settings, channels::channel);
        return new ClientResolver(context, GrpcRateLimitTest.class.getClassLoader(), () -> registry).create("health");
    }

    @Test
    @DisplayName("the registry's 20 requests/s with bursts of 5 holds within 10 % over 3 s of blocking calls from 8"
            + " threads, and the statistics count every call made")
    void blockingCallsHoldTheRegistryLimit() throws Exception {
        ClientSettings settings = settings(Map.of()).build();
        try (GrpcChannels channels = new GrpcChannels(settings)) {
            HealthGrpc.HealthBlockingStub stub =
                    (HealthGrpc.HealthBlockingStub) create(settings, channels, registry(new RateLimit(20, 5)));

            Load.Result result = Load.run(8, 3, () -> stub.check(CHECK));

            System.out.println("gRPC, 8 threads, " + result.describe(20, 5));
            ServiceStatistics health =
                    settings.telemetry().statistics().service("health").orElseThrow();
            SoftAssertions soft = new SoftAssertions();
            soft.assertThat((double) result.inWindow())
                    .isBetween(Load.Result.fewest(20, 3), Load.Result.most(20, 5, 3));
            soft.assertThat(result.failed()).isZero();
            soft.assertThat(health.calls()).isEqualTo(result.total());
            soft.assertThat(health.errors()).isZero();
            soft.assertThat(health.kind()).isEqualTo("grpc");
            soft.assertThat(health.created()).containsExactly(Map.entry("reflection", 1L));
            soft.assertThat(health.rateLimit().describe()).isEqualTo("20 requests/s, burst 5");
            soft.assertThat(health.rateLimit().source()).isEqualTo("the registry");
            soft.assertThat(health.rateLimitWaits()).isGreaterThan(result.total() / 2);
            soft.assertThat(health.rateLimitRejections()).isZero();
            soft.assertThat(health.p50Millis()).isPositive();
            soft.assertAll();
        }
    }

    @Test
    @DisplayName("async calls over the limit return at once and start later: the caller's thread never waits")
    void asyncCallsNeverBlockTheCaller() throws Exception {
        ClientSettings settings = settings(Map.of()).rateLimit("health", 10, 1).build();
        try (GrpcChannels channels = new GrpcChannels(settings)) {
            create(settings, channels, registry(null));
            // Stubs hold the target's shared channel itself; calls are told apart by their gRPC service.
            assertThat(channels.channel("health"))
                    .isSameAs(channels.channel("health"))
                    .isInstanceOf(ManagedChannel.class);
            HealthGrpc.HealthStub stub = HealthGrpc.newStub(channels.channel("health"));
            int calls = 20;
            CountDownLatch done = new CountDownLatch(calls);
            AtomicInteger serving = new AtomicInteger();
            for (int i = 0; i < calls; i++) {
                stub.check(CHECK, new StreamObserver<>() {
                    @Override
                    public void onNext(HealthCheckResponse response) {
                        if (response.getStatus() == HealthCheckResponse.ServingStatus.SERVING) {
                            serving.incrementAndGet();
                        }
                    }

                    @Override
                    public void onError(Throwable t) {
                        done.countDown();
                    }

                    @Override
                    public void onCompleted() {
                        done.countDown();
                    }
                });
            }
            // 20 calls at 10 a second take 1.9 s to be let through; a caller that waited for its permits
            // would find all but the last answered here, one that did not only those its loop outlasted.
            long answeredWhenTheLoopEnded = calls - done.getCount();

            assertThat(done.await(20, TimeUnit.SECONDS)).as("every call ends").isTrue();
            ServiceStatistics health =
                    settings.telemetry().statistics().service("health").orElseThrow();
            SoftAssertions soft = new SoftAssertions();
            soft.assertThat(answeredWhenTheLoopEnded).isLessThanOrEqualTo(calls / 2);
            soft.assertThat(serving.get()).isEqualTo(calls);
            soft.assertThat(health.calls()).isEqualTo(calls);
            soft.assertThat(health.rateLimitWaits()).isGreaterThanOrEqualTo(calls / 2);
            soft.assertThat(health.rateLimit().source()).isEqualTo("set in code with rateLimit(\"health\", …)");
            soft.assertAll();
        }
    }

    @Test
    @DisplayName("a call the limit refuses fails with RESOURCE_EXHAUSTED, naming the service, the limit and how to"
            + " raise it, and is counted as a rejection and an error")
    void refusedCallsFailWithTheLimitsMessage() throws Exception {
        SimpleMeterRegistry meters = new SimpleMeterRegistry();
        ClientSettings settings = settings(Map.of(
                        "switchboard.health.rateLimit", "0.1/1",
                        "switchboard.health.rateLimitTimeout", "0"))
                .meterRegistry(meters)
                .build();
        try (GrpcChannels channels = new GrpcChannels(settings)) {
            HealthGrpc.HealthBlockingStub stub =
                    (HealthGrpc.HealthBlockingStub) create(settings, channels, registry(new RateLimit(100, 10)));
            HealthGrpc.HealthFutureStub future = HealthGrpc.newFutureStub(channels.channel("health"));
            stub.check(CHECK);

            assertThatThrownBy(() -> stub.check(CHECK))
                    .isInstanceOf(StatusRuntimeException.class)
                    .satisfies(e -> assertThat(
                                    ((StatusRuntimeException) e).getStatus().getCode())
                            .isEqualTo(Status.Code.RESOURCE_EXHAUSTED))
                    .hasMessageContaining("service \"health\" is limited to 0.1 requests/s, burst 1"
                            + " (-Dswitchboard.health.rateLimit)")
                    .hasMessageContaining("no permit is free now (its calls do not wait)")
                    .hasMessageContaining("-Dswitchboard.health.rateLimit=<requests per second>/<burst>")
                    .hasMessageContaining("-Dswitchboard.health.rateLimitTimeout=");
            assertThatThrownBy(() -> future.check(CHECK).get(5, TimeUnit.SECONDS))
                    .hasRootCauseInstanceOf(RateLimitExceededException.class);

            ServiceStatistics health =
                    settings.telemetry().statistics().service("health").orElseThrow();
            SoftAssertions soft = new SoftAssertions();
            soft.assertThat(health.calls()).isEqualTo(3);
            soft.assertThat(health.errors()).isEqualTo(2);
            soft.assertThat(health.rateLimitRejections()).isEqualTo(2);
            soft.assertThat(meters.get("switchboard.client.calls")
                            .tags("service", "health", "kind", "grpc", "outcome", "success")
                            .timer()
                            .count())
                    .isEqualTo(1);
            soft.assertThat(meters.get("switchboard.client.calls")
                            .tags("service", "health", "kind", "grpc", "outcome", "error")
                            .timer()
                            .count())
                    .isEqualTo(2);
            soft.assertThat(meters.get("switchboard.client.ratelimit.rejections")
                            .tags("service", "health", "kind", "grpc")
                            .counter()
                            .count())
                    .isEqualTo(2);
            soft.assertThat(meters.get("switchboard.client.creations")
                            .tags("service", "health", "kind", "grpc", "route", "reflection")
                            .counter()
                            .count())
                    .isEqualTo(1);
            soft.assertAll();
        }
    }
}
