package dev.switchboard.core.inspect;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.runtime.health.HealthResult;
import dev.switchboard.runtime.health.HealthStatus;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class HealthReportTest {
    private static HealthResult result(String service, HealthStatus status, long millis, String error) {
        return new HealthResult(service, status, Duration.ofMillis(millis), "GET http://127.0.0.1:1/" + service, error);
    }

    private static final List<HealthResult> ROUND_ONE = List.of(
            result("billing", HealthStatus.SERVING, 12, null),
            result("orders", HealthStatus.UNREACHABLE, 3, "connection refused"),
            result("user", HealthStatus.SERVING, 40, null));

    @Test
    @DisplayName("a table has a row per service and names the services skipped for lack of an endpoint")
    void table() {
        assertThat(HealthReport.render(ROUND_ONE, List.of("s3"), Format.TABLE))
                .isEqualTo("SERVICE  STATUS       LATENCY  CHECKED                         ERROR\n"
                        + "-------  -----------  -------  ------------------------------  ------------------\n"
                        + "billing  serving      12 ms    GET http://127.0.0.1:1/billing  -\n"
                        + "orders   unreachable  3 ms     GET http://127.0.0.1:1/orders   connection refused\n"
                        + "user     serving      40 ms    GET http://127.0.0.1:1/user     -\n"
                        + "not checked (no endpoint): s3\n");
    }

    @Test
    @DisplayName("JSON carries status, health, latency, what was checked and the error")
    void json() {
        assertThat(HealthReport.render(ROUND_ONE.subList(1, 2), List.of(), Format.JSON))
                .isEqualTo("{\n  \"results\" : [ {\n    \"checked\" : \"GET http://127.0.0.1:1/orders\",\n"
                        + "    \"error\" : \"connection refused\",\n    \"healthy\" : false,\n    \"latencyMs\" : 3,\n"
                        + "    \"service\" : \"orders\",\n    \"status\" : \"unreachable\"\n  } ],\n"
                        + "  \"skipped\" : [ ]\n}\n");
    }

    @Test
    @DisplayName("each unhealthy status has its own words in the failure lines")
    void unhealthyLines() {
        List<HealthResult> results = List.of(
                result("a", HealthStatus.UNREACHABLE, 1, "connection refused"),
                result("b", HealthStatus.RPC_FAILED, 1, "no answer within 300 ms"),
                result("c", HealthStatus.NOT_SERVING, 1, "answered NOT_SERVING"),
                result("d", HealthStatus.UNKNOWN_SERVICE, 1, "the health service does not know \"d\""),
                result("e", HealthStatus.NO_HEALTH_SERVICE, 1, "the server does not implement grpc.health.v1.Health"),
                result("f", HealthStatus.REACHABLE, 1, null));

        assertThat(HealthReport.unhealthy(results))
                .containsExactly(
                        "a: unreachable: connection refused (GET http://127.0.0.1:1/a)",
                        "b: rpc failed: no answer within 300 ms (GET http://127.0.0.1:1/b)",
                        "c: not serving: answered NOT_SERVING (GET http://127.0.0.1:1/c)",
                        "d: unknown service: the health service does not know \"d\" (GET http://127.0.0.1:1/d)",
                        "e: no health service: the server does not implement grpc.health.v1.Health"
                                + " (GET http://127.0.0.1:1/e)");
    }

    @Test
    @DisplayName("monitoring prints status changes, new and dropped services, and nothing for latency alone")
    void changes() {
        List<HealthResult> roundTwo = List.of(
                result("billing", HealthStatus.NOT_SERVING, 9, "answered 503"),
                result("orders", HealthStatus.SERVING, 5, null),
                result("payments", HealthStatus.SERVING, 5, null));

        assertThat(HealthReport.changes(ROUND_ONE, ROUND_ONE)).isEmpty();
        assertThat(HealthReport.changes(ROUND_ONE, roundTwo))
                .containsExactly(
                        "billing: serving -> not serving: answered 503 (GET http://127.0.0.1:1/billing)",
                        "orders: unreachable -> serving (GET http://127.0.0.1:1/orders)",
                        "payments: serving (GET http://127.0.0.1:1/payments)",
                        "user: no longer checked");
        assertThat(HealthReport.changes(
                        ROUND_ONE,
                        List.of(
                                result("billing", HealthStatus.SERVING, 500, null),
                                ROUND_ONE.get(1),
                                ROUND_ONE.get(2))))
                .isEmpty();
    }
}
