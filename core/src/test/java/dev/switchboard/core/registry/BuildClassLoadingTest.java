package dev.switchboard.core.registry;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.core.testing.ChildJvm;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What a build loads, seen in a JVM of its own: in a fresh JVM, Jackson's object mapper cost a small
 * project's build over a quarter of its time to start (benchmarks/BENCHMARKS.md), so the default rules, the
 * registry and the proto cache are read and written token by token.
 */
class BuildClassLoadingTest {

    @Test
    @DisplayName("a cold build and an edit of a proto project load none of Jackson's databind classes")
    void noDatabind(@TempDir Path dir) throws Exception {
        Path root = dir.resolve("src/main/proto");
        Path go = Files.createFile(dir.resolve("go"));

        // Two builds of a service that is new each time: the first from scratch, the second reads the caches.
        try (ChildJvm child = ChildJvm.start(
                List.of("-Xlog:class+load=info"),
                RegistryBuildChild.class,
                dir.toString(),
                root.toString(),
                "2",
                go.toString(),
                "lonely")) {
            child.awaitSuccess(Duration.ofSeconds(120));
            List<String> loaded = child.output()
                    .lines()
                    .filter(line -> line.contains("[class,load]"))
                    .toList();

            assertThat(child.output().lines().filter(line -> line.startsWith("built ")))
                    .hasSize(2);
            assertThat(loaded)
                    .as("the class-loading log, and the streaming parser in it")
                    .anyMatch(line -> line.contains(" com.fasterxml.jackson.core.JsonFactory "));
            assertThat(loaded).noneMatch(line -> line.contains(" com.fasterxml.jackson.databind."));
        }
        assertThat(dir.resolve("target/switchboard/protos.cache")).exists();
    }
}
