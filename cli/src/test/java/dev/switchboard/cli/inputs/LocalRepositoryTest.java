package dev.switchboard.cli.inputs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.switchboard.core.diag.InputException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LocalRepositoryTest {
    @TempDir
    Path repository;

    @Test
    @DisplayName("coordinates resolve to the file Maven lays out, with extension and classifier when given")
    void resolves() throws Exception {
        Path jar = Files.createDirectories(repository.resolve("com/acme/orders/1.4.0"))
                .resolve("orders-1.4.0.jar");
        Files.createFile(jar);
        Path tests = Files.createFile(jar.resolveSibling("orders-1.4.0-tests.zip"));
        LocalRepository local = new LocalRepository(repository);

        assertThat(local.resolve("com.acme:orders:1.4.0", "--against")).isEqualTo(jar);
        assertThat(local.resolve("com.acme:orders:zip:tests:1.4.0", "--against"))
                .isEqualTo(tests);
    }

    @Test
    @DisplayName("coordinates and paths are told apart by their shape")
    void shapes() {
        assertThat(LocalRepository.isCoordinates("com.acme:orders:1.4.0")).isTrue();
        assertThat(LocalRepository.isCoordinates("target/old.json")).isFalse();
        assertThat(LocalRepository.isCoordinates("old.json")).isFalse();
        assertThat(LocalRepository.isCoordinates("C:\\old.json")).isFalse();
    }

    @Test
    @DisplayName("an artifact not in the repository names where it was looked for and the command that fetches it")
    void missing() {
        assertThatThrownBy(() -> new LocalRepository(repository).resolve("com.acme:orders:2.0.0", "--against"))
                .isInstanceOf(InputException.class)
                .hasMessageContaining("--against: com.acme:orders:2.0.0 is not in the local repository " + repository)
                .hasMessageContaining("fetch it with `mvn dependency:get -Dartifact=com.acme:orders:2.0.0`");
        assertThatThrownBy(() -> new LocalRepository(repository).resolve("com.acme::2.0.0", "--against"))
                .isInstanceOf(InputException.class)
                .hasMessageContaining("has an empty part; write groupId:artifactId:version");
    }
}
