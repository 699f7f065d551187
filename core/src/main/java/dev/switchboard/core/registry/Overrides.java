package dev.switchboard.core.registry;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.switchboard.core.diag.InputException;
import dev.switchboard.core.diag.Problem;
import dev.switchboard.core.diag.Suggestions;
import dev.switchboard.runtime.registry.Capability;
import dev.switchboard.runtime.registry.Dependency;
import dev.switchboard.runtime.registry.Endpoint;
import dev.switchboard.runtime.registry.Event;
import dev.switchboard.runtime.registry.Health;
import dev.switchboard.runtime.registry.RateLimit;
import dev.switchboard.runtime.registry.ServiceEntry;
import dev.switchboard.runtime.registry.ServiceEntryBuilder;
import dev.switchboard.runtime.registry.ServiceKind;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * The overrides file: per service, fields that replace or add to what was found, merged last. A name
 * that is not in the registry declares a new service when it says {@code kind: http}.
 *
 * <pre>
 * services:
 *   user:
 *     group: identity
 *     health: {http: /health/user}
 *     tags: {team: accounts}
 *   legacy-crm:
 *     kind: http
 *     endpoints:
 *       - {verb: GET, path: "/v1/customers/{id}", method: GetCustomer}
 *       - {custom: HEAD, path: "/v1/customers", method: ProbeCustomers}
 * </pre>
 *
 * @param services the overrides by registry name, in file order
 */
public record Overrides(Map<String, ServiceOverride> services) {
    private static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9.-]*");
    /** The verbs of {@code google.api.http}'s patterns; any other goes in {@code custom}, as there. */
    static final List<String> VERBS = List.of("GET", "PUT", "POST", "DELETE", "PATCH");
    /** An HTTP method is a token (RFC 9110 §9.1); the JDK's client sends nothing else. */
    private static final Pattern TOKEN = Pattern.compile("[!#$%&'*+.^_`|~0-9A-Za-z-]+");

    /**
     * What the file says about one service. Scalars replace; tags merge (the file wins); capabilities,
     * dependencies, events and endpoints are added.
     */
    public record ServiceOverride(
            String kind,
            String group,
            String version,
            String displayName,
            String description,
            String owner,
            Health health,
            String metrics,
            Map<String, String> tags,
            RateLimit rateLimit,
            List<String> capabilities,
            List<String> dependencies,
            List<String> events,
            List<EndpointOverride> endpoints) {}

    /**
     * One REST endpoint as the file writes it, shaped like a {@code google.api.http} rule: {@code verb}
     * one of {@link #VERBS}, or {@code custom} for any other method ({@code HEAD}).
     */
    public record EndpointOverride(String verb, String custom, String path, String method, String body) {
        Endpoint endpoint() {
            String v = verb != null ? verb.toUpperCase(Locale.ROOT) : custom;
            return new Endpoint(v, path, method, body);
        }
    }

    /** Reads the file, reporting every problem at its line and column. */
    static Overrides read(Path file, String shownAs) throws InputException {
        ObjectMapper mapper = DataFiles.strictMapper(file);
        Overrides overrides;
        try {
            overrides = mapper.readValue(file.toFile(), Overrides.class);
        } catch (JsonProcessingException e) {
            throw new InputException(
                    DataFiles.problem(file, shownAs, e, "see \"Overrides\" in the README for the format"));
        } catch (IOException e) {
            throw new InputException(Problem.in(
                    shownAs,
                    "cannot read the overrides file (" + e + ")",
                    "check <overridesFile> names a readable YAML or JSON file"));
        }
        return overrides == null || overrides.services() == null ? new Overrides(Map.of()) : overrides;
    }

    /** Merges the overrides into the entries; every problem is collected before failing. */
    List<ServiceEntry> apply(List<ServiceEntry> entries, Path file, String shownAs) throws InputException {
        Map<String, JsonLocation> places = places(file);
        Map<String, ServiceEntry> byName = new LinkedHashMap<>();
        entries.forEach(e -> byName.put(e.name(), e));
        List<Problem> problems = new ArrayList<>();
        for (Map.Entry<String, ServiceOverride> o : services.entrySet()) {
            String name = o.getKey();
            ServiceOverride override = o.getValue() == null ? empty() : o.getValue();
            JsonLocation at = places.get("/services/" + name);
            int line = at == null ? 0 : at.getLineNr();
            int column = at == null ? 0 : at.getColumnNr();
            ServiceEntry existing = byName.get(name);
            if (existing == null) {
                if (!"http".equals(override.kind())) {
                    problems.add(
                            Problem.at(
                                    shownAs,
                                    line,
                                    column,
                                    "service \"" + name + "\" is not in the registry ("
                                            + Suggestions.describe(name, byName.keySet()) + ")",
                                    "correct the name, or add `kind: http` and its `endpoints` to declare a REST-only service"));
                    continue;
                }
                if (!NAME.matcher(name).matches()) {
                    problems.add(Problem.at(
                            shownAs,
                            line,
                            column,
                            "\"" + name + "\" is not a valid registry name",
                            "use lower-case letters, digits, '-' and '.'"));
                    continue;
                }
                existing = ServiceEntry.builder(name, ServiceKind.HTTP).build();
            } else if (override.kind() != null && !override.kind().equals(kindName(existing.kind()))) {
                problems.add(Problem.at(
                        shownAs,
                        line,
                        column,
                        "service \"" + name + "\" is of kind " + kindName(existing.kind())
                                + "; an override cannot make it " + override.kind(),
                        "remove `kind` from this override"));
                continue;
            }
            if (checkEndpoints(name, existing, override, places, shownAs, line, column, problems)) {
                continue;
            }
            if (override.group() != null && !NAME.matcher(override.group()).matches()) {
                problems.add(Problem.at(
                        shownAs,
                        line,
                        column,
                        "group \"" + override.group() + "\" of service \"" + name + "\" is not a valid group name",
                        "use lower-case letters, digits and '-'"));
                continue;
            }
            byName.put(name, merge(existing, override));
        }
        if (!problems.isEmpty()) {
            throw new InputException(problems.size() + " problem(s) in the overrides file", problems);
        }
        return List.copyOf(byName.values());
    }

    private static ServiceEntry merge(ServiceEntry entry, ServiceOverride o) {
        ServiceEntryBuilder b = entry.toBuilder();
        if (o.group() != null) {
            b.group(o.group());
        }
        if (o.version() != null) {
            b.version(o.version());
        }
        if (o.displayName() != null) {
            b.displayName(o.displayName());
        }
        if (o.description() != null) {
            b.description(o.description());
        }
        if (o.owner() != null) {
            b.owner(o.owner());
        }
        if (o.health() != null) {
            Health was = entry.health() == null ? new Health(null, null) : entry.health();
            b.health(new Health(
                    o.health().http() != null ? o.health().http() : was.http(),
                    o.health().grpc() != null ? o.health().grpc() : was.grpc()));
        }
        if (o.metrics() != null) {
            b.metrics(o.metrics());
        }
        if (o.tags() != null) {
            new TreeMap<>(o.tags()).forEach(b::putTag);
        }
        if (o.rateLimit() != null) {
            b.rateLimit(o.rateLimit());
        }
        if (o.capabilities() != null) {
            o.capabilities().forEach(c -> b.addCapability(new Capability(c, "override")));
        }
        if (o.dependencies() != null) {
            o.dependencies().forEach(d -> b.addDependency(new Dependency(d, "override")));
        }
        if (o.events() != null) {
            o.events().forEach(e -> b.addEvent(new Event(e, "override")));
        }
        if (o.endpoints() != null) {
            List<Endpoint> endpoints = new ArrayList<>(entry.endpoints());
            o.endpoints().forEach(e -> endpoints.add(e.endpoint()));
            b.endpoints(endpoints);
        }
        return b.build();
    }

    private static String kindName(ServiceKind kind) {
        return kind.name().toLowerCase(Locale.ROOT);
    }

    private static ServiceOverride empty() {
        return new ServiceOverride(null, null, null, null, null, null, null, null, null, null, null, null, null, null);
    }

    /**
     * Checks the endpoints an override declares, each problem at the field it is about; a REST-only
     * service needs at least one, as nothing else can call it.
     *
     * @return whether a problem was found
     */
    private static boolean checkEndpoints(
            String name,
            ServiceEntry entry,
            ServiceOverride override,
            Map<String, JsonLocation> places,
            String shownAs,
            int line,
            int column,
            List<Problem> problems) {
        int before = problems.size();
        List<EndpointOverride> endpoints = override.endpoints() == null ? List.of() : override.endpoints();
        if (entry.kind() == ServiceKind.HTTP && entry.endpoints().isEmpty() && endpoints.isEmpty()) {
            problems.add(Problem.at(
                    shownAs,
                    line,
                    column,
                    "REST-only service \"" + name + "\" declares no endpoints, so nothing can call it",
                    "add `endpoints: [{verb: GET, path: \"/v1/...\", method: Name}]`"));
        }
        for (int i = 0; i < endpoints.size(); i++) {
            EndpointOverride e = endpoints.get(i);
            String pointer = "/services/" + name + "/endpoints/" + i;
            String which = "endpoint " + (i + 1) + " of service \"" + name + "\"";
            Placed at = new Placed(shownAs, places, pointer, line, column);
            if (e == null) {
                problems.add(at.problem("", which + " is empty", "give it verb, path and method"));
                continue;
            }
            if (e.verb() != null && e.custom() != null) {
                problems.add(at.problem(
                        "/custom",
                        which + " has both verb and custom",
                        "keep `verb` for " + String.join(", ", VERBS) + ", or `custom` for another method"));
            } else if (e.verb() == null && e.custom() == null) {
                problems.add(at.problem(
                        "",
                        which + " has no verb",
                        "add `verb:` with one of " + String.join(", ", VERBS) + ", or `custom:` with another method"));
            } else if (e.verb() != null && !VERBS.contains(e.verb().toUpperCase(Locale.ROOT))) {
                problems.add(at.problem(
                        "/verb",
                        which + " has verb \"" + e.verb() + "\", which is not one of " + String.join(", ", VERBS),
                        "use one of those, or write another HTTP method as `custom: " + e.verb()
                                + "` (as google.api.http does)"));
            } else if (e.custom() != null && !TOKEN.matcher(e.custom()).matches()) {
                problems.add(at.problem(
                        "/custom",
                        which + " has custom verb \"" + e.custom() + "\", which is not an HTTP method name",
                        "use letters only, such as HEAD or OPTIONS"));
            }
            if (e.path() == null || !e.path().startsWith("/")) {
                problems.add(at.problem(
                        e.path() == null ? "" : "/path",
                        which
                                + (e.path() == null
                                        ? " has no path"
                                        : " has path \"" + e.path() + "\", which is not absolute"),
                        "give `path:` starting with '/', such as \"/v1/customers/{id}\""));
            }
            if (e.method() == null || e.method().isBlank()) {
                problems.add(at.problem(
                        "",
                        which + " has no method",
                        "add `method:` with the name callers pass to call(method, request)"));
            }
        }
        return problems.size() > before;
    }

    /** Places problems at a field of one entry, else at the entry, else at the service. */
    private record Placed(String shownAs, Map<String, JsonLocation> places, String pointer, int line, int column) {
        Problem problem(String field, String message, String fix) {
            JsonLocation at = places.getOrDefault(pointer + field, places.get(pointer));
            return at == null
                    ? Problem.at(shownAs, line, column, message, fix)
                    : Problem.at(shownAs, at.getLineNr(), at.getColumnNr(), message, fix);
        }
    }

    /**
     * Where each key and value stands in the file, by JSON pointer ({@code /services/user},
     * {@code /services/crm/endpoints/0/verb}), for messages; the data binding keeps no places. A key
     * whose value is an object or list is placed at the key, a scalar at its value, a list element at
     * its start.
     */
    private static Map<String, JsonLocation> places(Path file) {
        Map<String, JsonLocation> places = new HashMap<>();
        Deque<Frame> open = new ArrayDeque<>();
        try (JsonParser parser = DataFiles.strictMapper(file).getFactory().createParser(file.toFile())) {
            for (JsonToken token = parser.nextToken(); token != null; token = parser.nextToken()) {
                Frame top = open.peek();
                if (token == JsonToken.FIELD_NAME) {
                    top.step = parser.currentName();
                    places.put(pointer(open), parser.currentTokenLocation());
                } else if (token == JsonToken.END_OBJECT || token == JsonToken.END_ARRAY) {
                    open.pop();
                } else {
                    if (top != null && top.list) {
                        top.step = Integer.toString(++top.index);
                        places.put(pointer(open), parser.currentTokenLocation());
                    } else if (top != null && token.isScalarValue()) {
                        places.put(pointer(open), parser.currentTokenLocation());
                    }
                    if (token == JsonToken.START_OBJECT || token == JsonToken.START_ARRAY) {
                        open.push(new Frame(token == JsonToken.START_ARRAY));
                    }
                }
            }
        } catch (IOException | RuntimeException e) {
            // The file parsed a moment ago; without places, messages just lack a line number.
        }
        return places;
    }

    /** An object or list being read: the key or index reached in it. */
    private static final class Frame {
        final boolean list;
        int index = -1;
        String step = "";

        Frame(boolean list) {
            this.list = list;
        }
    }

    private static String pointer(Deque<Frame> open) {
        StringBuilder out = new StringBuilder();
        for (Iterator<Frame> outerFirst = open.descendingIterator(); outerFirst.hasNext(); ) {
            out.append('/').append(outerFirst.next().step);
        }
        return out.toString();
    }
}
