package dev.switchboard.core.io;

import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Writes that either happen whole or not at all: the bytes go to a temporary file beside the target,
 * which is then moved over it, so a reader or a failed run never sees half a file.
 */
public final class AtomicFiles {
    /**
     * The name {@link Files#createTempFile} gives the temporary beside {@code name}: a dot, the name, the
     * random digits it appends, {@code .tmp}. A run killed between creating and moving it leaves it behind.
     */
    private static final Pattern TEMPORARY = Pattern.compile("\\..+\\d+\\.tmp");

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
            permissions(temp, target);
            move(temp, target);
        } finally {
            Files.deleteIfExists(temp);
        }
    }

    /** Copies {@code source} over {@code target} atomically. */
    public static void copy(Path source, Path target) throws IOException {
        write(target, Files.readAllBytes(source));
    }

    /**
     * Deletes the temporaries that killed writes left anywhere below {@code directory}, which holds only
     * files this class writes (the generated sources and resources).
     *
     * @return the files deleted
     */
    public static List<Path> removeLeftovers(Path directory) throws IOException {
        if (!Files.isDirectory(directory)) {
            return List.of();
        }
        List<Path> leftovers;
        try (Stream<Path> walk = Files.walk(directory)) {
            leftovers = walk.filter(
                            f -> TEMPORARY.matcher(f.getFileName().toString()).matches() && Files.isRegularFile(f))
                    .toList();
        }
        for (Path leftover : leftovers) {
            Files.deleteIfExists(leftover);
        }
        return leftovers;
    }

    /**
     * Deletes the temporaries that killed writes of the named files left directly in {@code directory},
     * which other tools may share (only the temporaries of {@code targets} are touched).
     *
     * @return the files deleted
     */
    public static List<Path> removeLeftovers(Path directory, Collection<String> targets) throws IOException {
        if (!Files.isDirectory(directory)) {
            return List.of();
        }
        List<Path> deleted = new ArrayList<>();
        try (Stream<Path> list = Files.list(directory)) {
            for (Path file : list.toList()) {
                String name = file.getFileName().toString();
                if (targets.stream().anyMatch(target -> isTemporaryOf(name, target)) && Files.deleteIfExists(file)) {
                    deleted.add(file);
                }
            }
        }
        return deleted;
    }

    /**
     * Whether {@code name} is a temporary of {@code target}: a dot, the target's name, digits, {@code .tmp}.
     * Matched against the name itself, since one that ends in digits ({@code sources.sha256}) leaves the
     * pattern alone no way to tell where the name ends.
     */
    private static boolean isTemporaryOf(String name, String target) {
        String prefix = "." + target;
        if (!name.startsWith(prefix) || !name.endsWith(".tmp")) {
            return false;
        }
        String digits = name.substring(prefix.length(), name.length() - ".tmp".length());
        return !digits.isEmpty() && digits.chars().allMatch(Character::isDigit);
    }

    /**
     * A temporary file is created owner-only; the file it replaces keeps its permissions, and a new one
     * gets those of an ordinary file ({@code rw-r--r--}), as a plain write would give it.
     */
    private static void permissions(Path temp, Path target) throws IOException {
        if (!Files.getFileStore(temp).supportsFileAttributeView(PosixFileAttributeView.class)) {
            return;
        }
        Set<PosixFilePermission> wanted = Files.exists(target)
                ? Files.getPosixFilePermissions(target)
                : PosixFilePermissions.fromString("rw-r--r--");
        Files.setPosixFilePermissions(temp, wanted);
    }

    private static void move(Path temp, Path target) throws IOException {
        try {
            Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
        }
    }
}
