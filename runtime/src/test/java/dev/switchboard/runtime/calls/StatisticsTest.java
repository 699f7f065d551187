package dev.switchboard.runtime.calls;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.switchboard.runtime.registry.RateLimit;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class StatisticsTest {
    private static ServiceStatistics stats(String service, String kind, Map<String, Long> created, ServiceLimit limit) {
        return new ServiceStatistics(service, kind, created, 312.44, 42, 1, 1.2, 8.5, limit, 3, 120.0, 1);
    }

    private static final ClientStatistics SNAPSHOT = new ClientStatistics(
            List.of(
                    stats(
                            "s3",
                            "aws",
                            new LinkedHashMap<>(Map.of("compiled-in", 2L)),
                            new ServiceLimit(new RateLimit(20, 5), "the registry")),
                    stats("dynamodb", "aws", new LinkedHashMap<>(Map.of("compiled-in", 1L)), null)),
            new RegistryStatistics("/etc/acme/registry.json", "3f2a", 7, Instant.parse("2026-11-24T08:00:00Z"), 2, 1));

    @Test
    @DisplayName("the table has a line per service, sorted, figures aligned right, then the registry's line")
    void table() {
        assertThat(SNAPSHOT.toTable()).isEqualTo("""
                        service   kind  created        create ms  calls  errors  p50 ms  p99 ms  rate limit    waits  rejected
                        dynamodb  aws   compiled-in 1      312.4     42       1    1.20    8.50  -                 3         1
                        s3        aws   compiled-in 2      312.4     42       1    1.20    8.50  20/s burst 5      3         1
                        registry: /etc/acme/registry.json (7 services), fingerprint 3f2a, in force since 2026-11-24T08:00:00Z, 2 reloads, 1 rejected
                        """);
        assertThat(new ClientStatistics(List.of(), null).toTable()).endsWith("rejected\n(no client created yet)\n");
    }

    @Test
    @DisplayName("the JSON names its fields as the records do, services sorted, the limit with its source")
    void json() {
        assertThat(SNAPSHOT.toJson())
                .startsWith("""
                        {
                          "services" : [ {
                            "service" : "dynamodb",
                            "kind" : "aws",
                            "created" : {
                              "compiled-in" : 1
                            },
                            "creationMillis" : 312.44,
                            "calls" : 42,
                            "errors" : 1,
                            "p50Millis" : 1.2,
                            "p99Millis" : 8.5,
                            "rateLimit" : null,""")
                .contains(String.join(
                        "\n",
                        "    \"rateLimit\" : {",
                        "      \"requestsPerSecond\" : 20.0,",
                        "      \"burst\" : 5,",
                        "      \"source\" : \"the registry\"",
                        "    },"))
                .endsWith("""
                          "registry" : {
                            "source" : "/etc/acme/registry.json",
                            "fingerprint" : "3f2a",
                            "services" : 7,
                            "since" : "2026-11-24T08:00:00Z",
                            "reloads" : 2,
                            "rejected" : 1
                          }
                        }
                        """);
    }

    @Test
    @DisplayName("percentiles are within 6.25 % of the true value, from nanoseconds to minutes")
    void percentiles() {
        Latencies latencies = new Latencies();
        assertThat(latencies.percentile(0.5)).isZero();
        for (long millis = 1; millis <= 1000; millis++) {
            latencies.record(millis * 1_000_000);
        }
        assertThat((double) latencies.percentile(0.50)).isCloseTo(500e6, within(500e6 * 0.0625));
        assertThat((double) latencies.percentile(0.99)).isCloseTo(990e6, within(990e6 * 0.0625));
        for (long value : new long[] {0, 7, 15, 16, 17, 1000, 123_456_789, 60_000_000_000L, 2_000_000_000_000L}) {
            long bound = Latencies.upperBound(Latencies.index(value));
            assertThat(bound).as("bucket of %d", value).isGreaterThanOrEqualTo(value);
            assertThat((double) bound).as("bucket of %d", value).isLessThanOrEqualTo(value * 1.0625 + 1);
        }
    }
}
