package dev.switchboard.core.io;

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

    @Test
    @DisplayName("the temporaries of killed writes are removed: all below an output tree, only the named files' in a"
            + " shared directory")
    void removesLeftovers(@TempDir Path dir) throws Exception {
        Path tree = dir.resolve("sources");
        Files.createDirectories(tree.resolve("com/acme"));
        Files.writeString(tree.resolve("com/acme/.S3Provider.java123456789.tmp"), "half");
        Files.writeString(tree.resolve("com/acme/S3Provider.java"), "whole");
        Files.writeString(tree.resolve(".tmp"), "not ours");
        Path shared = dir.resolve("switchboard");
        Files.createDirectories(shared);
        Files.writeString(shared.resolve(".registry.json42.tmp"), "{");
        Files.writeString(shared.resolve(".graph.dot42.tmp"), "another tool's");
        // A name that ends in digits: the temporary's digits follow them.
        Files.writeString(shared.resolve(".sources.sha2564711.tmp"), "half");
        Files.writeString(shared.resolve(".sources.sha256.tmp"), "not a temporary of ours");

        assertThat(AtomicFiles.removeLeftovers(tree)).hasSize(1);
        assertThat(AtomicFiles.removeLeftovers(shared, java.util.Set.of("registry.json", "sources.sha256")))
                .hasSize(2);
        assertThat(shared.resolve(".sources.sha2564711.tmp")).doesNotExist();
        assertThat(shared.resolve(".sources.sha256.tmp")).exists();

        assertThat(tree.resolve("com/acme/S3Provider.java")).exists();
        assertThat(tree.resolve("com/acme/.S3Provider.java123456789.tmp")).doesNotExist();
        assertThat(tree.resolve(".tmp")).exists();
        assertThat(shared.resolve(".registry.json42.tmp")).doesNotExist();
        assertThat(shared.resolve(".graph.dot42.tmp")).exists();
    }
}
