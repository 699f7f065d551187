package dev.switchboard.core.inspect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.switchboard.core.diag.InputException;
import dev.switchboard.runtime.registry.Dependency;
import dev.switchboard.runtime.registry.Event;
import dev.switchboard.runtime.registry.Health;
import dev.switchboard.runtime.registry.MethodInfo;
import dev.switchboard.runtime.registry.Registry;
import dev.switchboard.runtime.registry.ServiceEntry;
import dev.switchboard.runtime.registry.ServiceKind;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class ViewsTest {
    private final Registry registry = Registry.of(
            "f",
            List.of(
                    ServiceEntry.builder("user", ServiceKind.GRPC)
                            .group("identity")
                            .version("v1")
                            .methods(List.of(
                                    new MethodInfo("WatchUsers", "a.R", "a.U", false, true, false, null, null, null)))
                            .addDependency(new Dependency("billing", "type:b.Invoice"))
                            .addEvent(new Event("WatchUsers", "stream"))
                            .health(new Health("/health/user", null))
                            .build(),
                    ServiceEntry.builder("billing", ServiceKind.GRPC).build()));

    @Test
    @DisplayName("services: an aligned table, or JSON and YAML with the same fields")
    void services() {
        assertThat(Views.services(registry, Format.TABLE))
                .startsWith("NAME     KIND  GROUP     VERSION  METHODS  DEPENDENCIES  HEALTH\n")
                .contains("user     grpc  identity  v1       1        billing       http /health/user\n")
                .contains("billing  grpc  -         -        0        -             -\n");
        assertThat(Views.services(registry, Format.JSON)).contains("\"dependencies\" : [ \"billing\" ]");
        assertThat(Views.services(registry, Format.YAML)).contains("name: user").contains("group: identity");
    }

    @Test
    @DisplayName("events: one row per event with its service and source")
    void events() {
        assertThat(Views.events(registry, Format.TABLE)).contains("user     WatchUsers  stream");
        assertThat(Views.events(registry, Format.JSON)).contains("\"user\" : [ {");
    }

    @Test
    @DisplayName("inspect: one service whole, with its methods and flags; an unknown name lists the nearest")
    void inspect() throws Exception {
        assertThat(Views.inspect(registry, "user", Format.TABLE))
                .contains("dependencies  billing (type:b.Invoice)")
                .contains("WatchUsers  a.R    a.U     server-streaming");
        assertThat(Views.inspect(registry, "user", Format.JSON))
                .contains("\"name\" : \"user\"")
                .contains("\"methods\"");
        assertThatThrownBy(() -> Views.inspect(registry, "usr", Format.TABLE))
                .isInstanceOf(InputException.class)
                .hasMessageContaining("\"usr\" is not in the registry (nearest: user)");
    }

    @Test
    @DisplayName("a format the goal does not print is an error listing the ones it does")
    void rejectsUnknownFormat() {
        assertThatThrownBy(() -> Format.of("xml", Format.TABLE, Format.JSON))
                .hasMessageContaining("\"xml\" is not a format of this goal")
                .hasMessageContaining("[table, json]");
    }
}
