package dev.switchboard.core.diag;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class IoProblemsTest {
    @TempDir
    Path dir;

    @Test
    @DisplayName("why a file could not be read, from what the JDK threw reading it, without its path again")
    void reasons() throws IOException {
        Path latin1 = Files.write(dir.resolve("latin1.txt"), "caf\u00e9".getBytes(StandardCharsets.ISO_8859_1));

        IOException missing =
                catchThrowableOfType(IOException.class, () -> Files.readString(dir.resolve("missing.txt")));
        IOException notUtf8 = catchThrowableOfType(IOException.class, () -> Files.readString(latin1));
        IOException directory = catchThrowableOfType(IOException.class, () -> Files.readAllBytes(dir));

        assertThat(IoProblems.reason(missing)).isEqualTo("it does not exist");
        assertThat(IoProblems.reason(notUtf8)).isEqualTo("it is not UTF-8 text");
        assertThat(IoProblems.reason(directory)).isEqualTo("Is a directory");
        assertThat(IoProblems.reason(new IOException((String) null))).isEqualTo("an input or output failed");
    }
}
