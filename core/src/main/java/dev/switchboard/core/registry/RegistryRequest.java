package dev.switchboard.core.registry;

import dev.switchboard.core.diag.InputException;
import dev.switchboard.core.proto.DependencyArtifact;
import dev.switchboard.core.proto.ProtoInputs;
import dev.switchboard.core.proto.ProtoSourceScanner;
import java.nio.file.Path;
import java.util.ArrayList;
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
 * @param registryDependencies dependencies whose bundled registries are merged into this one
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
        Selection selection,
        List<DependencyArtifact> registryDependencies) {

    public RegistryRequest {
        groups = groups == null ? Map.of() : Collections.unmodifiableMap(new TreeMap<>(groups));
        selection = selection == null ? Selection.all() : selection;
        registryDependencies = registryDependencies == null ? List.of() : List.copyOf(registryDependencies);
    }

    public static final String REGISTRY_FILE = "registry.json";
    public static final String PREVIOUS_FILE = "registry.previous.json";
    /** The machine-local stamps of the inputs the registry was built from. */
    public static final String INPUTS_FILE = "registry.inputs";
    /**
     * Added to the registry directory's name, the directory beside it where the protos of source
     * dependencies are unpacked: outside it, so that a failed build leaves the registry directory exactly
     * as it was.
     */
    public static final String UNPACK_SUFFIX = "-proto-dependencies";

    public Path registryFile() {
        return registryDirectory.resolve(REGISTRY_FILE);
    }

    public Path previousFile() {
        return registryDirectory.resolve(PREVIOUS_FILE);
    }

    public Path inputsFile() {
        return registryDirectory.resolve(INPUTS_FILE);
    }

    /**
     * A request for the project in {@code baseDirectory} with its conventions filled in: protos in
     * {@code src/main/proto}, the overrides file {@code src/main/switchboard/overrides.yaml} (or {@code
     * .yml}, {@code .json}) when present, the registry in {@code target/switchboard}, default rules, AWS
     * discovery on, every service selected. Relative paths given to the builder are taken from the base
     * directory.
     */
    public static Builder builder(Path baseDirectory) {
        return new Builder(baseDirectory);
    }

    /** Builds a {@link RegistryRequest}; every setting left alone keeps its convention. */
    public static final class Builder {
        /** Where the registry goes when no directory is given. */
        public static final String DEFAULT_REGISTRY_DIRECTORY = "target/switchboard";

        private final Path base;
        private List<Path> sourceRoots = List.of();
        private List<Path> importPaths = List.of();
        private List<Path> dependencyArchives = List.of();
        private List<String> includes = List.of();
        private List<String> excludes = List.of();
        private Path rulesFile;
        private boolean replaceDefaultRules;
        private Path overridesFile;
        private Path registryDirectory;
        private boolean failOnMissingSources;
        private String pluginVersion;
        private Path pluginArchive;
        private boolean discoverAws = true;
        private Map<String, List<String>> groups = Map.of();
        private Selection selection = Selection.all();
        private List<DependencyArtifact> protoSourceDependencies = List.of();
        private List<DependencyArtifact> registryDependencies = List.of();

        private Builder(Path baseDirectory) {
            this.base = baseDirectory.toAbsolutePath().normalize();
        }

        /** The directories whose protos become services; none given means {@code src/main/proto}. */
        public Builder sourceRoots(List<Path> roots) {
            this.sourceRoots = List.copyOf(roots);
            return this;
        }

        /** Directories or archives whose protos may be imported but add no services. */
        public Builder importPaths(List<Path> paths) {
            this.importPaths = List.copyOf(paths);
            return this;
        }

        /**
         * The project's dependency jars (and class directories): their protos may be imported, and their
         * AWS SDK clients become services.
         */
        public Builder dependencyArchives(List<Path> archives) {
            this.dependencyArchives = List.copyOf(archives);
            return this;
        }

        /** Globs, relative to a source root, of the protos to load; all of them when empty. */
        public Builder includes(List<String> globs) {
            this.includes = globs == null ? List.of() : List.copyOf(globs);
            return this;
        }

        /** Globs of the protos to leave out; they stay importable. */
        public Builder excludes(List<String> globs) {
            this.excludes = globs == null ? List.of() : List.copyOf(globs);
            return this;
        }

        /** The project's inference rules, or null for the defaults alone. */
        public Builder rulesFile(Path file) {
            this.rulesFile = file;
            return this;
        }

        public Builder replaceDefaultRules(boolean replace) {
            this.replaceDefaultRules = replace;
            return this;
        }

        /** The overrides file; null looks for the conventional one ({@link Overrides#conventional}). */
        public Builder overridesFile(Path file) {
            this.overridesFile = file;
            return this;
        }

        /** Where the registry goes; null means {@code target/switchboard}. */
        public Builder registryDirectory(Path directory) {
            this.registryDirectory = directory;
            return this;
        }

        public Builder failOnMissingSources(boolean fail) {
            this.failOnMissingSources = fail;
            return this;
        }

        /**
         * The version of the front end (plugin or command line), part of the fingerprint; by default the
         * engine's own.
         */
        public Builder pluginVersion(String version) {
            this.pluginVersion = version;
            return this;
        }

        /** The jar of the front end, whose stamp is part of the fingerprint; by default the engine's. */
        public Builder pluginArchive(Path archive) {
            this.pluginArchive = archive;
            return this;
        }

        public Builder discoverAws(boolean discover) {
            this.discoverAws = discover;
            return this;
        }

        /** Group name → the services moved into it. */
        public Builder groups(Map<String, List<String>> groups) {
            this.groups = groups == null ? Map.of() : groups;
            return this;
        }

        /** Which services the build generates; null means all. */
        public Builder selection(Selection selection) {
            this.selection = selection == null ? Selection.all() : selection;
            return this;
        }

        /**
         * Dependencies whose protos become services like those of the source roots, the globs applying
         * inside their jars; their jars become importable too.
         */
        public Builder protoSourceDependencies(List<DependencyArtifact> dependencies) {
            this.protoSourceDependencies = List.copyOf(dependencies);
            return this;
        }

        /** Dependencies whose bundled {@code META-INF/switchboard/registry.json} is merged in. */
        public Builder registryDependencies(List<DependencyArtifact> dependencies) {
            this.registryDependencies = List.copyOf(dependencies);
            return this;
        }

        /**
         * @throws InputException when more than one conventional overrides file is there (see {@link
         *     Overrides#conventional})
         */
        public RegistryRequest build() throws InputException {
            List<Path> roots = sourceRoots.isEmpty()
                    ? List.of(base.resolve(ProtoSourceScanner.CONVENTIONAL_ROOT))
                    : resolved(sourceRoots);
            Path registry =
                    registryDirectory != null ? resolved(registryDirectory) : base.resolve(DEFAULT_REGISTRY_DIRECTORY);
            List<Path> archives = new ArrayList<>(resolved(dependencyArchives));
            // What a source dependency's protos import from its own jar must resolve, whether or not the
            // project depends on it.
            protoSourceDependencies.stream()
                    .map(d -> resolved(d.file()))
                    .filter(f -> !archives.contains(f))
                    .forEach(archives::add);
            ProtoInputs protos = new ProtoInputs(
                    base,
                    roots,
                    resolved(importPaths),
                    archives,
                    includes,
                    excludes,
                    protoSourceDependencies,
                    registry.resolveSibling(registry.getFileName() + UNPACK_SUFFIX));
            return new RegistryRequest(
                    protos,
                    resolved(rulesFile),
                    replaceDefaultRules,
                    overridesFile != null ? resolved(overridesFile) : Overrides.conventional(base),
                    registry,
                    failOnMissingSources,
                    pluginVersion != null ? pluginVersion : EngineVersion.VERSION,
                    pluginArchive != null ? pluginArchive : EngineVersion.archive(),
                    discoverAws,
                    groups,
                    selection,
                    registryDependencies);
        }

        private List<Path> resolved(List<Path> paths) {
            return paths.stream().map(this::resolved).toList();
        }

        private Path resolved(Path path) {
            return path == null ? null : base.resolve(path).toAbsolutePath().normalize();
        }
    }
}
