package dev.switchboard.core.report;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.core.inspect.DependencyGraph;
import dev.switchboard.core.report.GraphLayout.Point;
import dev.switchboard.runtime.registry.Registry;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class GraphLayoutTest {
    private static Map<String, Point> layout(Registry registry) {
        DependencyGraph graph = new DependencyGraph(registry);
        return GraphLayout.of(
                graph.nodes(),
                graph.edges().stream().map(e -> List.of(e.from(), e.to())).toList());
    }

    @Test
    @DisplayName("a googleapis-sized graph: every service placed, none on top of another, the same on every run")
    void googleapisSized() {
        Registry registry = ReportFixtures.generated(1700, 494, 91);

        Map<String, Point> at = layout(registry);

        assertThat(at).hasSize(1700);
        assertThat(layout(ReportFixtures.generated(1700, 494, 91))).isEqualTo(at);
        List<Point> points = new ArrayList<>(at.values());
        double closest = Double.MAX_VALUE;
        for (int i = 0; i < points.size(); i++) {
            for (int j = i + 1; j < points.size(); j++) {
                closest = Math.min(
                        closest,
                        Math.hypot(
                                points.get(i).x() - points.get(j).x(),
                                points.get(i).y() - points.get(j).y()));
            }
        }
        assertThat(closest).as("the closest two services").isGreaterThan(GraphLayout.EDGE / 4);
    }

    @Test
    @DisplayName("the hub's leaves ring it: each of its 494 dependents with no other edge sits within its disc")
    void hubRings() {
        Registry registry = ReportFixtures.generated(1700, 494, 91);
        Map<String, Point> at = layout(registry);
        Point hub = at.get("operations");
        List<String> onlyHub = registry.services().stream()
                .filter(s -> s.dependencies().size() == 1
                        && s.dependencies().get(0).service().equals("operations")
                        && registry.services().stream()
                                .noneMatch(o -> o.dependencies().stream()
                                        .anyMatch(d -> d.service().equals(s.name()))))
                .map(s -> s.name())
                .toList();

        assertThat(onlyHub).hasSizeGreaterThan(400);
        // 494 leaves on rings 0.8 edge lengths apart need 12 rings.
        assertThat(onlyHub)
                .allSatisfy(name -> assertThat(Math.hypot(
                                at.get(name).x() - hub.x(), at.get(name).y() - hub.y()))
                        .isLessThanOrEqualTo(12 * GraphLayout.EDGE * 0.8 + 0.1));
    }
}
