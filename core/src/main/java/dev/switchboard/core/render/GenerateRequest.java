package dev.switchboard.core.render;

import dev.switchboard.core.registry.RegistryRequest;
import java.nio.file.Path;
import java.util.List;

/**
 * Everything one {@code generate} run needs.
 *
 * @param registry the registry build it starts with (which also carries the selection)
 * @param packageName the package of the generated classes
 * @param className the factory class name
 * @param sourceDirectory where Java sources go ({@code target/generated-sources/switchboard})
 * @param resourceDirectory where resources go ({@code target/generated-resources/switchboard})
 * @param templateDirectory templates that replace bundled ones of the same name, or null
 * @param generators the user's own templates
 */
public record GenerateRequest(
        RegistryRequest registry,
        String packageName,
        String className,
        Path sourceDirectory,
        Path resourceDirectory,
        Path templateDirectory,
        List<Generator> generators) {

    public GenerateRequest {
        generators = generators == null ? List.of() : List.copyOf(generators);
    }

    /** The manifest of the files the last run produced. */
    public Path manifestFile() {
        return registry.registryDirectory().resolve("generated-files.txt");
    }

    /**
     * A request over {@code registry} with the conventions of its base directory filled in: package
     * {@value Builder#DEFAULT_PACKAGE}, factory class {@value Builder#DEFAULT_CLASS_NAME}, sources in
     * {@code target/generated-sources/switchboard}, resources in {@code
     * target/generated-resources/switchboard}, the bundled templates alone. Relative paths given to the
     * builder are taken from the base directory.
     */
    public static Builder builder(RegistryRequest registry) {
        return new Builder(registry);
    }

    /** Builds a {@link GenerateRequest}; every setting left alone keeps its convention. */
    public static final class Builder {
        /**
         * The package when none is given. The plugin's default is the project's groupId plus {@code
         * .switchboard}; without a groupId that leaves {@code switchboard}.
         */
        public static final String DEFAULT_PACKAGE = "switchboard";

        public static final String DEFAULT_CLASS_NAME = "ServiceClients";
        public static final String DEFAULT_SOURCE_DIRECTORY = "target/generated-sources/switchboard";
        public static final String DEFAULT_RESOURCE_DIRECTORY = "target/generated-resources/switchboard";

        private final RegistryRequest registry;
        private final Path base;
        private String packageName = DEFAULT_PACKAGE;
        private String className = DEFAULT_CLASS_NAME;
        private Path sourceDirectory;
        private Path resourceDirectory;
        private Path templateDirectory;
        private List<Generator> generators = List.of();

        private Builder(RegistryRequest registry) {
            this.registry = registry;
            this.base = registry.protos().baseDirectory();
        }

        /** The package of the generated classes; null keeps the default. */
        public Builder packageName(String name) {
            this.packageName = name == null ? DEFAULT_PACKAGE : name;
            return this;
        }

        /** The factory class name; null keeps the default. */
        public Builder className(String name) {
            this.className = name == null ? DEFAULT_CLASS_NAME : name;
            return this;
        }

        /** Where Java sources go; null keeps the default. */
        public Builder sourceDirectory(Path directory) {
            this.sourceDirectory = directory;
            return this;
        }

        /** Where resources go; null keeps the default. */
        public Builder resourceDirectory(Path directory) {
            this.resourceDirectory = directory;
            return this;
        }

        /** Templates that replace bundled ones of the same name, or null for none. */
        public Builder templateDirectory(Path directory) {
            this.templateDirectory = directory;
            return this;
        }

        /** The user's own templates; a relative template path is taken from the base directory. */
        public Builder generators(List<Generator> generators) {
            this.generators = List.copyOf(generators);
            return this;
        }

        public GenerateRequest build() {
            return new GenerateRequest(
                    registry,
                    packageName,
                    className,
                    resolved(sourceDirectory, DEFAULT_SOURCE_DIRECTORY),
                    resolved(resourceDirectory, DEFAULT_RESOURCE_DIRECTORY),
                    templateDirectory == null ? null : resolved(templateDirectory, null),
                    generators.stream()
                            .map(g -> new Generator(resolved(g.template(), null), g.output()))
                            .toList());
        }

        private Path resolved(Path path, String convention) {
            Path chosen = path != null ? path : Path.of(convention);
            return base.resolve(chosen).toAbsolutePath().normalize();
        }
    }

    /**
     * A user template and where its output goes.
     *
     * @param template the template file
     * @param output the output path, relative to the source directory; {@code {service}} in it renders the
     *     template once per selected service, with {@code service} in the model
     */
    public record Generator(Path template, String output) {}
}
