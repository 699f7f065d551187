package dev.switchboard.core.render;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class TemplateRendererTest {

    @Test
    @DisplayName("an undefined value fails the render with the template's name and line")
    void strictAboutMissingValues() {
        assertThatThrownBy(
                        () -> new TemplateRenderer().render("ServiceNames.java.ftl", Map.of("packageName", "com.acme")))
                .isInstanceOf(RenderException.class)
                .hasMessageStartingWith("ServiceNames.java.ftl:");
    }
}
