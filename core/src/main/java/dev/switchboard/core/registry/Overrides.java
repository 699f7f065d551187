package dev.switchboard.core.registry;

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
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

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
    /**
     * Where a project's overrides file is looked for, relative to its base directory, when {@code
     * <overridesFile>} is not set.
     */
    public static final List<String> CONVENTIONAL = List.of(
            "src/main/switchboard/overrides.yaml",
            "src/main/switchboard/overrides.yml",
            "src/main/switchboard/overrides.json");

    private static final String CONVENTIONAL_DIRECTORY = "src/main/switchboard";
    private static final Pattern OTHER_EXTENSION = Pattern.compile("overrides\\.[A-Za-z0-9]+");
    private static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9.-]*");
    private static final Pattern GROUP = Pattern.compile("[a-z0-9][a-z0-9-]*");
    private static final List<String> KINDS = List.of("grpc", "aws", "http");
    private static final List<String> VERBS = List.of("GET", "POST", "PUT", "PATCH", "DELETE", "HEAD", "OPTIONS");

    static final DataFiles.Spec SPEC = new DataFiles.Spec(
            "overrides file",
            "<overridesFile>",
            "overrides",
            "see \"Overrides\" in the README for the format",
            Map.ofEntries(
                    Map.entry("", "services: {user: {group: identity}}"),
                    Map.entry("services", "services: {user: {group: identity}}"),
                    Map.entry("services.*", "user: {group: identity, owner: team-accounts}"),
                    Map.entry("services.*.kind", "kind: http"),
                    Map.entry("services.*.group", "group: identity"),
                    Map.entry("services.*.version", "version: \"2.1\""),
                    Map.entry("services.*.displayName", "displayName: User service"),
                    Map.entry("services.*.description", "description: Accounts and their profiles"),
                    Map.entry("services.*.owner", "owner: team-accounts"),
                    Map.entry("services.*.health", "health: {http: /health/user}"),
                    Map.entry("services.*.health.http", "http: /health/user"),
                    Map.entry("services.*.health.grpc", "grpc: acme.user.v1.UserService"),
                    Map.entry("services.*.metrics", "metrics: /metrics"),
                    Map.entry("services.*.tags", "tags: {team: accounts}"),
                    Map.entry("services.*.tags.*", "team: accounts"),
                    Map.entry("services.*.rateLimit", "rateLimit: {requestsPerSecond: 5, burst: 10}"),
                    Map.entry("services.*.rateLimit.requestsPerSecond", "requestsPerSecond: 5"),
                    Map.entry("services.*.rateLimit.burst", "burst: 10"),
                    Map.entry("services.*.capabilities", "capabilities: [audit]"),
                    Map.entry("services.*.capabilities[]", "audit"),
                    Map.entry("services.*.dependencies", "dependencies: [billing]"),
                    Map.entry("services.*.dependencies[]", "billing"),
                    Map.entry("services.*.events", "events: [UserDeleted]"),
                    Map.entry("services.*.events[]", "UserDeleted"),
                    Map.entry(
                            "services.*.endpoints",
                            "endpoints: [{verb: GET, path: \"/v1/customers/{id}\", method: GetCustomer}]"),
                    Map.entry(
                            "services.*.endpoints[]", "{verb: GET, path: \"/v1/customers/{id}\", method: GetCustomer}"),
                    Map.entry("services.*.endpoints[].verb", "verb: GET"),
                    Map.entry("services.*.endpoints[].path", "path: \"/v1/customers/{id}\""),
                    Map.entry("services.*.endpoints[].method", "method: GetCustomer"),
                    Map.entry("services.*.endpoints[].body", "body: \"*\"")));

    /** The conventional overrides files of {@code base}, present or not; a watch waits for them to appear. */
    public static List<Path> conventionalFiles(Path base) {
        return CONVENTIONAL.stream().map(base::resolve).toList();
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

    /**
     * The project's overrides file found by convention ({@link #CONVENTIONAL}), or null when it has none.
     *
     * @param baseDirectory the project's base directory
     * @throws InputException when more than one is there, so which one counts would be a guess, or when
     *     the only one has an extension that says neither YAML nor JSON
     */
    public static Path conventional(Path baseDirectory) throws InputException {
        List<Path> present = CONVENTIONAL.stream()
                .map(baseDirectory::resolve)
                .filter(Files::exists)
                .toList();
        if (present.size() > 1) {
            throw DataFiles.failure(List.of(Problem.in(
                    CONVENTIONAL_DIRECTORY,
                    present.stream().map(p -> p.getFileName().toString()).collect(Collectors.joining(" and "))
                            + (present.size() == 2 ? " are both" : " are all")
                            + " there, and only one overrides file is read",
                    "keep one of them, or name the one to read with <overridesFile>")));
        }
        if (present.size() == 1) {
            return present.get(0);
        }
        Path directory = baseDirectory.resolve(CONVENTIONAL_DIRECTORY);
        if (!Files.isDirectory(directory)) {
            return null;
        }
        try (Stream<Path> files = Files.list(directory)) {
            Path other = files.filter(f ->
                            OTHER_EXTENSION.matcher(f.getFileName().toString()).matches())
                    .sorted()
                    .findFirst()
                    .orElse(null);
            if (other != null) {
                throw DataFiles.failure(List.of(Problem.in(
                        CONVENTIONAL_DIRECTORY + "/" + other.getFileName(),
                        "is not read: overrides files end in .yaml, .yml or .json, which say how to read them",
                        "rename it to overrides.yaml (or .json)")));
            }
            return null;
        } catch (IOException e) {
            // An unlistable directory hides nothing the build could read either.
            return null;
        }
    }

    /**
     * Reads the file, reporting every problem at its line and column.
     *
     * @param notes where the warning about an empty file goes
     */
    static DataFiles.Document<Overrides> read(Path file, String shownAs, List<String> notes) throws InputException {
        DataFiles.Document<Overrides> document = DataFiles.read(file, shownAs, Overrides.class, SPEC);
        if (document.value() == null) {
            notes.add(Problem.in(
                            shownAs, "the overrides file is empty, so it changes nothing", "fill it in, or delete it")
                    .toString());
        }
        return document;
    }

    /**
     * Merges the overrides into the entries, adding every problem to {@code problems}: names, kinds and
     * values the file gets wrong, and dependencies on services the registry does not have.
     */
    static List<ServiceEntry> apply(
            List<ServiceEntry> entries, DataFiles.Document<Overrides> file, List<Problem> problems) {
        Map<String, ServiceEntry> byName = new LinkedHashMap<>();
        entries.forEach(e -> byName.put(e.name(), e));
        Map<String, ServiceOverride> services =
                file.value() == null || file.value().services() == null
                        ? Map.of()
                        : file.value().services();
        List<String> found = List.copyOf(byName.keySet());
        for (Map.Entry<String, ServiceOverride> o : services.entrySet()) {
            String name = o.getKey();
            ServiceOverride override = o.getValue();
            String at = DataFiles.child("services", name);
            ServiceEntry existing = byName.get(name);
            if (override.kind() != null && !KINDS.contains(override.kind())) {
                problems.add(file.problem(
                        DataFiles.child(at, "kind"),
                        "kind \"" + override.kind() + "\" is not a kind of service ("
                                + Suggestions.describe(override.kind(), KINDS) + ")",
                        "use `kind: http` to declare a REST-only service; grpc and aws services come from protos"
                                + " and the classpath"));
                continue;
            }
            if (existing == null) {
                if (!"http".equals(override.kind())) {
                    problems.add(
                            file.problem(
                                    at,
                                    "service \"" + name + "\" is not in the registry ("
                                            + Suggestions.describe(name, found) + ")",
                                    "correct the name, or add `kind: http` and its `endpoints` to declare a REST-only service"));
                    continue;
                }
                if (!NAME.matcher(name).matches()) {
                    problems.add(file.problem(
                            at,
                            "\"" + name + "\" is not a valid registry name",
                            "use lower-case letters, digits, '-' and '.'"));
                    continue;
                }
                existing = ServiceEntry.builder(name, ServiceKind.HTTP).build();
            } else if (override.kind() != null && !override.kind().equals(kindName(existing.kind()))) {
                problems.add(file.problem(
                        DataFiles.child(at, "kind"),
                        "service \"" + name + "\" is of kind " + kindName(existing.kind())
                                + "; an override cannot make it " + override.kind(),
                        "remove `kind` from this override"));
                continue;
            }
            if (override.group() != null && !GROUP.matcher(override.group()).matches()) {
                problems.add(file.problem(
                        DataFiles.child(at, "group"),
                        "group \"" + override.group() + "\" of service \"" + name + "\" is not a valid group name",
                        "use lower-case letters, digits and '-'"));
            }
            checkRateLimit(override.rateLimit(), DataFiles.child(at, "rateLimit"), file, problems);
            checkEndpoints(override.endpoints(), DataFiles.child(at, "endpoints"), file, problems);
            byName.put(name, merge(existing, override));
        }
        // Dependencies are checked against every name, those this file declares included.
        for (Map.Entry<String, ServiceOverride> o : services.entrySet()) {
            List<String> dependencies = o.getValue().dependencies();
            for (int i = 0; dependencies != null && i < dependencies.size(); i++) {
                String path =
                        DataFiles.entry(DataFiles.child(DataFiles.child("services", o.getKey()), "dependencies"), i);
                String dependency = dependencies.get(i);
                if (dependency.equals(o.getKey())) {
                    problems.add(file.problem(
                            path, "service \"" + dependency + "\" depends on itself", "remove this dependency"));
                } else if (!byName.containsKey(dependency)) {
                    problems.add(file.problem(
                            path,
                            "dependency \"" + dependency + "\" is not in the registry ("
                                    + Suggestions.describe(dependency, byName.keySet()) + ")",
                            "correct the name, or declare the service in this file with `kind: http`"));
                }
            }
        }
        return List.copyOf(byName.values());
    }

    private static void checkRateLimit(
            RateLimit limit, String at, DataFiles.Document<Overrides> file, List<Problem> problems) {
        if (limit == null) {
            return;
        }
        String rate = DataFiles.child(at, "requestsPerSecond");
        if (!(limit.requestsPerSecond() > 0) || Double.isInfinite(limit.requestsPerSecond())) {
            problems.add(file.problem(
                    rate,
                    file.has(rate)
                            ? "`" + rate + "` is " + plain(limit.requestsPerSecond()) + ", but must be a number above 0"
                            : "`" + at + "` has no `requestsPerSecond`",
                    file.writeItLike(at)));
        }
        String burst = DataFiles.child(at, "burst");
        if (limit.burst() < 0) {
            problems.add(file.problem(
                    burst, "`" + burst + "` is " + limit.burst() + ", but must be 0 or more", file.writeItLike(burst)));
        }
    }

    /** {@code 5} rather than {@code 5.0}, as the user wrote it. */
    private static String plain(double number) {
        return Double.isFinite(number)
                ? BigDecimal.valueOf(number).stripTrailingZeros().toPlainString()
                : String.valueOf(number);
    }

    private static void checkEndpoints(
            List<Endpoint> endpoints, String at, DataFiles.Document<Overrides> file, List<Problem> problems) {
        for (int i = 0; endpoints != null && i < endpoints.size(); i++) {
            Endpoint endpoint = endpoints.get(i);
            String path = DataFiles.entry(at, i);
            for (String[] field :
                    new String[][] {{"verb", endpoint.verb()}, {"path", endpoint.path()}, {"method", endpoint.method()}
                    }) {
                if (field[1] == null || field[1].isBlank()) {
                    problems.add(
                            file.problem(path, "`" + path + "` has no `" + field[0] + "`", file.writeItLike(path)));
                }
            }
            String verb = endpoint.verb();
            if (verb != null && !verb.isBlank() && !VERBS.contains(verb.toUpperCase(Locale.ROOT))) {
                problems.add(file.problem(
                        DataFiles.child(path, "verb"),
                        "\"" + verb + "\" is not an HTTP verb ("
                                + Suggestions.describe(verb.toUpperCase(Locale.ROOT), VERBS) + ")",
                        "use one of " + String.join(", ", VERBS)));
            }
        }
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
        return kind.name().toLowerCase(Locale.ROOT);
    }
}
