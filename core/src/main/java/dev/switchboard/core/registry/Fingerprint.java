package dev.switchboard.core.registry;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * A SHA-256 over labelled inputs. Labels keep inputs apart ({@code a}+{@code bc} differs from {@code
 * ab}+{@code c}); callers add inputs in a sorted order so the digest is stable across machines.
 */
final class Fingerprint {
    private final MessageDigest digest;

    Fingerprint() {
        try {
            digest = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK provides SHA-256", e);
        }
    }

    Fingerprint add(String label, String value) {
        put(label);
        put(value == null ? "\u0000null" : value);
        return this;
    }

    /** The file's bytes; for inputs whose content is read anyway or is small. */
    Fingerprint addContent(String label, Path file) throws IOException {
        put(label);
        digest.update(Files.readAllBytes(file));
        return this;
    }

    /** Bytes already read. */
    Fingerprint addBytes(byte[] bytes) {
        digest.update(bytes);
        return this;
    }

    /**
     * The file's name and size; for archives whose content would cost more to hash than the no-op
     * budget allows. Not the path or modification time: those differ between machines, and the
     * registry must come out byte for byte the same on every machine. Maven archive names carry the
     * version, so a changed dependency is seen; a rebuilt snapshot of exactly the same size is not.
     */
    Fingerprint addStamp(String label, Path file) throws IOException {
        put(label);
        put(String.valueOf(file.getFileName()));
        if (Files.isRegularFile(file)) {
            put(Long.toString(Files.size(file)));
        } else {
            put(Files.exists(file) ? "directory" : "absent");
        }
        return this;
    }

    String hex() {
        return HexFormat.of().formatHex(digest.digest());
    }

    private void put(String s) {
        byte[] bytes = s.getBytes(StandardCharsets.UTF_8);
        digest.update((byte) (bytes.length >>> 24));
        digest.update((byte) (bytes.length >>> 16));
        digest.update((byte) (bytes.length >>> 8));
        digest.update((byte) bytes.length);
        digest.update(bytes);
    }
}
