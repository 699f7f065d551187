package dev.switchboard.core.inspect;

import dev.switchboard.runtime.registry.Registry;
import dev.switchboard.runtime.registry.ServiceEntry;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The services and their dependencies as a graph: nodes, edges with where each came from, and the
 * cycles; printed as JSON, YAML, Graphviz DOT or Mermaid.
 */
public final class DependencyGraph {

    /**
     * One edge.
     *
     * @param from the dependent service
     * @param to the service it depends on (may name no service; validate reports those)
     * @param source where the dependency came from
     */
    public record Edge(String from, String to, String source) {}

    private final List<String> nodes;
    private final List<Edge> edges;

    public DependencyGraph(Registry registry) {
        nodes = registry.services().stream().map(ServiceEntry::name).toList();
        Map<String, Edge> unique = new TreeMap<>();
        for (ServiceEntry s : registry.services()) {
            s.dependencies()
                    .forEach(d -> unique.putIfAbsent(
                            s.name() + "\u0000" + d.service(), new Edge(s.name(), d.service(), d.source())));
        }
        edges = List.copyOf(unique.values());
    }

    public List<String> nodes() {
        return nodes;
    }

    public List<Edge> edges() {
        return edges;
    }

    /** Every cycle, each as its services in order starting from the smallest name; sorted. */
    public List<List<String>> cycles() {
        Map<String, Set<String>> next = new TreeMap<>();
        nodes.forEach(n -> next.put(n, new TreeSet<>()));
        edges.stream()
                .filter(e -> next.containsKey(e.to()))
                .forEach(e -> next.get(e.from()).add(e.to()));
        Set<List<String>> found = new TreeSet<>((a, b) -> a.toString().compareTo(b.toString()));
        for (String start : next.keySet()) {
            walk(start, start, new ArrayList<>(List.of(start)), next, found);
        }
        return List.copyOf(found);
    }

    /** Depth-first from {@code start}, keeping only cycles whose smallest node is {@code start} (each once). */
    private static void walk(
            String start, String at, List<String> path, Map<String, Set<String>> next, Set<List<String>> found) {
        for (String to : next.get(at)) {
            if (to.equals(start)) {
                found.add(List.copyOf(path));
            } else if (to.compareTo(start) > 0 && !path.contains(to) && path.size() < 64) {
                path.add(to);
                walk(start, to, path, next, found);
                path.remove(path.size() - 1);
            }
        }
    }

    public String render(Format format) {
        return switch (format) {
            case DOT -> dot();
            case MERMAID -> mermaid();
            default -> {
                Map<String, Object> value = new LinkedHashMap<>();
                value.put("nodes", nodes);
                value.put("edges", edges);
                value.put("cycles", cycles());
                yield Views.structured(value, format == Format.YAML ? Format.YAML : Format.JSON);
            }
        };
    }

    private String dot() {
        StringBuilder out = new StringBuilder("digraph services {\n  rankdir=LR;\n");
        nodes.forEach(n -> out.append("  \"").append(n).append("\";\n"));
        edges.forEach(e -> out.append("  \"")
                .append(e.from())
                .append("\" -> \"")
                .append(e.to())
                .append("\" [label=\"")
                .append(e.source().replace("\"", "'"))
                .append("\"];\n"));
        return out.append("}\n").toString();
    }

    private String mermaid() {
        StringBuilder out = new StringBuilder("graph LR\n");
        Map<String, String> ids = new LinkedHashMap<>();
        for (String n : nodes) {
            ids.put(n, "n" + ids.size());
            out.append("  ").append(ids.get(n)).append("[\"").append(n).append("\"]\n");
        }
        for (Edge e : edges) {
            String to = ids.computeIfAbsent(e.to(), n -> {
                String id = "n" + ids.size();
                out.append("  ").append(id).append("[\"").append(n).append(" (unknown)\"]\n");
                return id;
            });
            out.append("  ")
                    .append(ids.get(e.from()))
                    .append(" -->|\"")
                    .append(e.source().replace("\"", "'"))
                    .append("\"| ")
                    .append(to)
                    .append('\n');
        }
        return out.toString();
    }
}
