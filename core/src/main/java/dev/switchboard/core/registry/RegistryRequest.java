package dev.switchboard.core.registry;

import dev.switchboard.core.proto.ProtoInputs;
import java.nio.file.Path;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Everything one registry build needs, read from the plugin configuration.
 *
 * @param protos where the protos come from
 * @param rulesFile the project's inference rules, or null for the defaults
 * @param replaceDefaultRules whether {@code rulesFile} replaces the default rules instead of extending them
 * @param overridesFile the overrides file, or null for none
 * @param registryDirectory where {@code registry.json} and {@code registry.previous.json} go
 * @param failOnMissingSources whether finding no protos fails the build instead of warning
 * @param pluginVersion the plugin's version, part of the fingerprint
 * @param pluginArchive the plugin's jar, whose stamp is part of the fingerprint (snapshots change)
 * @param discoverAws whether AWS SDK clients on the classpath become services
 * @param groups group name → services moved into it ({@code <groups>})
 * @param selection which services the build generates
 */
public record RegistryRequest(
        ProtoInputs protos,
        Path rulesFile,
        boolean replaceDefaultRules,
        Path overridesFile,
        Path registryDirectory,
        boolean failOnMissingSources,
        String pluginVersion,
        Path pluginArchive,
        boolean discoverAws,
        Map<String, List<String>> groups,
        Selection selection) {

    public RegistryRequest {
        groups = groups == null ? Map.of() : Collections.unmodifiableMap(new TreeMap<>(groups));
        selection = selection == null ? Selection.all() : selection;
    }

    public static final String REGISTRY_FILE = "registry.json";
    public static final String PREVIOUS_FILE = "registry.previous.json";
    /** The machine-local stamps of the inputs the registry was built from. */
    public static final String INPUTS_FILE = "registry.inputs";

    public Path registryFile() {
        return registryDirectory.resolve(REGISTRY_FILE);
    }

    public Path previousFile() {
        return registryDirectory.resolve(PREVIOUS_FILE);
    }

    public Path inputsFile() {
        return registryDirectory.resolve(INPUTS_FILE);
    }
}
