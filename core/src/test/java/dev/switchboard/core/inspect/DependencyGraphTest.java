package dev.switchboard.core.inspect;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.runtime.registry.Dependency;
import dev.switchboard.runtime.registry.Registry;
import dev.switchboard.runtime.registry.ServiceEntry;
import dev.switchboard.runtime.registry.ServiceKind;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class DependencyGraphTest {
    private static ServiceEntry service(String name, String... deps) {
        var b = ServiceEntry.builder(name, ServiceKind.GRPC);
        for (String d : deps) {
            b.addDependency(new Dependency(d, "type:x." + d));
        }
        return b.build();
    }

    private final Registry registry = Registry.of(
            "f",
            List.of(
                    service("order", "billing", "user"),
                    service("billing", "user"),
                    service("user", "order"),
                    service("audit")));

    @Test
    @DisplayName("cycles are found once each, starting from their smallest service")
    void findsCycles() {
        assertThat(new DependencyGraph(registry).cycles())
                .containsExactly(List.of("billing", "user", "order"), List.of("order", "user"));
        assertThat(new DependencyGraph(Registry.of("f", List.of(service("a", "b"), service("b")))).cycles())
                .isEmpty();
    }

    @Test
    @DisplayName("DOT has a node per service and a labelled edge per dependency")
    void rendersDot() {
        String dot = new DependencyGraph(registry).render(Format.DOT);

        assertThat(dot)
                .startsWith("digraph services {")
                .contains("  \"audit\";")
                .contains("  \"order\" -> \"billing\" [label=\"type:x.billing\"];")
                .contains("  \"user\" -> \"order\" [label=\"type:x.order\"];")
                .endsWith("}\n");
    }

    @Test
    @DisplayName("Mermaid has the same edges; a dependency on an unknown service shows as such")
    void rendersMermaid() {
        Registry withUnknown = Registry.of("f", List.of(service("a", "ghost"), service("b", "a")));
        String mermaid = new DependencyGraph(withUnknown).render(Format.MERMAID);

        assertThat(mermaid)
                .startsWith("graph LR\n")
                .contains("  n0[\"a\"]", "  n1[\"b\"]", "  n2[\"ghost (unknown)\"]")
                .contains("  n0 -->|\"type:x.ghost\"| n2")
                .contains("  n1 -->|\"type:x.a\"| n0");
    }

    @Test
    @DisplayName("JSON and YAML list nodes, edges with their source, and cycles")
    void rendersJsonAndYaml() {
        DependencyGraph graph = new DependencyGraph(registry);

        assertThat(graph.render(Format.JSON))
                .contains("\"nodes\" : [ \"audit\", \"billing\", \"order\", \"user\" ]")
                .contains("\"from\" : \"order\"", "\"to\" : \"billing\"", "\"source\" : \"type:x.billing\"")
                .contains("\"cycles\" : [ [ \"billing\", \"user\", \"order\" ], [ \"order\", \"user\" ] ]");
        assertThat(graph.render(Format.YAML)).contains("- from: order").contains("cycles:");
    }
}
