package dev.switchboard.cli.command;

import dev.switchboard.cli.console.Console;
import dev.switchboard.core.diag.InputException;
import dev.switchboard.core.inspect.Format;
import dev.switchboard.core.io.AtomicFiles;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/** How a command prints its result: the format, and stdout or a file. */
final class ViewOptions {
    @Option(
            names = "--format",
            paramLabel = "FORMAT",
            order = 30,
            description = "table (aligned, for a terminal), json or yaml; graph also takes dot and mermaid.")
    String format;

    @Option(
            names = "--output",
            paramLabel = "FILE|-",
            order = 31,
            description = "Write the result to FILE (atomically) instead of stdout; - is stdout.")
    Path output;

    /** The format asked for, one of {@code allowed}; the first is the default. */
    Format format(Format... allowed) throws InputException {
        return Format.of(format, allowed);
    }

    /** Prints the text on stdout, or writes it to the output file. */
    void emit(String text, Console console) throws IOException {
        if (output == null || output.toString().equals("-")) {
            console.data(text);
            return;
        }
        Path file = output.toAbsolutePath().normalize();
        AtomicFiles.write(file, text.getBytes(StandardCharsets.UTF_8));
        console.info("switchboard: wrote " + output);
    }

    /** Whether the result goes to a file rather than stdout. */
    boolean toFile() {
        return output != null && !output.toString().equals("-");
    }
}
