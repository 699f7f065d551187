package dev.switchboard.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class ClientSettingsTest {
    private static final Map<String, String> PROPERTIES = Map.of(
            "switchboard.aws.region", "eu-west-1",
            "switchboard.s3.endpoint", "http://127.0.0.1:9000",
            "switchboard.user.target", "localhost:7000",
            "switchboard.aws.httpClient", "url-connection");
    private static final Map<String, String> ENV = Map.of(
            "SWITCHBOARD_AWS_REGION", "us-east-2",
            "SWITCHBOARD_DYNAMODB_STREAMS_ENDPOINT", "http://127.0.0.1:8000",
            "SWITCHBOARD_S3_ENDPOINT", "http://env:1");

    private static ClientSettings.Builder builder() {
        return ClientSettings.builder().lookups(PROPERTIES::get, ENV::get);
    }

    @Test
    @DisplayName("system properties beat the environment, and code beats both")
    void resolvesInOrder() {
        ClientSettings fromLookups = builder().build();
        ClientSettings fromCode = builder()
                .region("ap-south-1")
                .endpoint("s3", URI.create("http://code:2"))
                .target("user", "grpc://code:3")
                .syncHttpClient(SyncHttpClient.APACHE)
                .build();

        assertThat(fromLookups.region()).contains("eu-west-1");
        assertThat(fromLookups.endpoint("s3")).contains(URI.create("http://127.0.0.1:9000"));
        assertThat(fromLookups.endpoint("dynamodb-streams")).contains(URI.create("http://127.0.0.1:8000"));
        assertThat(fromLookups.target("user")).contains("localhost:7000");
        assertThat(fromLookups.syncHttpClient()).isEqualTo(SyncHttpClient.URL_CONNECTION);
        assertThat(fromLookups.endpoint("sqs")).isEmpty();
        assertThat(fromCode.region()).contains("ap-south-1");
        assertThat(fromCode.endpoint("s3")).contains(URI.create("http://code:2"));
        assertThat(fromCode.target("user")).contains("grpc://code:3");
        assertThat(fromCode.syncHttpClient()).isEqualTo(SyncHttpClient.APACHE);
    }

    @Test
    @DisplayName("the environment is used when no property is set")
    void fallsBackToTheEnvironment() {
        ClientSettings settings =
                ClientSettings.builder().lookups(p -> null, ENV::get).build();

        assertThat(settings.region()).contains("us-east-2");
        assertThat(settings.endpoint("s3")).contains(URI.create("http://env:1"));
    }

    @Test
    @DisplayName("an unknown HTTP client name is an error listing the known ones")
    void rejectsUnknownHttpClient() {
        ClientSettings settings = ClientSettings.builder()
                .lookups(Map.of("switchboard.aws.httpClient", "okhttp")::get, e -> null)
                .build();

        assertThatThrownBy(settings::syncHttpClient)
                .hasMessageContaining("\"okhttp\"")
                .hasMessageContaining("url-connection");
    }

    @Test
    @DisplayName("global customizers run before the service's own")
    void ordersCustomizers() {
        StringBuilder order = new StringBuilder();
        ClientSettings settings = builder()
                .customizer("s3", b -> order.append("s3;"))
                .customizer(b -> order.append("all;"))
                .build();

        settings.customizers("s3").forEach(c -> c.accept(null));
        settings.customizers("sqs").forEach(c -> c.accept(null));

        assertThat(order).hasToString("all;s3;all;");
    }

    @Test
    @DisplayName("the registry's size cap comes from code, then the property, then the environment, else 64 MiB")
    void registryMaxBytesResolvesInOrder() {
        Map<String, String> property = Map.of("switchboard.registry.maxBytes", "128MiB");
        Map<String, String> env = Map.of("SWITCHBOARD_REGISTRY_MAXBYTES", "1000000");

        assertThat(ClientSettings.builder()
                        .lookups(property::get, env::get)
                        .registryMaxBytes(4096)
                        .build()
                        .registryMaxBytes())
                .isEqualTo(4096);
        assertThat(ClientSettings.builder()
                        .lookups(property::get, env::get)
                        .build()
                        .registryMaxBytes())
                .isEqualTo(128L << 20);
        assertThat(ClientSettings.builder().lookups(p -> null, env::get).build().registryMaxBytes())
                .isEqualTo(1_000_000);
        assertThat(ClientSettings.builder()
                        .lookups(p -> null, e -> null)
                        .build()
                        .registryMaxBytes())
                .isEqualTo(64L << 20);
    }

    @Test
    @DisplayName("the size cap takes bytes or a binary unit, and anything else names the property and the forms")
    void registryMaxBytesParsesUnitsAndRefusesNonsense() {
        Map<String, Long> accepted =
                Map.of("512", 512L, "64k", 64L << 10, "64 MiB", 64L << 20, "1GiB", 1L << 30, "2MB", 2L << 20);
        accepted.forEach((value, bytes) -> assertThat(ClientSettings.builder()
                        .lookups(Map.of("switchboard.registry.maxBytes", value)::get, e -> null)
                        .build()
                        .registryMaxBytes())
                .as(value)
                .isEqualTo(bytes));
        for (String bad : new String[] {"lots", "0", "2GiB", "-5", "99999999999999999999"}) {
            ClientSettings settings = ClientSettings.builder()
                    .lookups(Map.of("switchboard.registry.maxBytes", bad)::get, e -> null)
                    .build();
            assertThatThrownBy(settings::registryMaxBytes)
                    .as(bad)
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("switchboard.registry.maxBytes is \"" + bad + "\"; give a number of bytes up to 1GiB,"
                            + " with or without a unit (67108864, 64MiB)");
        }
        assertThatThrownBy(() -> ClientSettings.builder().registryMaxBytes(0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("registryMaxBytes(0): give 1 to 1073741824 bytes (67108864 by default)");
    }

    @Test
    @DisplayName("a rate limit comes from code, then the property, then the environment, each named as its source")
    void rateLimits() {
        Map<String, String> properties = Map.of(
                "switchboard.s3.rateLimit", "50/100",
                "switchboard.sqs.rateLimit", " 7.5 ",
                "switchboard.s3.rateLimitTimeout", "250",
                "switchboard.debug", "true");
        Map<String, String> env = Map.of("SWITCHBOARD_S3_RATELIMIT", "1/1", "SWITCHBOARD_DYNAMODB_RATELIMIT", "20/5");
        ClientSettings settings = ClientSettings.builder()
                .lookups(properties::get, env::get)
                .rateLimit("user", 3, 0)
                .build();

        assertThat(settings.rateLimit("user").orElseThrow().describe()).isEqualTo("3 requests/s, burst 3");
        assertThat(settings.rateLimit("user").orElseThrow().source())
                .isEqualTo("set in code with rateLimit(\"user\", …)");
        assertThat(settings.rateLimit("s3").orElseThrow().describe()).isEqualTo("50 requests/s, burst 100");
        assertThat(settings.rateLimit("s3").orElseThrow().source()).isEqualTo("-Dswitchboard.s3.rateLimit");
        assertThat(settings.rateLimit("sqs").orElseThrow().describe()).isEqualTo("7.5 requests/s, burst 8");
        assertThat(settings.rateLimit("dynamodb").orElseThrow().source()).isEqualTo("SWITCHBOARD_DYNAMODB_RATELIMIT");
        assertThat(settings.rateLimit("kms")).isEmpty();
        assertThat(settings.rateLimitTimeout("s3")).isEqualTo(java.time.Duration.ofMillis(250));
        assertThat(settings.rateLimitTimeout("kms")).isEqualTo(java.time.Duration.ofSeconds(5));
        assertThat(settings.debug()).isTrue();
        assertThat(ClientSettings.builder()
                        .lookups(p -> null, e -> null)
                        .build()
                        .debug())
                .isFalse();
    }

    @Test
    @DisplayName("a rate limit that is not one is refused naming where it was given and the form to use")
    void badRateLimits() {
        ClientSettings settings = ClientSettings.builder()
                .lookups(
                        Map.of(
                                "switchboard.s3.rateLimit", "fast",
                                "switchboard.sqs.rateLimit", "0/5",
                                "switchboard.sns.rateLimitTimeout", "soon")::get,
                        Map.of("SWITCHBOARD_KMS_RATELIMIT", "5/-1")::get)
                .build();

        assertThatThrownBy(() -> settings.rateLimit("s3"))
                .hasMessage(
                        "-Dswitchboard.s3.rateLimit is \"fast\"; give <requests per second>/<burst> with a rate"
                                + " above 0 and a burst of 0 or more, e.g. 50/100 (or 50 for a burst of one second's requests)");
        assertThatThrownBy(() -> settings.rateLimit("sqs"))
                .hasMessageStartingWith("-Dswitchboard.sqs.rateLimit is \"0/5\"");
        assertThatThrownBy(() -> settings.rateLimit("kms"))
                .hasMessageStartingWith("SWITCHBOARD_KMS_RATELIMIT is \"5/-1\"");
        assertThatThrownBy(() -> settings.rateLimitTimeout("sns"))
                .hasMessage("switchboard.sns.rateLimitTimeout is \"soon\"; give milliseconds (5000) or an ISO-8601"
                        + " duration (PT5S)");
        assertThatThrownBy(() -> ClientSettings.builder().rateLimit("s3", 0, 5))
                .hasMessage("rateLimit(\"s3\", 0.0, 5): give a rate above 0 requests per second and a burst of 0 or"
                        + " more, e.g. rateLimit(\"s3\", 50, 100)");
        assertThatThrownBy(
                        () -> ClientSettings.builder().meterRegistry("registry").build())
                .hasMessage("meterRegistry(…) takes an io.micrometer.core.instrument.MeterRegistry (a"
                        + " PrometheusMeterRegistry, a SimpleMeterRegistry, …), not a java.lang.String");
    }
}
