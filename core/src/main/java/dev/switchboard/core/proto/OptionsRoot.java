package dev.switchboard.core.proto;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Where Wire finds {@code switchboard/options.proto}, so users import it with no configuration: the
 * {@code switchboard-options} jar on the engine's class path (or, in this project's own build, that
 * module's classes directory).
 *
 * <p>A jar that merges the engine with its dependencies, as the command line's executable jar does, also
 * holds Wire's own {@code google/protobuf/*.proto}; on the proto path beside a project's protobuf-java
 * jar those would be ambiguous ("google/protobuf/descriptor.proto is ambiguous"). From such a jar the
 * options file alone is copied to a directory of its own, once per process.
 */
final class OptionsRoot {
    static final String OPTIONS = "switchboard/options.proto";

    /** A proto every merged jar with Wire inside holds, and a jar of the engine alone does not. */
    static final String WIRE_PROTO = "google/protobuf/descriptor.proto";

    private static Path root;

    private OptionsRoot() {}

    /** The proto path root for the options, computed once. */
    static synchronized Path get() {
        if (root == null) {
            root = of(codeSource(), OptionsRoot.class.getClassLoader());
        }
        return root;
    }

    /** {@code codeSource} itself, or a directory holding only the options when it merges other protos. */
    static Path of(Path codeSource, ClassLoader loader) {
        if (!Files.isRegularFile(codeSource) || !inside(loader.getResource(WIRE_PROTO), codeSource)) {
            return codeSource;
        }
        try (InputStream in = loader.getResourceAsStream(OPTIONS)) {
            if (in == null) {
                throw new IllegalStateException(codeSource + " lacks " + OPTIONS);
            }
            Path directory = Files.createTempDirectory("switchboard-options");
            Path file = directory.resolve(OPTIONS);
            Files.createDirectories(file.getParent());
            Files.copy(in, file);
            // Deleted in the reverse order of registration: the file, its directory, the temporary root.
            directory.toFile().deleteOnExit();
            file.getParent().toFile().deleteOnExit();
            file.toFile().deleteOnExit();
            return directory;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot copy " + OPTIONS + " out of " + codeSource, e);
        }
    }

    /** Whether the resource was found in {@code jar} ({@code jar:file:/…/x.jar!/google/…}). */
    private static boolean inside(URL resource, Path jar) {
        if (resource == null || !"jar".equals(resource.getProtocol())) {
            return false;
        }
        String spec = resource.getPath();
        int bang = spec.indexOf("!/");
        try {
            return bang > 0 && Path.of(new URI(spec.substring(0, bang))).equals(jar);
        } catch (URISyntaxException | IllegalArgumentException e) {
            // Not a local file: a jar served some other way is never the engine's code source.
            return false;
        }
    }

    /** The jar or directory the options file is loaded from. */
    private static Path codeSource() {
        URL options = OptionsRoot.class.getClassLoader().getResource(OPTIONS);
        if (options == null) {
            throw new IllegalStateException(
                    "switchboard-options, which holds " + OPTIONS + ", is missing from the class path");
        }
        try {
            if ("jar".equals(options.getProtocol())) {
                String spec = options.getPath();
                return Path.of(new URI(spec.substring(0, spec.indexOf("!/"))));
            }
            // A directory: the root is two levels above switchboard/options.proto.
            return Path.of(options.toURI()).getParent().getParent();
        } catch (URISyntaxException e) {
            throw new IllegalStateException("cannot locate " + OPTIONS + " at " + options, e);
        }
    }
}
