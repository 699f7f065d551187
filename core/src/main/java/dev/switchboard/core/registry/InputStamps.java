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

    private static final long PRIME = 0x100000001b3L;

    private long hash = 0xcbf29ce484222325L;
    private long newest;

    /** What {@link #FILE} recorded: the stamp hash, the content fingerprint, and when it was written. */
    record Recorded(String stamps, String fingerprint, long writtenAt) {}

    /**
     * Adds a value. The hash runs over the string's chars and a stamp's numbers as they are, with no
     * encoding or formatting: it is only ever compared with itself, and an unchanged build of a large
     * tree hashes thousands of them. Each step is a bijection of the hash, so one changed char or number,
     * all else equal, always changes it; the end mark lies outside the chars, so strings cannot run into
     * one another.
     */
    InputStamps add(String value) {
        if (value == null) {
            return mix(0x1_0001);
        }
        for (int i = 0; i < value.length(); i++) {
            hash = (hash ^ value.charAt(i)) * PRIME;
        }
        return mix(0x1_0000);
    }

    InputStamps add(String name, long size, long modified) {
        newest = Math.max(newest, modified);
        return add(name).mix(size).mix(modified);
    }

    private InputStamps mix(long value) {
        hash = (hash ^ value) * PRIME;
        return this;
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
