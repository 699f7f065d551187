package dev.switchboard.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Expected stdout, checked in under {@code src/test/resources/golden} and compared whole (AssertJ prints
 * the difference). {@code ./mvnw verify -pl cli -Dswitchboard.golden.update=true} rewrites them from the
 * actual output, for a change of output made on purpose; review the diff before committing it.
 */
final class Golden {
    private static final Path DIRECTORY = Path.of(System.getProperty("switchboard.golden"));
    private static final boolean UPDATE = Boolean.getBoolean("switchboard.golden.update");

    private Golden() {}

    static void assertMatches(String name, String actual) {
        Path file = DIRECTORY.resolve(name);
        try {
            if (UPDATE) {
                Files.createDirectories(file.getParent());
                Files.writeString(file, actual, StandardCharsets.UTF_8);
                return;
            }
            assertThat(file)
                    .as("golden file %s (create it with -Dswitchboard.golden.update=true)", name)
                    .exists();
            assertThat(actual)
                    .as("stdout against golden/%s", name)
                    .isEqualTo(Files.readString(file, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
