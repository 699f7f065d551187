package dev.switchboard.maven.mojo;

import dev.switchboard.core.inspect.DependencyGraph;
import dev.switchboard.core.inspect.Format;
import dev.switchboard.runtime.registry.Registry;
import java.util.List;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.ResolutionScope;

/**
 * Prints the dependency graph: nodes, edges with where each came from, and cycles, as {@code json}
 * (the default), {@code yaml}, Graphviz {@code dot} or {@code mermaid}. Cycles are also logged as
 * warnings.
 *
 * @since 0.1.0
 */
@Mojo(name = "graph", requiresDependencyResolution = ResolutionScope.COMPILE, threadSafe = true)
public class GraphMojo extends AbstractInspectMojo {
    @Override
    protected void inspect(Registry registry) throws Exception {
        DependencyGraph graph = new DependencyGraph(registry);
        emit(graph.render(format(Format.JSON, Format.YAML, Format.DOT, Format.MERMAID)));
        for (List<String> cycle : graph.cycles()) {
            getLog().warn("switchboard: dependency cycle: " + String.join(" -> ", cycle) + " -> " + cycle.get(0));
        }
    }
}
