package dev.switchboard.cli.command;

import dev.switchboard.cli.console.Console;
import dev.switchboard.cli.console.ExitCode;
import dev.switchboard.core.inspect.DependencyGraph;
import dev.switchboard.core.inspect.Format;
import java.util.List;
import picocli.CommandLine.Command;

/** {@code switchboard graph}, the {@code graph} goal. */
@Command(
        name = "graph",
        sortOptions = false,
        description = {
            "Print the dependency graph (json, yaml, dot, mermaid).",
            "Nodes, edges with where each came from, and cycles, as json (the default), yaml, Graphviz dot or"
                    + " mermaid. Cycles are also reported on stderr."
        })
final class GraphCommand extends ViewCommand {
    @Override
    int run(Console console) throws Exception {
        Format format = view.format(Format.JSON, Format.YAML, Format.DOT, Format.MERMAID);
        DependencyGraph graph = new DependencyGraph(registry(console));
        view.emit(graph.render(format), console);
        for (List<String> cycle : graph.cycles()) {
            console.warn("dependency cycle: " + String.join(" -> ", cycle) + " -> " + cycle.get(0));
        }
        return ExitCode.OK;
    }
}
