package dev.switchboard.core.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.switchboard.core.diag.InputException;
import dev.switchboard.core.testing.OutputSnapshot;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RollbackTest {
    @TempDir
    Path base;

    @Test
    @DisplayName("rollback swaps the registry with the previous one and forgets the input stamps")
    void swaps() throws Exception {
        RegistryRequest request = RegistryRequest.builder(base).build();
        Files.createDirectories(request.registryDirectory());
        Files.writeString(request.registryFile(), "new");
        Files.writeString(request.previousFile(), "old");
        Files.writeString(request.registryDirectory().resolve(InputStamps.FILE), "stamps");

        Rollback.restore(request);
        assertThat(request.registryFile()).hasContent("old");
        assertThat(request.previousFile()).hasContent("new");
        assertThat(request.registryDirectory().resolve(InputStamps.FILE)).doesNotExist();

        Rollback.restore(request);
        assertThat(request.registryFile()).hasContent("new");
    }

    @Test
    @DisplayName("rollback without a previous registry names the missing file and changes nothing")
    void nothingToRollBackTo() throws Exception {
        RegistryRequest request = RegistryRequest.builder(base).build();
        Files.createDirectories(request.registryDirectory());
        Files.writeString(request.registryFile(), "current");
        OutputSnapshot before = OutputSnapshot.of(request.registryDirectory());

        assertThatThrownBy(() -> Rollback.restore(request))
                .isInstanceOf(InputException.class)
                .hasMessageContaining("target/switchboard/registry.previous.json: does not exist, so there is nothing"
                        + " to roll back to; one is kept each time a build changes the registry");
        before.assertUnchanged(request.registryDirectory());
    }
}
