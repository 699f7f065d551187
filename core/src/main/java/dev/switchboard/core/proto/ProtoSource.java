package dev.switchboard.core.proto;

import java.nio.file.Path;

/**
 * One proto file of a source root.
 *
 * @param root the source root
 * @param relativePath the path below the root with {@code /} separators, as imports name it
 * @param size the file's size when it was found
 * @param modified the file's modification time (epoch milliseconds) when it was found
 */
public record ProtoSource(Path root, String relativePath, long size, long modified) implements Comparable<ProtoSource> {

    public Path file() {
        return root.resolve(relativePath);
    }

    @Override
    public int compareTo(ProtoSource other) {
        int byPath = relativePath.compareTo(other.relativePath);
        return byPath != 0 ? byPath : root.compareTo(other.root);
    }
}
