package dev.switchboard.benchmarks;

import com.google.api.AnnotationsProto;
import com.google.protobuf.Message;
import dev.switchboard.core.diag.InputException;
import dev.switchboard.core.registry.RegistryBuilder;
import dev.switchboard.core.registry.RegistryRequest;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * A generated benchmark project and the {@link RegistryRequest} that {@code RegistryMojo} would build
 * for it with the default configuration, so the in-JVM benchmarks call the engine exactly as the goal
 * does: one source root, no import paths, the project's compile dependencies (the common-protos jar
 * and the protobuf-java jar it brings) as dependency archives, and the builder's conventions for the
 * rest (default rules, no overrides, AWS discovery on, every service selected), which are the goal's
 * defaults.
 */
public record BenchProject(Path directory, int files, RegistryRequest request) {

    /** Where the in-JVM benchmarks generate their trees; relative paths are against the working directory. */
    public static final String DIRECTORY_PROPERTY = "switchboard.bench.dir";

    static final String DEFAULT_DIRECTORY = "target/jmh-trees";

    /** Generates (or reuses) the tree of {@code files} protos under {@link #DIRECTORY_PROPERTY}. */
    public static BenchProject of(int files) throws IOException {
        Path parent = Path.of(System.getProperty(DIRECTORY_PROPERTY, DEFAULT_DIRECTORY)).toAbsolutePath();
        return at(parent.resolve("tree-" + files), files);
    }

    static BenchProject at(Path directory, int files) throws IOException {
        Path dir = directory.toAbsolutePath().normalize();
        ProtoTreeGenerator.generate(dir, files);
        try {
            RegistryRequest request = RegistryRequest.builder(dir)
                    .sourceRoots(List.of(ProtoTreeGenerator.protoRoot(dir)))
                    .dependencyArchives(Stream.of(jarOf(AnnotationsProto.class), jarOf(Message.class))
                            .sorted()
                            .toList())
                    .pluginVersion(ProtoTreeGenerator.PLUGIN_VERSION)
                    .pluginArchive(jarOf(RegistryBuilder.class))
                    .build();
            return new BenchProject(dir, files, request);
        } catch (InputException e) {
            // The generated tree is always a valid request; a problem here is a bug of the benchmark.
            throw new IllegalStateException(e.getMessage(), e);
        }
    }

    /**
     * Empties the registry directory (the registry, its previous copy and whatever the engine keeps
     * beside them, such as its record of input stamps), as {@code rm -rf target/switchboard} does.
     */
    public void deleteRegistry() throws IOException {
        Path dir = request.registryDirectory();
        if (!Files.isDirectory(dir)) {
            return;
        }
        try (Stream<Path> files = Files.list(dir)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                Files.delete(file);
            }
        }
    }

    static Path jarOf(Class<?> type) {
        try {
            return Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException("cannot locate the jar of " + type.getName(), e);
        }
    }
}
