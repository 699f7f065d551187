package dev.switchboard.cli;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HexFormat;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * A copy of the registry-quickstart example's protos in a directory of its own, as a user's project:
 * four gRPC services that import {@code google/api/annotations.proto} from the common-protos jar, which
 * the command line gets with {@code --classpath}.
 */
final class Sample {
    private static final Path EXAMPLE = Path.of(System.getProperty("switchboard.examples"), "registry-quickstart");

    private Sample() {}

    /** Copies the example's {@code src/main/proto} into {@code directory}. */
    static Path quickstart(Path directory) {
        Path source = EXAMPLE.resolve("src/main/proto");
        try (Stream<Path> files = Files.walk(source)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                Path target = directory
                        .resolve("src/main/proto")
                        .resolve(source.relativize(file).toString());
                Files.createDirectories(target.getParent());
                Files.copy(file, target);
            }
            return directory;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The compile classpath of a project that generates the sample's factory, as {@code mvn
     * dependency:build-classpath} writes it: {@link #protoClasspath()} plus grpc-stub, which the
     * generated gRPC accessors compile against.
     */
    static String classpath() {
        return protoClasspath() + File.pathSeparator + jarOf("io/grpc/stub/AbstractStub.class");
    }

    /**
     * The example's compile classpath: the proto-google-common-protos jar and the protobuf-java jar it
     * depends on, which also holds {@code google/protobuf/*.proto}, as Wire inside the executable jar does.
     */
    static String protoClasspath() {
        return jarOf("google/api/annotations.proto") + File.pathSeparator + jarOf("com/google/protobuf/Message.class");
    }

    private static String jarOf(String resource) {
        String spec = Sample.class.getClassLoader().getResource(resource).toString();
        try {
            return Path.of(new URI(spec.substring("jar:".length(), spec.indexOf("!/"))))
                    .toString();
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Writes {@code text} to {@code path} under {@code directory}. */
    static Path write(Path directory, String path, String text) {
        try {
            Path file = directory.resolve(path);
            Files.createDirectories(file.getParent());
            return Files.writeString(file, text, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Every file below {@code directory} with a digest of its bytes, to tell that a failed run changed none. */
    static Map<String, String> snapshot(Path directory) {
        Map<String, String> digests = new TreeMap<>();
        if (!Files.isDirectory(directory)) {
            return digests;
        }
        try (Stream<Path> files = Files.walk(directory)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                digests.put(
                        directory.relativize(file).toString(),
                        HexFormat.of()
                                .formatHex(java.security.MessageDigest.getInstance("SHA-256")
                                        .digest(Files.readAllBytes(file))));
            }
            return digests;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
