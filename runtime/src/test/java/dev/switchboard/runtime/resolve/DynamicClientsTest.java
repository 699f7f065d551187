package dev.switchboard.runtime.resolve;

import static dev.switchboard.runtime.testing.FileEdits.await;
import static dev.switchboard.runtime.testing.FileEdits.replace;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.switchboard.runtime.ClientSettings;
import dev.switchboard.runtime.ProviderContext;
import dev.switchboard.runtime.ServiceNotAvailableException;
import dev.switchboard.runtime.http.GenericServiceClient;
import dev.switchboard.runtime.live.LiveRegistry;
import dev.switchboard.runtime.live.RegistryChange;
import dev.switchboard.runtime.registry.Endpoint;
import dev.switchboard.runtime.registry.Registry;
import dev.switchboard.runtime.registry.RegistryCodec;
import dev.switchboard.runtime.registry.RegistryFormat;
import dev.switchboard.runtime.registry.ServiceEntry;
import dev.switchboard.runtime.registry.ServiceKind;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
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

    private static ProviderContext context() {
        ClientSettings settings = ClientSettings.builder()
                .endpoint("things", URI.create("http://127.0.0.1:1"))
                .lookups(p -> null, e -> null)
                .build();
        return ProviderContext.of(settings, null);
    }
}
