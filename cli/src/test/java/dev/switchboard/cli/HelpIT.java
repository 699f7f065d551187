package dev.switchboard.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Help, version, the completion script and the launcher of the distribution. */
class HelpIT {
    static final List<String> COMMANDS = List.of(
            "registry",
            "generate",
            "services",
            "events",
            "inspect",
            "validate",
            "compare",
            "graph",
            "health",
            "watch",
            "profiles",
            "rollback",
            "publish",
            "fleet",
            "analyze");

    @TempDir
    Path directory;

    static Stream<String> commands() {
        return COMMANDS.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("commands")
    @DisplayName("--help and `help <command>` print the command's usage on stdout and exit 0")
    void help(String command) {
        Cli.Result option = Cli.run(directory, command, "--help");
        Cli.Result help = Cli.run(directory, "help", command);

        SoftAssertions soft = new SoftAssertions();
        soft.assertThat(option.exit()).as(option.toString()).isZero();
        soft.assertThat(option.stdout())
                .startsWith("Usage: switchboard " + command)
                .contains("--quiet", "--verbose", "--help");
        soft.assertThat(option.stderr()).isEmpty();
        soft.assertThat(help.exit()).as(help.toString()).isZero();
        soft.assertThat(help.stdout()).isEqualTo(option.stdout());
        soft.assertAll();
    }

    @Test
    @DisplayName("switchboard alone lists every command on stderr and exits 2")
    void noCommand() {
        Cli.Result result = Cli.run(directory);

        assertThat(result.exit()).isEqualTo(2);
        assertThat(result.stdout()).isEmpty();
        assertThat(result.stderr()).contains("Usage: switchboard");
        COMMANDS.forEach(command -> assertThat(result.stderr()).contains("  " + command + " "));
    }

    @Test
    @DisplayName("--version prints the version on stdout")
    void version() {
        Cli.Result result = Cli.run(directory, "--version");

        assertThat(result.exit()).isZero();
        assertThat(result.stdout()).startsWith("switchboard " + Cli.VERSION + "\nJava ");
    }

    @Test
    @DisplayName("the completion script completes every command and option")
    void completion() throws Exception {
        String script = Files.readString(Cli.COMPLETION);

        assertThat(script).contains("complete -F _complete_switchboard");
        COMMANDS.forEach(command -> assertThat(script).contains(command));
        assertThat(script).contains("--proto-path", "--classpath-file", "--against", "--endpoint");
    }

    @Test
    @DisplayName("the launcher runs the jar, records an AppCDS archive on the first command and uses it after")
    void launcher() throws Exception {
        Sample.quickstart(directory);
        Path cache = directory.resolve("cache");
        Map<String, String> environment = Map.of("XDG_CACHE_HOME", cache.toString());
        List<String> services = List.of(
                Cli.LAUNCHER.toString(), "services", "--base", directory.toString(), "--classpath", Sample.classpath());

        Cli.Result version = Cli.run(new ProcessBuilder(Cli.LAUNCHER.toString(), "--version"), environment);
        boolean recordedByVersion = Files.exists(cache.resolve("switchboard"));
        Cli.Result first = Cli.run(new ProcessBuilder(services), environment);
        List<Path> archives;
        try (Stream<Path> files = Files.list(cache.resolve("switchboard"))) {
            archives = files.toList();
        }
        Cli.Result second = Cli.run(new ProcessBuilder(services), environment);

        SoftAssertions soft = new SoftAssertions();
        soft.assertThat(version.exit()).isZero();
        soft.assertThat(version.stdout()).startsWith("switchboard " + Cli.VERSION);
        soft.assertThat(recordedByVersion).as("--version records no archive").isFalse();
        soft.assertThat(first.exit()).as(first.toString()).isZero();
        Golden.assertMatches("services.txt", first.stdout());
        soft.assertThat(archives)
                .singleElement()
                .satisfies(archive -> assertThat(archive.toString()).endsWith(".jsa"));
        soft.assertThat(second.exit()).as(second.toString()).isZero();
        soft.assertThat(second.stdout()).isEqualTo(first.stdout());
        soft.assertThat(second.stderr()).doesNotContain("warning][cds");
        soft.assertAll();
    }
}
