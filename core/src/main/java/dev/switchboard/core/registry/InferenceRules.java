package dev.switchboard.core.registry;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import dev.switchboard.core.diag.InputException;
import dev.switchboard.core.diag.Problem;
import dev.switchboard.core.diag.Suggestions;
import dev.switchboard.core.io.JsonTokens;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * The data that drives inference: capability rules over method names, declared dependencies, and
 * packages whose types never make a dependency. The defaults ship as {@code default-rules.json}; a
 * project's rules file extends them (a rule of the same name replaces the default one) or replaces them.
 *
 * @param capabilities the capability rules, applied in order
 * @param dependencies declared dependencies between services
 * @param ignoredTypePackages packages, with their sub-packages, that dependency inference skips
 */
public record InferenceRules(
        List<CapabilityRule> capabilities, List<DeclaredDependency> dependencies, List<String> ignoredTypePackages) {

    static final String DEFAULTS = "default-rules.json";

    private static final Pattern WORD = Pattern.compile("[A-Za-z][A-Za-z0-9]*");
    private static final Pattern PACKAGE = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*(\\.[A-Za-z_][A-Za-z0-9_]*)*");

    static final DataFiles.Spec SPEC = new DataFiles.Spec(
            "rules file",
            "<rulesFile>",
            "rules",
            "see \"Inference rules\" in the README for the format",
            Map.ofEntries(
                    Map.entry("", "capabilities: [{name: export, prefixes: [export]}]"),
                    Map.entry("capabilities", "capabilities: [{name: export, prefixes: [export]}]"),
                    Map.entry("capabilities[]", "{name: export, prefixes: [export, dump]}"),
                    Map.entry("capabilities[].name", "name: export"),
                    Map.entry("capabilities[].prefixes", "prefixes: [export, dump]"),
                    Map.entry("capabilities[].prefixes[]", "export"),
                    Map.entry("capabilities[].streaming", "streaming: true"),
                    Map.entry("capabilities[].requires", "requires: [create, read, update, delete]"),
                    Map.entry("capabilities[].requires[]", "create"),
                    Map.entry("dependencies", "dependencies: [{service: order, dependsOn: billing}]"),
                    Map.entry("dependencies[]", "{service: order, dependsOn: billing}"),
                    Map.entry("dependencies[].service", "service: order"),
                    Map.entry("dependencies[].dependsOn", "dependsOn: billing"),
                    Map.entry("ignoredTypePackages", "ignoredTypePackages: [google.protobuf, acme.common]"),
                    Map.entry("ignoredTypePackages[]", "acme.common")));

    public InferenceRules {
        capabilities = capabilities == null ? List.of() : List.copyOf(capabilities);
        dependencies = dependencies == null ? List.of() : List.copyOf(dependencies);
        ignoredTypePackages = ignoredTypePackages == null ? List.of() : List.copyOf(ignoredTypePackages);
    }

    /**
     * A capability rule.
     *
     * @param name the capability it gives
     * @param prefixes method-name words that give it ({@code create} matches {@code CreateUser} and
     *     {@code createBucket}, not {@code Creature})
     * @param streaming whether every streaming method gives it too
     * @param requires capabilities that together give it ({@code crud})
     */
    public record CapabilityRule(String name, List<String> prefixes, boolean streaming, List<String> requires) {
        public CapabilityRule {
            prefixes = prefixes == null ? List.of() : List.copyOf(prefixes);
            requires = requires == null ? List.of() : List.copyOf(requires);
        }
    }

    /**
     * A dependency declared in the rules.
     *
     * @param service the service that depends
     * @param dependsOn the service it depends on
     */
    public record DeclaredDependency(String service, String dependsOn) {}

    /**
     * The rules shipped with the plugin. Every build needs them, so they are read with Jackson's streaming
     * parser: through the object mapper they took 430–510 ms of a small project's cold build, on a thread
     * of their own that the parse of the protos then waited for (benchmarks/BENCHMARKS.md). A project's
     * rules file goes through {@link DataFiles}, which reports its mistakes by line.
     */
    public static InferenceRules defaults() {
        try (InputStream in = InferenceRules.class.getResourceAsStream(DEFAULTS)) {
            return readStreaming(in);
        } catch (IOException | RuntimeException e) {
            throw new IllegalStateException("the plugin's " + DEFAULTS + " cannot be read; the jar is damaged", e);
        }
    }

    /** Rules in the JSON form of {@value #DEFAULTS}, which is known to be right: no field is checked. */
    static InferenceRules readStreaming(InputStream in) throws IOException {
        try (JsonParser parser = new JsonFactory().createParser(in)) {
            JsonTokens.expect(parser.nextToken(), JsonToken.START_OBJECT, parser);
            List<CapabilityRule> capabilities = new ArrayList<>();
            List<DeclaredDependency> dependencies = new ArrayList<>();
            List<String> packages = List.of();
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String field = parser.currentName();
                JsonTokens.expect(parser.nextToken(), JsonToken.START_ARRAY, parser);
                switch (field) {
                    case "capabilities" -> {
                        while (parser.nextToken() == JsonToken.START_OBJECT) {
                            capabilities.add(capabilityRule(parser));
                        }
                    }
                    case "dependencies" -> {
                        while (parser.nextToken() == JsonToken.START_OBJECT) {
                            Map<String, String> names = new HashMap<>();
                            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                                names.put(parser.currentName(), parser.nextTextValue());
                            }
                            dependencies.add(new DeclaredDependency(names.get("service"), names.get("dependsOn")));
                        }
                    }
                    case "ignoredTypePackages" -> packages = JsonTokens.strings(parser);
                    default -> throw new IOException("unknown field " + field);
                }
            }
            return new InferenceRules(capabilities, dependencies, packages);
        }
    }

    /** The strings of the array after the field name the parser is at. */
    private static List<String> nextStrings(JsonParser parser) throws IOException {
        parser.nextToken();
        return JsonTokens.strings(parser);
    }

    private static CapabilityRule capabilityRule(JsonParser parser) throws IOException {
        String name = null;
        List<String> prefixes = List.of();
        List<String> requires = List.of();
        boolean streaming = false;
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            String field = parser.currentName();
            switch (field) {
                case "name" -> name = parser.nextTextValue();
                case "prefixes" -> prefixes = nextStrings(parser);
                case "requires" -> requires = nextStrings(parser);
                case "streaming" -> streaming = parser.nextBooleanValue();
                default -> throw new IOException("unknown field " + field);
            }
        }
        return new CapabilityRule(name, prefixes, streaming, requires);
    }

    /** The strings of the array the parser is at, or whose field name it is at. */
    /**
     * The rules in force: the defaults, extended or replaced by the project's file.
     *
     * @param file the project's rules file, or null for the defaults alone
     * @param notes where the warning about an empty file goes
     */
    public static InferenceRules load(Path file, boolean replaceDefaults, String shownAs, List<String> notes)
            throws InputException {
        return read(file, replaceDefaults, shownAs, notes).rules();
    }

    /**
     * The rules in force and the project's file they came from, whose names are checked once the
     * registry is built ({@link #checkNames}).
     *
     * @param own the project's file, or null
     */
    record Loaded(InferenceRules rules, DataFiles.Document<InferenceRules> own) {

        /**
         * Adds a problem for every name in the project's file that means nothing: a capability in {@code
         * requires} that no rule and no service gives, a service in {@code dependencies} that is not in the
         * registry.
         *
         * @param declared the capabilities services have before inference (from their protos)
         * @param services the names of the registry's services
         */
        void checkNames(Set<String> declared, Set<String> services, List<Problem> problems) {
            if (own == null || own.value() == null) {
                return;
            }
            Set<String> capabilities = new TreeSet<>(declared);
            rules.capabilities().forEach(r -> capabilities.add(r.name()));
            List<CapabilityRule> ownRules = own.value().capabilities();
            for (int i = 0; i < ownRules.size(); i++) {
                List<String> requires = ownRules.get(i).requires();
                for (int j = 0; j < requires.size(); j++) {
                    String name = requires.get(j);
                    if (!capabilities.contains(name)) {
                        problems.add(own.problem(
                                DataFiles.entry(DataFiles.child(DataFiles.entry("capabilities", i), "requires"), j),
                                "no rule or service gives the capability \"" + name + "\" ("
                                        + Suggestions.describe(name, capabilities) + ")",
                                "correct the name, or add a rule named \"" + name + "\""));
                    }
                }
            }
            List<DeclaredDependency> dependencies = own.value().dependencies();
            for (int i = 0; i < dependencies.size(); i++) {
                DeclaredDependency d = dependencies.get(i);
                String at = DataFiles.entry("dependencies", i);
                for (String[] field : new String[][] {{"service", d.service()}, {"dependsOn", d.dependsOn()}}) {
                    if (field[1] != null && !services.contains(field[1])) {
                        problems.add(own.problem(
                                DataFiles.child(at, field[0]),
                                "service \"" + field[1] + "\" is not in the registry ("
                                        + Suggestions.describe(field[1], services) + ")",
                                "correct the name"));
                    }
                }
            }
        }
    }

    /** {@link #load}, keeping the project's file for {@link Loaded#checkNames}. */
    static Loaded read(Path file, boolean replaceDefaults, String shownAs, List<String> notes) throws InputException {
        InferenceRules defaults = defaults();
        if (file == null) {
            return new Loaded(defaults, null);
        }
        DataFiles.Document<InferenceRules> document = DataFiles.read(file, shownAs, InferenceRules.class, SPEC);
        if (document.value() == null) {
            notes.add((replaceDefaults
                            ? Problem.in(
                                    shownAs,
                                    "the rules file is empty and replaces the default rules, so no capability is"
                                            + " inferred",
                                    "fill it in, or set <replaceDefaultRules>false")
                            : Problem.in(
                                    shownAs,
                                    "the rules file is empty, so the default rules apply alone",
                                    "fill it in, or delete it"))
                    .toString());
        }
        InferenceRules own = document.value() == null ? new InferenceRules(null, null, null) : document.value();
        List<Problem> problems = new ArrayList<>();
        checkCapabilities(own.capabilities(), document, problems);
        checkDependencies(own.dependencies(), document, problems);
        checkPackages(own.ignoredTypePackages(), document, problems);
        if (!problems.isEmpty()) {
            throw DataFiles.failure(problems);
        }
        if (replaceDefaults) {
            return new Loaded(own, document);
        }
        Map<String, CapabilityRule> merged = new LinkedHashMap<>();
        defaults.capabilities().forEach(r -> merged.put(r.name(), r));
        own.capabilities().forEach(r -> merged.put(r.name(), r));
        List<DeclaredDependency> dependencies = new ArrayList<>(defaults.dependencies());
        dependencies.addAll(own.dependencies());
        TreeSet<String> ignored = new TreeSet<>(defaults.ignoredTypePackages());
        ignored.addAll(own.ignoredTypePackages());
        return new Loaded(
                new InferenceRules(List.copyOf(merged.values()), dependencies, List.copyOf(ignored)), document);
    }

    private static void checkCapabilities(
            List<CapabilityRule> rules, DataFiles.Document<InferenceRules> file, List<Problem> problems) {
        Map<String, String> firstAt = new HashMap<>();
        for (int i = 0; i < rules.size(); i++) {
            CapabilityRule rule = rules.get(i);
            String at = DataFiles.entry("capabilities", i);
            if (rule.name() == null || rule.name().isBlank()) {
                problems.add(file.problem(
                        at,
                        "this capability rule has no `name`",
                        "give it one: " + file.writeItLike(DataFiles.child(at, "name"))));
                continue;
            }
            String first = firstAt.putIfAbsent(rule.name(), at);
            if (first != null) {
                problems.add(file.problem(
                        DataFiles.child(at, "name"),
                        "capability rule \"" + rule.name() + "\" is given twice; the first is at line "
                                + file.line(first) + ", and only one can count",
                        "keep one rule of that name, with the prefixes of both"));
            }
            if (rule.prefixes().isEmpty() && rule.requires().isEmpty() && !rule.streaming()) {
                problems.add(file.problem(
                        at,
                        "capability rule \"" + rule.name() + "\" matches nothing",
                        "give it `prefixes`, `requires` or `streaming: true`"));
            }
            for (int j = 0; j < rule.prefixes().size(); j++) {
                String prefix = rule.prefixes().get(j);
                if (!WORD.matcher(prefix).matches()) {
                    String word = prefix.replaceAll("[^A-Za-z0-9]", "");
                    problems.add(file.problem(
                            DataFiles.entry(DataFiles.child(at, "prefixes"), j),
                            "prefix \"" + prefix + "\" is not a word; a prefix is the first word of method names"
                                    + " (create matches CreateUser), not a pattern",
                            word.isEmpty() || !WORD.matcher(word).matches()
                                    ? "write a word such as `create`"
                                    : "write `" + word + "`"));
                }
            }
        }
    }

    private static void checkDependencies(
            List<DeclaredDependency> dependencies, DataFiles.Document<InferenceRules> file, List<Problem> problems) {
        for (int i = 0; i < dependencies.size(); i++) {
            DeclaredDependency d = dependencies.get(i);
            String at = DataFiles.entry("dependencies", i);
            if (d.service() == null || d.dependsOn() == null) {
                problems.add(file.problem(
                        at,
                        "this declared dependency has no `" + (d.service() == null ? "service" : "dependsOn") + "`",
                        file.writeItLike(at)));
            } else if (d.service().equals(d.dependsOn())) {
                problems.add(file.problem(
                        at, "service \"" + d.service() + "\" depends on itself", "remove this dependency"));
            }
        }
    }

    private static void checkPackages(
            List<String> packages, DataFiles.Document<InferenceRules> file, List<Problem> problems) {
        for (int i = 0; i < packages.size(); i++) {
            String name = packages.get(i);
            if (!PACKAGE.matcher(name).matches()) {
                String plain = name.replaceAll("[.]?[*?].*$", "");
                problems.add(file.problem(
                        DataFiles.entry("ignoredTypePackages", i),
                        "\"" + name + "\" is not a proto package name; a package here covers its sub-packages, so no"
                                + " pattern is needed",
                        PACKAGE.matcher(plain).matches()
                                ? "write `" + plain + "`"
                                : "write a package such as `acme.common`"));
            }
        }
    }
}
