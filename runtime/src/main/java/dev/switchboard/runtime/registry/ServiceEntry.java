package dev.switchboard.runtime.registry;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * One service of the registry (DESIGN §3).
 *
 * @param name the registry key: unique, lower-case, words joined by {@code -} ({@code user},
 *     {@code dynamodb-streams})
 * @param kind where the entry comes from
 * @param group the service group that selects it ({@code storage}, {@code identity}); may be null
 * @param version the API version, from a {@code vN} package segment; may be null
 * @param displayName the name people read ({@code UserService})
 * @param description documentation, from the proto comment
 * @param owner the team or person that owns the service; may be null
 * @param proto proto details for {@code grpc} entries
 * @param aws SDK client details for {@code aws} entries
 * @param methods the operations
 * @param endpoints REST endpoints derived from the methods' HTTP rules
 * @param capabilities inferred and declared capabilities, each with its source
 * @param dependencies services this one calls or shares types with, each with its source
 * @param events event messages and streaming methods the service publishes
 * @param health where the service reports its health; may be null
 * @param metrics the metrics path; may be null
 * @param tags free labels
 * @param rateLimit requests per second and burst; may be null
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({
    "name",
    "kind",
    "group",
    "version",
    "displayName",
    "description",
    "owner",
    "proto",
    "aws",
    "methods",
    "endpoints",
    "capabilities",
    "dependencies",
    "events",
    "health",
    "metrics",
    "tags",
    "rateLimit"
})
public record ServiceEntry(
        String name,
        ServiceKind kind,
        String group,
        String version,
        String displayName,
        String description,
        String owner,
        ProtoInfo proto,
        AwsInfo aws,
        List<MethodInfo> methods,
        List<Endpoint> endpoints,
        List<Capability> capabilities,
        List<Dependency> dependencies,
        List<Event> events,
        Health health,
        String metrics,
        Map<String, String> tags,
        RateLimit rateLimit) {

    // Each compares every component, nulls first, so that equal by the order is equal (sortedDistinct).
    private static final Comparator<String> TEXT = Comparator.nullsFirst(Comparator.naturalOrder());
    private static final Comparator<Capability> CAPABILITY_ORDER =
            Comparator.nullsFirst(Comparator.comparing(Capability::name, TEXT).thenComparing(Capability::source, TEXT));
    private static final Comparator<Dependency> DEPENDENCY_ORDER = Comparator.nullsFirst(
            Comparator.comparing(Dependency::service, TEXT).thenComparing(Dependency::source, TEXT));
    private static final Comparator<Event> EVENT_ORDER =
            Comparator.nullsFirst(Comparator.comparing(Event::name, TEXT).thenComparing(Event::source, TEXT));

    public ServiceEntry {
        methods = methods == null ? List.of() : List.copyOf(methods);
        endpoints = endpoints == null ? List.of() : List.copyOf(endpoints);
        capabilities = sortedDistinct(capabilities, CAPABILITY_ORDER);
        dependencies = sortedDistinct(dependencies, DEPENDENCY_ORDER);
        events = sortedDistinct(events, EVENT_ORDER);
        tags = tags == null ? Map.of() : Collections.unmodifiableMap(new TreeMap<>(tags));
    }

    /**
     * The items without repeats, in {@code order}, which compares every component of an item. Sorted and
     * then compared with the neighbour, not hashed: the first {@code hashCode} or {@code equals} of a
     * record in a JVM spins its method handles (~20 ms of a cold build of a small tree, measured in
     * benchmarks/BENCHMARKS.md), and every stage that changes an entry builds it anew, thousands of entries
     * in a large registry.
     */
    private static <T> List<T> sortedDistinct(List<T> items, Comparator<T> order) {
        if (items == null || items.isEmpty()) {
            return List.of();
        }
        List<T> sorted = new ArrayList<>(items);
        sorted.sort(order);
        int kept = 1;
        for (int i = 1; i < sorted.size(); i++) {
            if (order.compare(sorted.get(kept - 1), sorted.get(i)) != 0) {
                sorted.set(kept++, sorted.get(i));
            }
        }
        sorted.subList(kept, sorted.size()).clear();
        return Collections.unmodifiableList(sorted);
    }

    /** Starts a builder holding a copy of this entry, for changing a few fields. */
    public ServiceEntryBuilder toBuilder() {
        return new ServiceEntryBuilder(this);
    }

    /** Starts an empty builder. */
    public static ServiceEntryBuilder builder(String name, ServiceKind kind) {
        return new ServiceEntryBuilder(name, kind);
    }
}
