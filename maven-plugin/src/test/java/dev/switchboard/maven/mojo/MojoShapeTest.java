package dev.switchboard.maven.mojo;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Goals stay thin: a goal reads its parameters, builds one request, calls the engine and maps the
 * outcome; anything longer than a screenful has engine logic in it that belongs in switchboard-core.
 */
class MojoShapeTest {
    private static final int MOST_LINES = 150;

    @Test
    @DisplayName("every class of the goals package is at most 150 lines")
    void goalsAreThin() throws IOException {
        Path sources = Path.of("src/main/java/dev/switchboard/maven/mojo");
        Map<String, Long> tooLong = new TreeMap<>();
        try (Stream<Path> files = Files.list(sources)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                long lines;
                try (Stream<String> text = Files.lines(file)) {
                    lines = text.count();
                }
                if (lines > MOST_LINES) {
                    tooLong.put(file.getFileName().toString(), lines);
                }
            }
        }
        assertThat(tooLong).as("goal classes over %d lines", MOST_LINES).isEmpty();
    }
}
