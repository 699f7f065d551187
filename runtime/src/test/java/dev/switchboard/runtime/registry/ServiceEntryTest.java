package dev.switchboard.runtime.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class ServiceEntryTest {
    @Test
    @DisplayName("capabilities, dependencies and events are kept once each, sorted by name then source, unmodifiable")
    void sortsAndDropsRepeats() {
        ServiceEntry entry = ServiceEntry.builder("orders", ServiceKind.GRPC)
                .addCapability(new Capability("write", "rule:write"))
                .addCapability(new Capability("read", "rule:read"))
                .addCapability(new Capability("read", "option"))
                .addCapability(new Capability("write", "rule:write"))
                .addDependency(new Dependency("users", "type:acme.User"))
                .addDependency(new Dependency("billing", "rule:declared"))
                .addDependency(new Dependency("users", "type:acme.User"))
                .addEvent(new Event("OrderPlaced", "option"))
                .addEvent(new Event("OrderCancelled", "message"))
                .addEvent(new Event("OrderPlaced", "option"))
                .build();

        assertThat(entry.capabilities())
                .containsExactly(
                        new Capability("read", "option"),
                        new Capability("read", "rule:read"),
                        new Capability("write", "rule:write"));
        assertThat(entry.dependencies())
                .containsExactly(new Dependency("billing", "rule:declared"), new Dependency("users", "type:acme.User"));
        assertThat(entry.events())
                .containsExactly(new Event("OrderCancelled", "message"), new Event("OrderPlaced", "option"));
        assertThatThrownBy(() -> entry.capabilities().add(new Capability("x", "y")))
                .isInstanceOf(UnsupportedOperationException.class);
        assertThat(ServiceEntry.builder("empty", ServiceKind.GRPC).build().events())
                .isEmpty();
    }

    @Test
    @DisplayName("an item with a component left out (as a reader may leave it) sorts first and is kept once")
    void componentsLeftOut() {
        ServiceEntry entry = ServiceEntry.builder("orders", ServiceKind.GRPC)
                .addCapability(new Capability("read", null))
                .addCapability(new Capability("read", "option"))
                .addCapability(new Capability("read", null))
                .addDependency(new Dependency(null, "override"))
                .addDependency(new Dependency("users", null))
                .addDependency(new Dependency(null, "override"))
                .build();

        assertThat(entry.capabilities())
                .containsExactly(new Capability("read", null), new Capability("read", "option"));
        assertThat(entry.dependencies())
                .containsExactly(new Dependency(null, "override"), new Dependency("users", null));
    }
}
