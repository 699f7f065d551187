package dev.switchboard.cli.inputs;

import dev.switchboard.core.diag.InputException;
import dev.switchboard.core.diag.Problem;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A local Maven repository ({@code ~/.m2/repository}), read the way Maven lays it out. The command line
 * resolves nothing remotely: what a build downloaded or installed is there, and the fix for anything
 * else is one {@code mvn dependency:get}.
 */
public final class LocalRepository {
    private final Path root;

    public LocalRepository(Path root) {
        this.root = root;
    }

    /**
     * The repository Maven uses by default: {@code -Dmaven.repo.local} when the JVM was given it, else
     * {@code ~/.m2/repository}.
     */
    public static LocalRepository standard() {
        String configured = System.getProperty("maven.repo.local");
        return new LocalRepository(
                configured != null && !configured.isBlank()
                        ? Path.of(configured)
                        : Path.of(System.getProperty("user.home"), ".m2", "repository"));
    }

    /** Whether {@code value} has the shape of coordinates rather than of a path. */
    public static boolean isCoordinates(String value) {
        String[] parts = value.split(":", -1);
        return parts.length >= 3 && parts.length <= 5 && !value.contains("/") && !value.contains("\\");
    }

    /**
     * The file of {@code groupId:artifactId[:extension[:classifier]]:version}.
     *
     * @param option the option that named the artifact, for problems
     * @throws InputException when the coordinates are malformed or the file is not in the repository
     */
    public Path resolve(String coordinates, String option) throws InputException {
        String[] parts = coordinates.split(":", -1);
        for (String part : parts) {
            if (part.isBlank()) {
                throw new InputException(Problem.in(
                        option,
                        "\"" + coordinates + "\" has an empty part",
                        "write groupId:artifactId:version, e.g. com.acme:orders:1.4.0"));
            }
        }
        String group = parts[0];
        String artifact = parts[1];
        String version = parts[parts.length - 1];
        String extension = parts.length >= 4 ? parts[2] : "jar";
        String classifier = parts.length == 5 ? "-" + parts[3] : "";
        Path file = root.resolve(group.replace('.', '/'))
                .resolve(artifact)
                .resolve(version)
                .resolve(artifact + "-" + version + classifier + "." + extension);
        if (!Files.isRegularFile(file)) {
            throw new InputException(Problem.in(
                    option,
                    coordinates + " is not in the local repository " + root + " (looked for " + file + ")",
                    "fetch it with `mvn dependency:get -Dartifact=" + coordinates
                            + "`, or point --local-repository at the repository that has it"));
        }
        return file;
    }
}
