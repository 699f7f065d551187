package dev.switchboard.core.inspect;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.runtime.registry.Dependency;
import dev.switchboard.runtime.registry.Registry;
import dev.switchboard.runtime.registry.ServiceEntry;
import dev.switchboard.runtime.registry.ServiceKind;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class RegistrySummaryTest {
    @Test
    @DisplayName("the registry summary aligns one line per service with its kind, group, methods and dependencies")
    void rendersSummary() {
        Registry registry = Registry.of(
                "f",
                List.of(
                        ServiceEntry.builder("notification", ServiceKind.GRPC)
                                .group("messaging")
                                .addDependency(new Dependency("user", "type:a.User"))
                                .build(),
                        ServiceEntry.builder("s3", ServiceKind.AWS).build()));

        assertThat(RegistrySummary.lines(registry))
                .containsExactly(
                        "notification  grpc  messaging    0 methods  -> user",
                        "s3            aws   -            0 methods");
    }
}
