package dev.switchboard.runtime.health;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.runtime.registry.Health;
import dev.switchboard.runtime.registry.ServiceKind;
import io.grpc.Server;
import io.grpc.health.v1.HealthCheckResponse.ServingStatus;
import io.grpc.netty.shaded.io.grpc.netty.NettyServerBuilder;
import io.grpc.protobuf.services.HealthStatusManager;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class GrpcHealthCheckTest {
    private Server withHealth;
    private Server withoutHealth;

    @BeforeEach
    void start() throws IOException {
        HealthStatusManager health = new HealthStatusManager();
        health.setStatus("acme.user.v1.UserService", ServingStatus.SERVING);
        health.setStatus("acme.order.v1.OrderService", ServingStatus.NOT_SERVING);
        withHealth = NettyServerBuilder.forAddress(new InetSocketAddress("127.0.0.1", 0))
                .addService(health.getHealthService())
                .build()
                .start();
        withoutHealth = NettyServerBuilder.forAddress(new InetSocketAddress("127.0.0.1", 0))
                .build()
                .start();
    }

    @AfterEach
    void stop() {
        withHealth.shutdownNow();
        withoutHealth.shutdownNow();
    }

    private static HealthTarget target(String service, Server server, String grpcName) {
        return new HealthTarget(
                service,
                ServiceKind.GRPC,
                URI.create("grpc://127.0.0.1:" + server.getPort()),
                grpcName == null ? null : new Health(null, grpcName));
    }

    @Test
    @DisplayName("Check tells serving, not serving and unknown services apart, and a server without the health service")
    void statuses() throws InterruptedException {
        HealthChecker checker =
                HealthChecker.builder().readTimeout(Duration.ofSeconds(3)).build();

        List<HealthResult> results = checker.check(List.of(
                target("user", withHealth, "acme.user.v1.UserService"),
                target("order", withHealth, "acme.order.v1.OrderService"),
                target("billing", withHealth, "acme.billing.v1.BillingService"),
                target("server", withHealth, null),
                target("bare", withoutHealth, "")));

        SoftAssertions soft = new SoftAssertions();
        soft.assertThat(results)
                .extracting(HealthResult::service)
                .containsExactly("bare", "billing", "order", "server", "user");
        soft.assertThat(results)
                .extracting(HealthResult::status)
                .containsExactly(
                        HealthStatus.NO_HEALTH_SERVICE,
                        HealthStatus.UNKNOWN_SERVICE,
                        HealthStatus.NOT_SERVING,
                        HealthStatus.SERVING,
                        HealthStatus.SERVING);
        soft.assertThat(results.get(0).error()).isEqualTo("the server does not implement grpc.health.v1.Health");
        soft.assertThat(results.get(1).error())
                .isEqualTo("the health service does not know \"acme.billing.v1.BillingService\"");
        soft.assertThat(results.get(2).error()).isEqualTo("answered NOT_SERVING");
        soft.assertThat(results.get(3).checked())
                .isEqualTo("grpc.health.v1.Health/Check \"\" at grpc://127.0.0.1:" + withHealth.getPort());
        soft.assertThat(results.get(4).error()).isNull();
        soft.assertAll();
    }

    @Test
    @DisplayName("a stopped server is unreachable")
    void stoppedServer() throws InterruptedException {
        HealthTarget target = target("user", withoutHealth, "");
        withoutHealth.shutdownNow();

        HealthResult result = HealthChecker.builder().build().check(target);

        assertThat(result.status()).isEqualTo(HealthStatus.UNREACHABLE);
        assertThat(result.error()).isEqualTo("connection refused");
    }

    @Test
    @DisplayName("TLS against a plaintext server is a failed handshake, in words without the transport's class names")
    void tlsAgainstPlaintext() throws InterruptedException {
        HealthTarget target = new HealthTarget(
                "user", ServiceKind.GRPC, URI.create("grpcs://127.0.0.1:" + withHealth.getPort()), null);

        HealthResult result = HealthChecker.builder().build().check(target);

        assertThat(result.status()).isEqualTo(HealthStatus.UNREACHABLE);
        assertThat(result.error())
                .isEqualTo("TLS handshake failed: the server does not speak TLS on that port (for a plaintext port"
                        + " use grpc:// or http://)");
    }

    @Test
    @DisplayName("the request and response messages are encoded as protobuf encodes them")
    void messages() {
        assertThat(GrpcHealthCheck.request("")).isEmpty();
        assertThat(GrpcHealthCheck.request("a.B")).containsExactly(0x0A, 3, 'a', '.', 'B');
        assertThat(GrpcHealthCheck.servingStatus(new byte[0])).isZero();
        assertThat(GrpcHealthCheck.servingStatus(new byte[] {0x08, 0x02})).isEqualTo(2);
        // An unknown length-delimited field 2 before the status is skipped.
        assertThat(GrpcHealthCheck.servingStatus(new byte[] {0x12, 0x01, 0x7F, 0x08, 0x01}))
                .isEqualTo(1);
        assertThat(GrpcHealthCheck.request("x".repeat(200))).startsWith(0x0A, 0xC8 - 256, 0x01);
    }
}
