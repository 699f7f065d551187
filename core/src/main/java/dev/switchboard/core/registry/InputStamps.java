package dev.switchboard.core.registry;

import dev.switchboard.core.io.AtomicFiles;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.List;

/**
 * The cheap half of "is the registry up to date": a 64-bit hash of every input's name, size and
 * modification time, kept beside the registry in {@code registry.inputs} with the content fingerprint
 * it stood for. When the stamps match, no source is read; when they differ, the content fingerprint
 * decides (a touched but unchanged file still ends "up to date") and the stamps are recorded anew.
 *
 * <p>The stamps are machine-local and never enter {@code registry.json}, whose fingerprint stays a
 * digest of content so the file is the same on every machine.
 */
final class InputStamps {
    static final String FILE = RegistryRequest.INPUTS_FILE;
    /** Inputs changed this close to the recording may have changed again within the clock's resolution. */
    private static final long RACY_MILLIS = 2_000;

    private long hash = 0xcbf29ce484222325L;
    private long newest;

    /** What {@link #FILE} recorded: the stamp hash, the content fingerprint, and when it was written. */
    record Recorded(String stamps, String fingerprint, long writtenAt) {}

    InputStamps add(String value) {
        byte[] bytes = (value == null ? "\u0000" : value).getBytes(StandardCharsets.UTF_8);
        for (byte b : bytes) {
            hash = (hash ^ (b & 0xff)) * 0x100000001b3L;
        }
        hash = (hash ^ 0x1f) * 0x100000001b3L;
        return this;
    }

    InputStamps add(String name, long size, long modified) {
        newest = Math.max(newest, modified);
        return add(name).add(Long.toString(size)).add(Long.toString(modified));
    }

    /** A file's size and modification time, or that it is absent. */
    InputStamps addFile(String name, Path file) {
        if (file == null) {
            return add(name).add("none");
        }
        try {
            BasicFileAttributes a = Files.readAttributes(file, BasicFileAttributes.class);
            return add(name, a.size(), a.lastModifiedTime().toMillis());
        } catch (IOException e) {
            return add(name).add("absent");
        }
    }

    String hex() {
        return Long.toHexString(hash);
    }

    /** Whether an input changed so close to the recording that equal stamps prove nothing. */
    boolean racy(Recorded recorded) {
        return newest + RACY_MILLIS >= recorded.writtenAt();
    }

    static Recorded read(Path dir) {
        Path file = dir.resolve(FILE);
        try {
            List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
            if (lines.size() < 2
                    || !lines.get(0).startsWith("stamps ")
                    || !lines.get(1).startsWith("fingerprint ")) {
                return null;
            }
            return new Recorded(
                    lines.get(0).substring("stamps ".length()),
                    lines.get(1).substring("fingerprint ".length()),
                    Files.getLastModifiedTime(file).toMillis());
        } catch (IOException e) {
            return null;
        }
    }

    void write(Path dir, String fingerprint) throws IOException {
        AtomicFiles.write(
                dir.resolve(FILE),
                ("stamps " + hex() + "\nfingerprint " + fingerprint + "\n").getBytes(StandardCharsets.UTF_8));
    }
}
