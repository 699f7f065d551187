package dev.switchboard.maven.mojo;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * What {@code mvn switchboard:help -Ddetail} prints comes from the plugin's help descriptor, which
 * maven-plugin-plugin writes from the mojos' Javadoc before the tests run.
 */
class HelpTextTest {
    private static final Path HELP =
            Path.of("target/classes/META-INF/maven/dev.switchboard/switchboard-maven-plugin/plugin-help.xml");

    @Test
    @DisplayName("every ${…} expression in the help text is whole: a {@code} example does not cut it at its '}'")
    void expressionsAreWhole() throws Exception {
        String help = Files.readString(HELP);
        Matcher expression = Pattern.compile("\\$\\{[^}\\s<]*").matcher(help);
        int found = 0;
        while (expression.find()) {
            found++;
            assertThat(help.substring(expression.start(), Math.min(help.length(), expression.end() + 1)))
                    .as("an expression in plugin-help.xml")
                    .matches("\\$\\{[A-Za-z0-9_.]+}");
        }
        assertThat(found).as("expressions in the help text").isGreaterThan(5);
        assertThat(help).contains("${project.basedir}/api");
    }
}
