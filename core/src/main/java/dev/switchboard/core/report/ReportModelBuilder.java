package dev.switchboard.core.report;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.SerializableString;
import com.fasterxml.jackson.core.io.CharacterEscapes;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.switchboard.core.inspect.DependencyGraph;
import dev.switchboard.core.inspect.RegistryDiff;
import dev.switchboard.core.report.ReportModel.ChangeView;
import dev.switchboard.core.report.ReportModel.Counts;
import dev.switchboard.core.report.ReportModel.Fact;
import dev.switchboard.core.report.ReportModel.HealthView;
import dev.switchboard.core.report.ReportModel.Link;
import dev.switchboard.core.report.ReportModel.MethodView;
import dev.switchboard.core.report.ReportModel.ServiceView;
import dev.switchboard.core.report.ReportModel.Sourced;
import dev.switchboard.runtime.health.HealthStatus;
import dev.switchboard.runtime.registry.HttpRule;
import dev.switchboard.runtime.registry.MethodInfo;
import dev.switchboard.runtime.registry.Registry;
import dev.switchboard.runtime.registry.ServiceEntry;
import java.io.UncheckedIOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Computes the {@link ReportModel} from a registry and the report's inputs. The stages:
 *
 * <ol>
 *   <li>the dependency graph ({@link DependencyGraph}): edges, who depends on whom, cycles, hubs;
 *   <li>the changes since the previous registry ({@link RegistryDiff}), registry-wide and per service;
 *   <li>each service's last health result;
 *   <li>one view per service: its row in the table and its own part;
 *   <li>the graph's positions ({@link GraphLayout}) and its JSON for the page's script.
 * </ol>
 */
final class ReportModelBuilder {
    /** A hub has at least this many dependents, or 2 % of the services when that is more. */
    static final int MIN_HUB_DEPENDENTS = 10;

    /** How many of the most depended-on services the page lists before one is picked. */
    private static final int MOST_DEPENDED_ON = 10;

    private final Registry registry;
    private final ReportInputs inputs;
    private final DependencyGraph graph;
    private final Set<String> names = new HashSet<>();
    private final Map<String, List<DependencyGraph.Edge>> dependents = new TreeMap<>();
    private final Set<List<String>> cycleEdges = new HashSet<>();
    private final Set<String> inCycle = new TreeSet<>();
    private final Map<String, HealthSnapshot.Result> health = new LinkedHashMap<>();
    private final int hubThreshold;

    private ReportModelBuilder(Registry registry, ReportInputs inputs) {
        this.registry = registry;
        this.inputs = inputs;
        this.graph = new DependencyGraph(registry);
        registry.services().forEach(s -> names.add(s.name()));
        graph.edges()
                .forEach(e -> dependents
                        .computeIfAbsent(e.to(), k -> new ArrayList<>())
                        .add(e));
        for (List<String> cycle : graph.cycles()) {
            inCycle.addAll(cycle);
            for (int i = 0; i < cycle.size(); i++) {
                cycleEdges.add(List.of(cycle.get(i), cycle.get((i + 1) % cycle.size())));
            }
        }
        if (inputs.health() != null) {
            inputs.health().results().forEach(r -> health.put(r.service(), r));
        }
        hubThreshold =
                Math.max(MIN_HUB_DEPENDENTS, (int) Math.ceil(registry.services().size() * 0.02));
    }

    static ReportModel build(Registry registry, ReportInputs inputs, GraphLibrary library) {
        return new ReportModelBuilder(registry, inputs).model(library);
    }

    private ReportModel model(GraphLibrary library) {
        Registry previous = inputs.previous();
        List<ChangeView> changes = previous == null
                ? List.of()
                : RegistryDiff.of(previous, registry).changes().stream()
                        .map(ReportModelBuilder::change)
                        .toList();
        List<ServiceView> services =
                registry.services().stream().map(this::service).toList();
        List<String> cycles = graph.cycles().stream()
                .map(c -> String.join(" → ", c) + " → " + c.get(0))
                .toList();
        int unhealthy = (int) health.values().stream()
                .filter(r -> names.contains(r.service()) && !r.status().healthy())
                .count();
        Counts counts = new Counts(
                services.size(),
                registry.services().stream().mapToInt(s -> s.methods().size()).sum(),
                graph.edges().size(),
                cycles.size(),
                changes.size(),
                (int) changes.stream().filter(ChangeView::breaking).count(),
                unhealthy);
        List<ReportModel.Ranked> mostDependedOn = services.stream()
                .filter(s -> s.dependentCount() > 0)
                .sorted(Comparator.comparingInt(ServiceView::dependentCount).reversed())
                .limit(MOST_DEPENDED_ON)
                .map(s -> new ReportModel.Ranked(s.name(), s.anchor(), s.dependentCount()))
                .toList();
        return new ReportModel(
                inputs.title(),
                counts,
                services,
                mostDependedOn,
                cycles,
                previous != null,
                changes,
                inputs.health() != null,
                healthSummary(),
                notes(),
                hubThreshold,
                graphJson(),
                library);
    }

    private ServiceView service(ServiceEntry s) {
        List<Link> dependencies = s.dependencies().stream()
                .map(d -> new Link(d.service(), names.contains(d.service()) ? anchor(d.service()) : "", d.source()))
                .toList();
        List<Link> usedBy = dependents.getOrDefault(s.name(), List.of()).stream()
                .map(e -> new Link(e.from(), anchor(e.from()), e.source()))
                .toList();
        HealthView healthView = healthView(s.name());
        List<ChangeView> changes = changesOf(s);
        String change = inputs.previous() == null
                ? ""
                : inputs.previous().service(s.name()).isEmpty() ? "added" : changes.isEmpty() ? "" : "changed";
        List<Fact> tags = s.tags().entrySet().stream()
                .map(t -> new Fact(t.getKey(), t.getValue()))
                .toList();
        String kind = s.kind() == null ? "" : s.kind().name().toLowerCase(Locale.ROOT);
        String search = Stream.concat(
                        Stream.of(
                                s.name(),
                                s.displayName(),
                                kind,
                                s.group(),
                                s.version(),
                                s.owner(),
                                healthView.known() ? healthView.words() : "",
                                change),
                        tags.stream().flatMap(t -> Stream.of(t.label(), t.value())))
                .filter(v -> v != null && !v.isEmpty())
                .map(v -> v.toLowerCase(Locale.ROOT))
                .collect(Collectors.joining(" "));
        return new ServiceView(
                s.name(),
                anchor(s.name()),
                text(s.displayName()),
                kind,
                text(s.group()),
                text(s.version()),
                text(s.owner()),
                paragraphs(s.description()),
                s.methods().size(),
                dependencies.size(),
                usedBy.size(),
                usedBy.size() >= hubThreshold,
                inCycle.contains(s.name()),
                healthView,
                change,
                changes.stream().anyMatch(ChangeView::breaking),
                search,
                s.methods().stream().map(ReportModelBuilder::method).toList(),
                s.events().stream().map(e -> new Sourced(e.name(), e.source())).toList(),
                s.capabilities().stream()
                        .map(c -> new Sourced(c.name(), c.source()))
                        .toList(),
                dependencies,
                usedBy,
                facts(s),
                tags,
                changes);
    }

    /** The service's changes, subjects as the registry-wide comparison words them. */
    private List<ChangeView> changesOf(ServiceEntry s) {
        if (inputs.previous() == null) {
            return List.of();
        }
        Registry before = new Registry(
                Registry.SCHEMA_VERSION,
                null,
                inputs.previous().service(s.name()).stream().toList());
        Registry after = new Registry(Registry.SCHEMA_VERSION, null, List.of(s));
        return RegistryDiff.of(before, after).changes().stream()
                .map(ReportModelBuilder::change)
                .toList();
    }

    private HealthView healthView(String service) {
        HealthSnapshot.Result r = health.get(service);
        if (r != null) {
            HealthStatus status = r.status();
            return new HealthView(
                    true,
                    status.name().toLowerCase(Locale.ROOT).replace('_', '-'),
                    status.words(),
                    status.healthy(),
                    r.latencyMs() < 0 ? "" : r.latencyMs() + " ms",
                    r.checked(),
                    r.error());
        }
        boolean skipped = inputs.health() != null && inputs.health().skipped().contains(service);
        return new HealthView(false, "none", skipped ? "no endpoint" : "", false, "", "", "");
    }

    private List<String> healthSummary() {
        Map<HealthStatus, Integer> counts = new TreeMap<>();
        health.values().stream()
                .filter(r -> names.contains(r.service()))
                .forEach(r -> counts.merge(r.status(), 1, Integer::sum));
        List<String> out = new ArrayList<>();
        counts.forEach((status, n) -> out.add(n + " " + status.words()));
        return out;
    }

    private List<String> notes() {
        List<String> out = new ArrayList<>();
        List<String> strangers = health.keySet().stream()
                .filter(n -> !names.contains(n))
                .sorted()
                .toList();
        if (!strangers.isEmpty()) {
            out.add("the health report names " + strangers.size() + " service(s) the registry does not have ("
                    + String.join(", ", strangers) + "); it may be older than the registry");
        }
        List<String> unknown = graph.edges().stream()
                .map(DependencyGraph.Edge::to)
                .filter(n -> !names.contains(n))
                .distinct()
                .sorted()
                .toList();
        if (!unknown.isEmpty()) {
            out.add("dependencies name " + unknown.size() + " service(s) the registry does not have ("
                    + String.join(", ", unknown) + "); the graph draws them dashed");
        }
        return out;
    }

    private static MethodView method(MethodInfo m) {
        String streaming;
        if (m.clientStreaming() == null && m.serverStreaming() == null) {
            streaming = "";
        } else {
            boolean client = Boolean.TRUE.equals(m.clientStreaming());
            boolean server = Boolean.TRUE.equals(m.serverStreaming());
            streaming = client && server
                    ? "bidi streaming"
                    : client ? "client streaming" : server ? "server streaming" : "unary";
        }
        return new MethodView(
                m.name(),
                text(m.input()),
                text(m.output()),
                streaming,
                Boolean.TRUE.equals(m.deprecated()),
                m.idempotency() == null || m.idempotency().equals("IDEMPOTENCY_UNKNOWN")
                        ? ""
                        : m.idempotency().toLowerCase(Locale.ROOT).replace('_', ' '),
                Boolean.TRUE.equals(m.paginated()),
                m.http().stream().map(ReportModelBuilder::http).toList());
    }

    private static String http(HttpRule rule) {
        String body = rule.body() == null || rule.body().isEmpty() ? "" : " (body: " + rule.body() + ")";
        return text(rule.verb()) + " " + text(rule.path()) + body;
    }

    private static List<Fact> facts(ServiceEntry s) {
        List<Fact> out = new ArrayList<>();
        if (s.proto() != null) {
            add(out, "Proto file", s.proto().file());
            add(out, "Proto service", s.proto().service());
            add(out, "Java package", s.proto().javaPackage());
            add(out, "Stub class", s.proto().stubClass());
        }
        if (s.aws() != null) {
            add(out, "SDK module", s.aws().artifactId());
            add(out, "Client", s.aws().clientClass());
            add(out, "Async client", s.aws().asyncClientClass());
            add(out, "Endpoint scope", s.aws().global() ? "global" : "regional");
            add(out, "Waiters", String.join(", ", s.aws().waiters()));
        }
        if (s.health() != null) {
            add(out, "Health (HTTP)", s.health().http());
            add(out, "Health (gRPC)", s.health().grpc());
        }
        add(out, "Metrics", s.metrics());
        if (s.rateLimit() != null) {
            add(
                    out,
                    "Rate limit",
                    number(s.rateLimit().requestsPerSecond()) + " requests/s, burst "
                            + s.rateLimit().burst());
        }
        return out;
    }

    private static void add(List<Fact> facts, String label, String value) {
        if (value != null && !value.isEmpty()) {
            facts.add(new Fact(label, value));
        }
    }

    private static String number(double value) {
        return value == Math.rint(value) ? Long.toString((long) value) : Double.toString(value);
    }

    private static ChangeView change(RegistryDiff.Change c) {
        return new ChangeView(c.kind(), c.subject(), c.detail(), c.breaking());
    }

    /** The fragment of a service's part: its name, percent-encoded beyond letters, digits, {@code -._}. */
    static String anchor(String name) {
        return "service-" + URLEncoder.encode(name, StandardCharsets.UTF_8).replace("+", "%20");
    }

    /**
     * A description as paragraphs: proto comments are wrapped at a column, so a single line break joins
     * two lines of one paragraph and only a blank line starts another.
     */
    static String paragraphs(String description) {
        return description == null
                ? ""
                : description.strip().replaceAll("\\s*\\n\\s*\\n\\s*", "\n\n").replaceAll("(?<!\n)\n(?!\n)", " ");
    }

    private static String text(String value) {
        return value == null ? "" : value;
    }

    /** One node of the page's graph. */
    record Node(
            String id,
            double x,
            double y,
            String kind,
            int dependents,
            boolean cycle,
            boolean unknown,
            String health) {}

    /** One edge of the page's graph; {@code via} is where the dependency came from. */
    record Edge(String source, String target, String via, boolean cycle) {}

    private String graphJson() {
        List<String> order = new ArrayList<>(graph.nodes());
        graph.edges().stream()
                .map(DependencyGraph.Edge::to)
                .filter(n -> !names.contains(n))
                .distinct()
                .sorted()
                .forEach(order::add);
        Map<String, GraphLayout.Point> at = GraphLayout.of(
                order,
                graph.edges().stream().map(e -> List.of(e.from(), e.to())).toList());
        Map<String, String> kinds = new TreeMap<>();
        registry.services()
                .forEach(s -> kinds.put(
                        s.name(), s.kind() == null ? "" : s.kind().name().toLowerCase(Locale.ROOT)));
        List<Node> nodes = order.stream()
                .map(n -> new Node(
                        n,
                        at.get(n).x(),
                        at.get(n).y(),
                        kinds.getOrDefault(n, "unknown"),
                        dependents.getOrDefault(n, List.of()).size(),
                        inCycle.contains(n),
                        !names.contains(n),
                        healthView(n).key()))
                .toList();
        List<Edge> edges = graph.edges().stream()
                .map(e -> new Edge(e.from(), e.to(), e.source(), cycleEdges.contains(List.of(e.from(), e.to()))))
                .toList();
        Map<String, Object> document = new LinkedHashMap<>();
        document.put("hubThreshold", hubThreshold);
        document.put("nodes", nodes);
        document.put("edges", edges);
        try {
            return HTML_SAFE_JSON.writeValueAsString(document);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** JSON that cannot end its script element or open a comment in it: {@code < > &} written as escapes. */
    private static final ObjectMapper HTML_SAFE_JSON = new ObjectMapper();

    static {
        HTML_SAFE_JSON.getFactory().setCharacterEscapes(new HtmlSafeEscapes());
    }

    private static final class HtmlSafeEscapes extends CharacterEscapes {
        private static final long serialVersionUID = 1L;
        private final int[] ascii = standardAsciiEscapesForJSON();

        HtmlSafeEscapes() {
            ascii['<'] = ESCAPE_STANDARD;
            ascii['>'] = ESCAPE_STANDARD;
            ascii['&'] = ESCAPE_STANDARD;
        }

        @Override
        public int[] getEscapeCodesForAscii() {
            return ascii;
        }

        @Override
        public SerializableString getEscapeSequence(int ch) {
            return null;
        }
    }
}
