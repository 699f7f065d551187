package dev.switchboard.core.render;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.switchboard.core.registry.RegistrySummary;
import dev.switchboard.runtime.registry.Dependency;
import dev.switchboard.runtime.registry.Registry;
import dev.switchboard.runtime.registry.ServiceEntry;
import dev.switchboard.runtime.registry.ServiceKind;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class TemplateRendererTest {

    @Test
    @DisplayName("an undefined value fails the render with the template's name and line")
    void strictAboutMissingValues() {
        assertThatThrownBy(() -> new TemplateRenderer()
                        .render("registry-summary.txt.ftl", Map.of("services", List.of(Map.of("name", "x")))))
                .isInstanceOf(RenderException.class)
                .hasMessageStartingWith("registry-summary.txt.ftl:4:");
    }

    @Test
    @DisplayName("the registry summary aligns one line per service with its kind, group, methods and dependencies")
    void rendersSummary() throws Exception {
        Registry registry = Registry.of(
                "f",
                List.of(
                        ServiceEntry.builder("notification", ServiceKind.GRPC)
                                .group("messaging")
                                .addDependency(new Dependency("user", "type:a.User"))
                                .build(),
                        ServiceEntry.builder("s3", ServiceKind.AWS).build()));

        assertThat(RegistrySummary.lines(registry, new TemplateRenderer(), RegistrySummary.Length.FULL))
                .containsExactly(
                        "notification  grpc  messaging    0 methods  -> user",
                        "s3            aws   -            0 methods");
    }
}
