package dev.switchboard.core.registry;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.switchboard.core.diag.InputException;
import dev.switchboard.core.diag.Problem;
import dev.switchboard.runtime.registry.RegistryCodec;
import dev.switchboard.runtime.registry.RegistryFormat;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * The data that drives inference: capability rules over method names, declared dependencies, and
 * packages whose types never make a dependency. The defaults ship as {@code default-rules.yaml}; a
 * project's rules file extends them (a rule of the same name replaces the default one) or replaces them.
 *
 * @param capabilities the capability rules, applied in order
 * @param dependencies declared dependencies between services
 * @param ignoredTypePackages packages, with their sub-packages, that dependency inference skips
 */
public record InferenceRules(
        List<CapabilityRule> capabilities, List<DeclaredDependency> dependencies, List<String> ignoredTypePackages) {

    static final String DEFAULTS = "default-rules.yaml";

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

    /** The rules shipped with the plugin. */
    public static InferenceRules defaults() {
        try (InputStream in = InferenceRules.class.getResourceAsStream(DEFAULTS)) {
            return RegistryCodec.mapper(RegistryFormat.YAML).readValue(in, InferenceRules.class);
        } catch (IOException e) {
            throw new UncheckedIOException("the plugin's " + DEFAULTS + " cannot be read; the jar is damaged", e);
        }
    }

    /**
     * The rules in force: the defaults, extended or replaced by the project's file.
     *
     * @param file the project's rules file, or null for the defaults alone
     */
    public static InferenceRules load(Path file, boolean replaceDefaults, String shownAs) throws InputException {
        InferenceRules defaults = defaults();
        if (file == null) {
            return defaults;
        }
        InferenceRules own;
        try {
            own = DataFiles.strictMapper(file).readValue(file.toFile(), InferenceRules.class);
        } catch (JsonProcessingException e) {
            throw new InputException(
                    DataFiles.problem(file, shownAs, e, "see default-rules.yaml in the README for the format"));
        } catch (IOException e) {
            throw new InputException(Problem.in(
                    shownAs,
                    "cannot read the rules file (" + e + ")",
                    "check <rulesFile> names a readable YAML or JSON file"));
        }
        if (own == null) {
            own = new InferenceRules(null, null, null);
        }
        List<Problem> problems = new ArrayList<>();
        for (CapabilityRule rule : own.capabilities()) {
            if (rule.name() == null || rule.name().isBlank()) {
                problems.add(Problem.in(shownAs, "a capability rule has no name", "give every rule a `name`"));
            } else if (rule.prefixes().isEmpty() && rule.requires().isEmpty() && !rule.streaming()) {
                problems.add(Problem.in(
                        shownAs,
                        "capability rule \"" + rule.name() + "\" matches nothing",
                        "give it `prefixes`, `requires` or `streaming: true`"));
            }
        }
        for (DeclaredDependency d : own.dependencies()) {
            if (d.service() == null || d.dependsOn() == null) {
                problems.add(Problem.in(
                        shownAs,
                        "a declared dependency lacks `service` or `dependsOn`",
                        "write it as {service: order, dependsOn: billing}"));
            }
        }
        if (!problems.isEmpty()) {
            throw new InputException(problems.size() + " problem(s) in the rules file", problems);
        }
        if (replaceDefaults) {
            return own;
        }
        Map<String, CapabilityRule> merged = new LinkedHashMap<>();
        defaults.capabilities().forEach(r -> merged.put(r.name(), r));
        own.capabilities().forEach(r -> merged.put(r.name(), r));
        List<DeclaredDependency> dependencies = new ArrayList<>(defaults.dependencies());
        dependencies.addAll(own.dependencies());
        TreeSet<String> ignored = new TreeSet<>(defaults.ignoredTypePackages());
        ignored.addAll(own.ignoredTypePackages());
        return new InferenceRules(List.copyOf(merged.values()), dependencies, List.copyOf(ignored));
    }
}
