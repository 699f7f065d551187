package dev.switchboard.core.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HexFormat;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * Every regular file under some directories with a digest of its bytes, so a bad-input test can say
 * "after the failure every earlier output is byte-identical, and no file was added or removed".
 */
public final class OutputSnapshot {
    private final Map<String, String> digests;

    private OutputSnapshot(Map<String, String> digests) {
        this.digests = digests;
    }

    /** Takes the snapshot of every file below each directory (a missing directory counts as empty). */
    public static OutputSnapshot of(Path... directories) {
        Map<String, String> digests = new TreeMap<>();
        for (Path directory : directories) {
            if (!Files.isDirectory(directory)) {
                continue;
            }
            try (Stream<Path> files = Files.walk(directory)) {
                files.filter(Files::isRegularFile).forEach(file -> digests.put(file.toString(), digest(file)));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return new OutputSnapshot(digests);
    }

    /** Fails, naming the files that differ, unless the directories now hold exactly what they held then. */
    public void assertUnchangedSince(OutputSnapshot earlier) {
        assertThat(digests).as("outputs after the failed run").isEqualTo(earlier.digests);
    }

    public void assertUnchanged(Path... directories) {
        of(directories).assertUnchangedSince(this);
    }

    public int size() {
        return digests.size();
    }

    private static String digest(Path file) {
        try {
            return HexFormat.of()
                    .formatHex(
                            java.security.MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
