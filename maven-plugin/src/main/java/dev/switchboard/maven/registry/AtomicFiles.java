package dev.switchboard.maven.registry;

import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Arrays;

/**
 * Writes that either happen whole or not at all: the bytes go to a temporary file beside the target,
 * which is then moved over it, so a reader or a failed run never sees half a file.
 */
public final class AtomicFiles {
    private AtomicFiles() {}

    /**
     * Writes {@code content} unless the file already holds exactly that.
     *
     * @return whether the file was written
     */
    public static boolean writeIfChanged(Path target, byte[] content) throws IOException {
        if (Files.isRegularFile(target)
                && Files.size(target) == content.length
                && Arrays.equals(Files.readAllBytes(target), content)) {
            return false;
        }
        write(target, content);
        return true;
    }

    /** Replaces {@code target} with {@code content} atomically. */
    public static void write(Path target, byte[] content) throws IOException {
        Path dir = target.toAbsolutePath().getParent();
        Files.createDirectories(dir);
        Path temp = Files.createTempFile(dir, "." + target.getFileName(), ".tmp");
        try {
            Files.write(temp, content);
            move(temp, target);
        } finally {
            Files.deleteIfExists(temp);
        }
    }

    /** Copies {@code source} over {@code target} atomically. */
    public static void copy(Path source, Path target) throws IOException {
        write(target, Files.readAllBytes(source));
    }

    private static void move(Path temp, Path target) throws IOException {
        try {
            Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
        }
    }
}
