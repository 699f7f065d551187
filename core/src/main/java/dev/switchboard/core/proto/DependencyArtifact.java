package dev.switchboard.core.proto;

import java.nio.file.Path;

/**
 * A dependency's file, as the build tool resolved it.
 *
 * @param coordinates {@code groupId:artifactId:version}, as the registry records it
 * @param file the jar, or the class directory of a module built in the same reactor before packaging
 */
public record DependencyArtifact(String coordinates, Path file) {

    /** {@code groupId:artifactId}, which names the artifact whatever its version. */
    public String key() {
        int version = coordinates.lastIndexOf(':');
        return version < 0 ? coordinates : coordinates.substring(0, version);
    }
}
