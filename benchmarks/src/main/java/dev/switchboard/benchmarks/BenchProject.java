package dev.switchboard.benchmarks;

import com.google.api.AnnotationsProto;
import com.google.protobuf.Message;
import dev.switchboard.core.proto.ProtoInputs;
import dev.switchboard.core.registry.RegistryBuilder;
import dev.switchboard.core.registry.RegistryRequest;
import java.io.IOException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * A generated benchmark project and the {@link RegistryRequest} that {@code RegistryMojo} would build
 * for it with the default configuration, so the in-JVM benchmarks call the engine exactly as the goal
 * does: one source root, no import paths, the project's compile dependencies (the common-protos jar
 * and the protobuf-java jar it brings) as dependency archives, default rules, no overrides, AWS
 * discovery on, every service selected.
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
        ProtoInputs protos = new ProtoInputs(
                dir,
                List.of(ProtoTreeGenerator.protoRoot(dir)),
                List.of(),
                Stream.of(jarOf(AnnotationsProto.class), jarOf(Message.class))
                        .sorted()
                        .toList(),
                null,
                null);
        Map<String, Object> settings = new HashMap<>();
        settings.put("protos", protos);
        settings.put("rulesFile", null);
        settings.put("replaceDefaultRules", false);
        settings.put("overridesFile", null);
        settings.put("registryDirectory", dir.resolve("target/switchboard"));
        settings.put("failOnMissingSources", false);
        settings.put("pluginVersion", ProtoTreeGenerator.PLUGIN_VERSION);
        settings.put("pluginArchive", jarOf(RegistryBuilder.class));
        settings.put("discoverAws", true); // the mojo's default
        settings.put("groups", Map.of());
        settings.put("selection", null); // every service, as with no -Dswitchboard.services
        RegistryRequest request = request(settings);
        return new BenchProject(dir, files, request);
    }

    /**
     * The request, built through the record's canonical constructor by component name: the engine's
     * request grows while the plugin is young, and the benchmarks should keep building with the
     * defaults a new component's mojo parameter has (false or null, reported on stderr) rather than
     * break on every added field.
     */
    static RegistryRequest request(Map<String, Object> settings) {
        RecordComponent[] components = RegistryRequest.class.getRecordComponents();
        Class<?>[] types = new Class<?>[components.length];
        Object[] values = new Object[components.length];
        for (int i = 0; i < components.length; i++) {
            RecordComponent c = components[i];
            types[i] = c.getType();
            if (settings.containsKey(c.getName())) {
                values[i] = settings.get(c.getName());
            } else {
                values[i] = c.getType() == boolean.class ? Boolean.FALSE : null;
                System.err.println("benchmarks: RegistryRequest." + c.getName() + " is new to the benchmarks; passing "
                        + values[i] + " (teach BenchProject its mojo default)");
            }
        }
        try {
            return RegistryRequest.class.getDeclaredConstructor(types).newInstance(values);
        } catch (InvocationTargetException e) {
            throw new IllegalStateException("RegistryRequest refused the benchmark settings " + settings, e.getCause());
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot call RegistryRequest's canonical constructor", e);
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
