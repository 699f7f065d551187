package dev.switchboard.cli.inputs;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.core.diag.Problem;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ClasspathTest {
    @TempDir
    Path dir;

    @Test
    @DisplayName(
            "entries come from path-separator lists and from files of one entry a line or one list, without repeats")
    void entries() throws Exception {
        Path a = Files.createFile(dir.resolve("a.jar"));
        Path b = Files.createFile(dir.resolve("b.jar"));
        Path classes = Files.createDirectories(dir.resolve("classes"));
        Path lines = Files.writeString(dir.resolve("lines.txt"), a + "\n" + classes + "\n\n");
        Path list = Files.writeString(dir.resolve("list.txt"), b + File.pathSeparator + a);
        List<Problem> problems = new ArrayList<>();

        List<Path> entries = Classpath.of(List.of(a + File.pathSeparator + b), List.of(lines, list), problems);

        assertThat(problems).isEmpty();
        assertThat(entries).containsExactly(a, b, classes);
    }

    @Test
    @DisplayName("a missing entry or an unreadable file is a problem naming the option and the fix")
    void missing() {
        List<Problem> problems = new ArrayList<>();

        Classpath.of(List.of("nope.jar"), List.of(dir.resolve("cp.txt")), problems);

        assertThat(problems)
                .extracting(Problem::toString)
                .anySatisfy(p -> assertThat(p)
                        .startsWith("--classpath: nope.jar does not exist; give existing jars and class directories"))
                .anySatisfy(p -> assertThat(p)
                        .startsWith(
                                "--classpath-file: " + dir.resolve("cp.txt") + " cannot be read (it does not exist)")
                        .contains("`mvn dependency:build-classpath -Dmdep.outputFile="));
    }
}
