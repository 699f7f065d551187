package dev.switchboard.maven.mojo;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class LifecycleMappingTest {
    private static final Path M2E = Path.of("target/classes/META-INF/m2e/lifecycle-mapping-metadata.xml");
    private static final Path DESCRIPTOR = Path.of("target/classes/META-INF/maven/plugin.xml");

    private static List<String> all(Pattern pattern, String text) {
        List<String> found = new ArrayList<>();
        Matcher m = pattern.matcher(text);
        while (m.find()) {
            found.add(m.group(1));
        }
        return found;
    }

    @Test
    @DisplayName("Eclipse m2e runs registry and generate on configuration and incremental builds and ignores every"
            + " other goal the plugin has")
    void everyGoalIsMapped() throws Exception {
        String m2e = Files.readString(M2E);
        String execute = m2e.substring(0, m2e.indexOf("<execute>"));
        String ignore = m2e.substring(m2e.indexOf("<execute>"));
        Pattern goal = Pattern.compile("<goal>([a-z]+)</goal>");
        List<String> goals = all(Pattern.compile("<mojo>\\s*<goal>([a-z]+)</goal>"), Files.readString(DESCRIPTOR));

        assertThat(all(goal, execute)).containsExactly("registry", "generate");
        assertThat(m2e)
                .contains("<runOnConfiguration>true</runOnConfiguration>", "<runOnIncremental>true</runOnIncremental>");
        assertThat(all(goal, ignore)).doesNotContain("registry", "generate");
        assertThat(all(goal, m2e)).containsExactlyInAnyOrderElementsOf(goals);
    }
}
