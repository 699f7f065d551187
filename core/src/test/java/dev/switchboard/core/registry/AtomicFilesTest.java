package dev.switchboard.core.registry;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AtomicFilesTest {

    @Test
    @DisplayName("a new file is readable by all as a plain write would make it; a replaced one keeps its permissions")
    void keepsOrdinaryPermissions(@TempDir Path dir) throws Exception {
        Path fresh = dir.resolve("registry.json");
        AtomicFiles.write(fresh, "{}".getBytes());
        Path existing = dir.resolve("kept.json");
        Files.writeString(existing, "old");
        Files.setPosixFilePermissions(existing, PosixFilePermissions.fromString("rw-rw-r--"));

        AtomicFiles.write(existing, "new".getBytes());

        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(fresh)))
                .isEqualTo("rw-r--r--");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(existing)))
                .isEqualTo("rw-rw-r--");
        assertThat(existing).hasContent("new");
        try (var files = Files.list(dir)) {
            assertThat(files.map(p -> p.getFileName().toString()))
                    .containsExactlyInAnyOrder("registry.json", "kept.json");
        }
    }
}
