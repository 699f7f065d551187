package dev.switchboard.core.report;

import java.util.List;

/**
 * What the report template prints: computed in Java, so the template holds layout only and escapes what it prints.
 * Every field is set (empty strings and lists, not nulls), as templates run under FreeMarker's strict
 * settings; the template escapes every string it prints, so nothing here is HTML.
 *
 * @param title what the page is about
 * @param counts the numbers in the page's heading
 * @param services every service, sorted by name
 * @param mostDependedOn the services with the most dependents, most first (ten at most)
 * @param cycles every dependency cycle, written {@code a → b → a}
 * @param hasPrevious whether a previous registry was there to compare with
 * @param changes what changed since the previous registry, empty without one
 * @param hasHealth whether a health report was given
 * @param healthSummary how many services have each status ({@code 3 serving})
 * @param notes things worth telling the reader, such as health results for services not in the registry
 * @param hubThreshold the number of dependents from which the graph calls a service a hub
 * @param graphJson the graph (nodes with positions, edges, cycles) as JSON safe to put in a script element
 * @param library the graph-drawing library, inlined
 */
public record ReportModel(
        String title,
        Counts counts,
        List<ServiceView> services,
        List<Ranked> mostDependedOn,
        List<String> cycles,
        boolean hasPrevious,
        List<ChangeView> changes,
        boolean hasHealth,
        List<String> healthSummary,
        List<String> notes,
        int hubThreshold,
        String graphJson,
        GraphLibrary library) {

    /**
     * @param dependencies edges of the graph, one per pair of services
     * @param unhealthy services whose last health status was not healthy
     */
    public record Counts(
            int services, int methods, int dependencies, int cycles, int changes, int breaking, int unhealthy) {}

    /**
     * One service: a table row and a part of its own.
     *
     * @param anchor the fragment of its part ({@code service-user}), percent-encoded where needed
     * @param search lower-case words the filter box matches
     * @param change {@code added}, {@code changed} or "" since the previous registry
     * @param breaking whether the changes break callers
     * @param facts where the service is declared, how its health is checked, its metrics and rate limit
     */
    public record ServiceView(
            String name,
            String anchor,
            String displayName,
            String kind,
            String group,
            String version,
            String owner,
            String description,
            int methodCount,
            int dependencyCount,
            int dependentCount,
            boolean hub,
            boolean inCycle,
            HealthView health,
            String change,
            boolean breaking,
            String search,
            List<MethodView> methods,
            List<Sourced> events,
            List<Sourced> capabilities,
            List<Link> dependencies,
            List<Link> dependents,
            List<Fact> facts,
            List<Fact> tags,
            List<ChangeView> changes) {}

    /**
     * The last health status.
     *
     * @param known whether the health report has a result for the service
     * @param key the status for styling and sorting ({@code serving}, {@code not-serving}, {@code none})
     * @param words the status as people read it, or what is known instead ({@code not checked})
     * @param latency {@code 12 ms}, or ""
     */
    public record HealthView(
            boolean known, String key, String words, boolean healthy, String latency, String checked, String error) {}

    /**
     * One method.
     *
     * @param streaming {@code unary}, {@code server streaming}, {@code client streaming} or {@code bidi
     *     streaming}; "" when the registry does not say (AWS operations)
     * @param http the HTTP rules, {@code GET /v1/users/{id}} with {@code body: *} where there is one
     */
    public record MethodView(
            String name,
            String input,
            String output,
            String streaming,
            boolean deprecated,
            String idempotency,
            boolean paginated,
            List<String> http) {}

    /** A service and how many services depend on it. */
    public record Ranked(String name, String anchor, int count) {}

    /** A name and where it came from. */
    public record Sourced(String name, String source) {}

    /**
     * A service this one names.
     *
     * @param anchor the fragment of its part, or "" when the registry has no such service
     */
    public record Link(String name, String anchor, String source) {}

    /** A label and its value. */
    public record Fact(String label, String value) {}

    /**
     * One change since the previous registry, as {@code compare} reports it.
     *
     * @param kind {@code added}, {@code removed} or {@code changed}
     */
    public record ChangeView(String kind, String subject, String detail, boolean breaking) {}
}
