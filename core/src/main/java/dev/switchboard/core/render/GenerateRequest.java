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
     * A user template and where its output goes.
     *
     * @param template the template file
     * @param output the output path, relative to the source directory; {@code {service}} in it renders the
     *     template once per selected service, with {@code service} in the model
     */
    public record Generator(Path template, String output) {}
}
