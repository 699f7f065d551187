package dev.switchboard.runtime.resolve;

import static dev.switchboard.runtime.testing.FileEdits.await;
import static dev.switchboard.runtime.testing.FileEdits.replace;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import dev.switchboard.runtime.ClientSettings;
import dev.switchboard.runtime.ProviderContext;
import dev.switchboard.runtime.ServiceNotAvailableException;
import dev.switchboard.runtime.calls.ClientStatistics;
import dev.switchboard.runtime.calls.RateLimitExceededException;
import dev.switchboard.runtime.calls.ServiceStatistics;
import dev.switchboard.runtime.http.GenericServiceClient;
import dev.switchboard.runtime.live.LiveRegistry;
import dev.switchboard.runtime.live.RegistryChange;
import dev.switchboard.runtime.registry.Endpoint;
import dev.switchboard.runtime.registry.RateLimit;
import dev.switchboard.runtime.registry.Registry;
import dev.switchboard.runtime.registry.RegistryCodec;
import dev.switchboard.runtime.registry.RegistryFormat;
import dev.switchboard.runtime.registry.ServiceEntry;
import dev.switchboard.runtime.registry.ServiceKind;
import dev.switchboard.runtime.testing.LogCapture;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.lang.reflect.RecordComponent;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Level;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DynamicClientsTest {
    @TempDir
    Path dir;

    /** A compiled-in client that records being closed. */
    static final class Compiled implements AutoCloseable {
        final int generation;
        volatile boolean closed;

        Compiled(int generation) {
            this.generation = generation;
        }

        @Override
        public void close() {
            closed = true;
        }
    }

    private static ServiceEntry compiled(String description) {
        return ServiceEntry.builder("compiled", ServiceKind.GRPC)
                .description(description)
                .build();
    }

    private static ServiceEntry rest(String name) {
        return ServiceEntry.builder(name, ServiceKind.HTTP)
                .endpoints(List.of(new Endpoint("GET", "/v1/things/{id}", "GetThing", "")))
                .build();
    }

    private static byte[] json(Registry registry) {
        return RegistryCodec.writeBytes(registry, RegistryFormat.JSON);
    }

    @Test
    void followsTheRegistryFileAddingRebuildingAndClosingClients() throws Exception {
        Path file = dir.resolve("registry.json");
        replace(file, json(Registry.of("1", List.of(compiled("one")))));
        AtomicInteger generations = new AtomicInteger();
        ProviderContext context = context();
        LiveRegistry live = LiveRegistry.watching(file, getClass().getClassLoader(), true, Duration.ofMillis(200));
        List<RegistryChange> changes = new CopyOnWriteArrayList<>();
        try (DynamicClients clients = new DynamicClients(
                context,
                getClass().getClassLoader(),
                live,
                name -> name.equals("compiled") ? new Compiled(generations.incrementAndGet()) : null)) {
            clients.addListener(changes::add);
            Compiled first = (Compiled) clients.client("compiled");
            assertThat(clients.client("compiled")).isSameAs(first);
            assertThat(clients.services()).containsExactly("compiled");
            assertThatThrownBy(() -> clients.client("things"))
                    .isInstanceOf(ServiceNotAvailableException.class)
                    .hasMessageContaining("no client for service \"things\"")
                    .hasMessageContaining("Known services: compiled");

            // A REST-only service appears: the generic client serves it.
            replace(file, json(Registry.of("2", List.of(compiled("one"), rest("things")))));
            await(() -> clients.services().contains("things"), "the added service is listed");
            assertThat(clients.client("things")).isInstanceOf(GenericServiceClient.class);
            assertThat(first.closed).isFalse();

            // The compiled-in service changes: its client is closed and rebuilt on next use.
            replace(file, json(Registry.of("3", List.of(compiled("two"), rest("things")))));
            await(() -> first.closed, "the changed service's client is closed");
            Compiled second = (Compiled) clients.client("compiled");
            assertThat(second.generation).isEqualTo(2);

            // It is removed: closed, and no longer served.
            replace(file, json(Registry.of("4", List.of(rest("things")))));
            await(() -> second.closed, "the removed service's client is closed");
            assertThatThrownBy(() -> clients.client("compiled"))
                    .hasMessageContaining("the registry in force does not list it");
            assertThat(changes)
                    .extracting(RegistryChange::toString)
                    .containsExactly(
                            "added [things], removed [], changed []",
                            "added [], removed [], changed [compiled]",
                            "added [], removed [compiled], changed []");
        }
    }

    @Test
    @DisplayName("a rate limit changed in the registry file applies to the running limiter: the client is not"
            + " rebuilt, and calls it refused before now go through")
    void aChangedRateLimitAppliesWithoutRebuildingTheClient() throws Exception {
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", exchange -> {
            exchange.sendResponseHeaders(200, -1);
            exchange.close();
        });
        server.start();
        Path file = dir.resolve("registry.json");
        replace(file, json(Registry.of("1", List.of(limited("things", new RateLimit(0.1, 1))))));
        SimpleMeterRegistry meters = new SimpleMeterRegistry();
        ClientSettings settings = ClientSettings.builder()
                .endpoint(
                        "things",
                        URI.create("http://127.0.0.1:" + server.getAddress().getPort()))
                .meterRegistry(meters)
                .lookups(Map.of("switchboard.things.rateLimitTimeout", "0")::get, e -> null)
                .build();
        LiveRegistry live = LiveRegistry.watching(file, getClass().getClassLoader(), true, Duration.ofMillis(200));
        List<RegistryChange> changes = new CopyOnWriteArrayList<>();
        try (LogCapture log = LogCapture.start();
                DynamicClients clients = new DynamicClients(
                        ProviderContext.of(settings, null), getClass().getClassLoader(), live, name -> null)) {
            clients.addListener(changes::add);
            GenericServiceClient things = (GenericServiceClient) clients.client("things");
            things.call("GetThing", "{\"id\": \"t-1\"}");
            assertThatThrownBy(() -> things.call("GetThing", "{\"id\": \"t-1\"}"))
                    .isInstanceOf(RateLimitExceededException.class);

            replace(file, json(Registry.of("2", List.of(limited("things", new RateLimit(100, 10))))));
            await(() -> !changes.isEmpty(), "the new registry is swapped in");

            assertThat(clients.client("things")).isSameAs(things);
            for (int i = 0; i < 5; i++) {
                things.call("GetThing", "{\"id\": \"t-1\"}");
            }
            ClientStatistics statistics = clients.statistics();
            ServiceStatistics stats = statistics.service("things").orElseThrow();
            SoftAssertions soft = new SoftAssertions();
            soft.assertThat(stats.rateLimit().describe()).isEqualTo("100 requests/s, burst 10");
            soft.assertThat(stats.created()).containsExactly(Map.entry("generic", 1L));
            soft.assertThat(stats.calls()).isEqualTo(7);
            soft.assertThat(stats.errors()).isEqualTo(1);
            soft.assertThat(stats.rateLimitRejections()).isEqualTo(1);
            soft.assertThat(statistics.registry().reloads()).isEqualTo(1);
            soft.assertThat(statistics.registry().fingerprint()).isEqualTo("2");
            soft.assertThat(statistics.registry().source())
                    .isEqualTo(file.toAbsolutePath().toString());
            soft.assertThat(meters.get("switchboard.registry.reloads")
                            .functionCounter()
                            .count())
                    .isEqualTo(1);
            soft.assertThat(meters.get("switchboard.client.calls")
                            .tag("outcome", "success")
                            .timer()
                            .count())
                    .isEqualTo(6);
            soft.assertThat(log.messages(Level.INFO, "switchboard: things is now"))
                    .containsExactly("switchboard: things is now limited to 100 requests/s, burst 10 (the registry);"
                            + " it was limited to 0.1 requests/s, burst 1; its clients keep running");
            soft.assertAll();
        } finally {
            server.stop(0);
        }
    }

    @Test
    @DisplayName("debug mode logs every resolution step, each creation, and each registry swap with the fields"
            + " that changed")
    void debugModeLogsEveryStep() throws Exception {
        Path file = dir.resolve("registry.json");
        replace(file, json(Registry.of("1", List.of(rest("things")))));
        ClientSettings settings = ClientSettings.builder()
                .endpoint("things", URI.create("http://127.0.0.1:1"))
                .lookups(Map.of("switchboard.debug", "true")::get, e -> null)
                .build();
        LiveRegistry live = LiveRegistry.watching(file, getClass().getClassLoader(), true, Duration.ofMillis(200));
        List<RegistryChange> changes = new CopyOnWriteArrayList<>();
        try (LogCapture log = LogCapture.start();
                DynamicClients clients = new DynamicClients(
                        ProviderContext.of(settings, null), getClass().getClassLoader(), live, name -> null)) {
            clients.addListener(changes::add);
            clients.client("things");
            assertThatThrownBy(() -> clients.client("nothing")).isInstanceOf(ServiceNotAvailableException.class);
            replace(file, json(Registry.of("2", List.of(limited("things", new RateLimit(5, 1)), rest("more")))));
            await(() -> !changes.isEmpty(), "the new registry is swapped in");

            List<String> debug = log.messages(Level.INFO, "switchboard debug: ");
            assertThat(debug)
                    .contains(
                            "switchboard debug: things: not compiled in",
                            "switchboard debug: things: no provider on the class path",
                            "switchboard debug: things: generic REST client (1 REST endpoints in the registry, kind"
                                    + " http)",
                            "switchboard debug: things: generic REST client: base URL http://127.0.0.1:1, call"
                                    + " timeout PT30S, redirects not followed",
                            "switchboard debug: things: no rate limit",
                            "switchboard debug: registry swapped in: added [more], removed [], changed {things=[rateLimit]};"
                                    + " fingerprint 2, 2 services; clients closed: []")
                    .anySatisfy(line -> assertThat(line).startsWith("switchboard debug: things: created (generic) in "))
                    .anySatisfy(line -> assertThat(line)
                            .startsWith("switchboard debug: nothing: error: no client for service \"nothing\""));
        }
    }

    @Test
    @DisplayName("the fields a reload compares are every field of a registry entry but its name")
    void changedFieldsCoverEveryField() {
        List<String> components = Arrays.stream(ServiceEntry.class.getRecordComponents())
                .map(RecordComponent::getName)
                .filter(name -> !name.equals("name"))
                .toList();
        ServiceEntry empty = ServiceEntry.builder("x", ServiceKind.HTTP).build();

        assertThat(DynamicClients.changedFields(empty, empty)).isEmpty();
        assertThat(DynamicClients.changedFields(
                        empty,
                        empty.toBuilder()
                                .description("d")
                                .rateLimit(new RateLimit(1, 1))
                                .build()))
                .containsExactly("description", "rateLimit");
        assertThat(components)
                .as("a field added to ServiceEntry needs a line in DynamicClients.changedFields")
                .hasSize(17);
    }

    private static ServiceEntry limited(String name, RateLimit limit) {
        return rest(name).toBuilder().rateLimit(limit).build();
    }

    private static ProviderContext context() {
        ClientSettings settings = ClientSettings.builder()
                .endpoint("things", URI.create("http://127.0.0.1:1"))
                .lookups(p -> null, e -> null)
                .build();
        return ProviderContext.of(settings, null);
    }
}
