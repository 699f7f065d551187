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
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
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
 *     endpoints: [{verb: GET, path: "/v1/customers/{id}", method: GetCustomer}]
 * </pre>
 *
 * @param services the overrides by registry name, in file order
 */
public record Overrides(Map<String, ServiceOverride> services) {
    private static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9.-]*");

    /**
     * Where a project keeps its overrides file when none is named, relative to its base directory, in
     * the order they are looked for.
     */
    public static final List<String> CONVENTIONAL_FILES = List.of(
            "src/main/switchboard/overrides.yaml",
            "src/main/switchboard/overrides.yml",
            "src/main/switchboard/overrides.json");

    /** The conventional overrides files of {@code base}, present or not; a watch waits for them to appear. */
    public static List<Path> conventionalFiles(Path base) {
        return CONVENTIONAL_FILES.stream().map(base::resolve).toList();
    }

    /** The first conventional overrides file of {@code base} that exists, or null when there is none. */
    public static Path conventionalFile(Path base) {
        return conventionalFiles(base).stream()
                .filter(Files::isRegularFile)
                .findFirst()
                .orElse(null);
    }

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
            List<Endpoint> endpoints) {}

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
        Map<String, JsonLocation> places = servicePlaces(file);
        Map<String, ServiceEntry> byName = new LinkedHashMap<>();
        entries.forEach(e -> byName.put(e.name(), e));
        List<Problem> problems = new ArrayList<>();
        for (Map.Entry<String, ServiceOverride> o : services.entrySet()) {
            String name = o.getKey();
            ServiceOverride override = o.getValue() == null ? empty() : o.getValue();
            JsonLocation at = places.get(name);
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
            endpoints.addAll(o.endpoints());
            b.endpoints(endpoints);
        }
        return b.build();
    }

    private static String kindName(ServiceKind kind) {
        return kind.name().toLowerCase(java.util.Locale.ROOT);
    }

    private static ServiceOverride empty() {
        return new ServiceOverride(null, null, null, null, null, null, null, null, null, null, null, null, null, null);
    }

    /** Where each service's key stands in the file, for messages; the data binding keeps no places. */
    private static Map<String, JsonLocation> servicePlaces(Path file) {
        Map<String, JsonLocation> places = new HashMap<>();
        try (JsonParser parser = DataFiles.strictMapper(file).getFactory().createParser(file.toFile())) {
            int depth = 0;
            boolean inServices = false;
            for (JsonToken token = parser.nextToken(); token != null; token = parser.nextToken()) {
                if (token == JsonToken.START_OBJECT || token == JsonToken.START_ARRAY) {
                    depth++;
                } else if (token == JsonToken.END_OBJECT || token == JsonToken.END_ARRAY) {
                    depth--;
                    if (depth < 2) {
                        inServices = false;
                    }
                } else if (token == JsonToken.FIELD_NAME) {
                    if (depth == 1) {
                        inServices = "services".equals(parser.currentName());
                    } else if (depth == 2 && inServices) {
                        places.put(parser.currentName(), parser.currentTokenLocation());
                    }
                }
            }
        } catch (IOException e) {
            // The file parsed a moment ago; without places, messages just lack a line number.
        }
        return places;
    }
}
