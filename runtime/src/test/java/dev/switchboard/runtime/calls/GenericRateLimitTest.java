package dev.switchboard.runtime.calls;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.switchboard.runtime.ClientSettings;
import dev.switchboard.runtime.ProviderContext;
import dev.switchboard.runtime.http.GenericServiceClient;
import dev.switchboard.runtime.registry.Endpoint;
import dev.switchboard.runtime.registry.RateLimit;
import dev.switchboard.runtime.registry.Registry;
import dev.switchboard.runtime.registry.ServiceEntry;
import dev.switchboard.runtime.registry.ServiceKind;
import dev.switchboard.runtime.resolve.ClientResolver;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Rate limits on the generic REST client, against a real HTTP server (the JDK's) on loopback. */
class GenericRateLimitTest {
    private HttpServer server;
    private ExecutorService handlers;
    private final AtomicLong requests = new AtomicLong();

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        handlers = Executors.newFixedThreadPool(8);
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
        requests.incrementAndGet();
        byte[] body = "{\"id\": \"p-1\", \"name\": \"lamp\"}".getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(200, body.length);
        exchange.getResponseBody().write(body);
        exchange.close();
    }

    private GenericServiceClient catalog(ClientSettings settings, RateLimit limit) {
        Registry registry = Registry.of(
                "f",
                List.of(ServiceEntry.builder("catalog", ServiceKind.HTTP)
                        .endpoints(List.of(new Endpoint("GET", "/v1/products/{id}", "GetProduct", "")))
                        .rateLimit(limit)
                        .build()));
        ProviderContext context = ProviderContext.of(settings, null);
        return (GenericServiceClient)
                new ClientResolver(context, getClass().getClassLoader(), () -> registry).create("catalog");
    }

    private ClientSettings.Builder settings(Map<String, String> properties) {
        return ClientSettings.builder()
                .endpoint(
                        "catalog",
                        URI.create("http://127.0.0.1:" + server.getAddress().getPort()))
                .lookups(properties::get, variable -> null);
    }

    @Test
    @DisplayName("20 requests/s with bursts of 5 holds within 10 % over 3 s of calls from 8 threads, and the"
            + " statistics count every call made")
    void holdsTheLimit() throws Exception {
        ClientSettings settings = settings(Map.of()).build();
        GenericServiceClient client = catalog(settings, new RateLimit(20, 5));

        Load.Result result = Load.run(8, 3, () -> client.call("GetProduct", "{\"id\": \"p-1\"}"));

        System.out.println("generic REST client, 8 threads, " + result.describe(20, 5));
        ServiceStatistics catalog =
                settings.telemetry().statistics().service("catalog").orElseThrow();
        SoftAssertions soft = new SoftAssertions();
        soft.assertThat((double) result.inWindow()).isBetween(Load.Result.fewest(20, 3), Load.Result.most(20, 5, 3));
        soft.assertThat(result.failed()).isZero();
        soft.assertThat(requests.get()).isEqualTo(result.total());
        soft.assertThat(catalog.calls()).isEqualTo(result.total());
        soft.assertThat(catalog.errors()).isZero();
        soft.assertThat(catalog.kind()).isEqualTo("http");
        soft.assertThat(catalog.created()).containsExactly(Map.entry("generic", 1L));
        soft.assertThat(catalog.rateLimitWaits()).isGreaterThan(result.total() / 2);
        soft.assertAll();
    }

    @Test
    @DisplayName("a limit set by property wins over the registry's; a call it refuses is never sent, and fails"
            + " naming the service, the limit, where it was set and how to raise it")
    void refusesWithTheFix() {
        ClientSettings settings = settings(Map.of(
                        "switchboard.catalog.rateLimit", "0.1/1",
                        "switchboard.catalog.rateLimitTimeout", "PT0.1S"))
                .build();
        GenericServiceClient client = catalog(settings, new RateLimit(1000, 100));

        client.call("GetProduct", "{\"id\": \"p-1\"}");
        // The next permit comes within 10 s of the first, far more than the 100 ms a call may wait.
        assertThatThrownBy(() -> client.call("GetProduct", "{\"id\": \"p-1\"}"))
                .isInstanceOf(RateLimitExceededException.class)
                .hasMessage("service \"catalog\" is limited to 0.1 requests/s, burst 1"
                        + " (-Dswitchboard.catalog.rateLimit) and no permit comes free within 100 ms; raise the limit"
                        + " with rateLimit(\"catalog\", <requests per second>, <burst>) on the builder or"
                        + " -Dswitchboard.catalog.rateLimit=<requests per second>/<burst>, or let calls wait longer"
                        + " with -Dswitchboard.catalog.rateLimitTimeout=<ms or ISO-8601, e.g. PT10S>"
                        + " (SWITCHBOARD_CATALOG_RATELIMIT and SWITCHBOARD_CATALOG_RATELIMITTIMEOUT in the"
                        + " environment)");

        assertThat(requests.get()).isEqualTo(1);
        ServiceStatistics catalog =
                settings.telemetry().statistics().service("catalog").orElseThrow();
        assertThat(catalog.calls()).isEqualTo(2);
        assertThat(catalog.errors()).isEqualTo(1);
        assertThat(catalog.rateLimitRejections()).isEqualTo(1);
        assertThat(catalog.rateLimit().source()).isEqualTo("-Dswitchboard.catalog.rateLimit");
    }
}
