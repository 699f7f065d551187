package dev.switchboard.cli;

import dev.switchboard.cli.command.SwitchboardCommand;
import dev.switchboard.cli.console.Failures;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import picocli.CommandLine;

/** {@code java -jar switchboard-cli.jar <command> [options]}; see {@code switchboard --help}. */
public final class Main {
    private Main() {}

    public static void main(String[] args) {
        System.exit(run(args));
    }

    /** Runs one command line and returns its exit status (see {@code ExitCode}). */
    public static int run(String... args) {
        SwitchboardCommand root = new SwitchboardCommand();
        Failures failures = new Failures(root::console);
        // UTF-8 whatever the platform's default: service names and paths are printed as they are.
        PrintWriter out = new PrintWriter(
                new OutputStreamWriter(new FileOutputStream(FileDescriptor.out), StandardCharsets.UTF_8), true);
        PrintWriter err = new PrintWriter(
                new OutputStreamWriter(new FileOutputStream(FileDescriptor.err), StandardCharsets.UTF_8), true);
        CommandLine commandLine = new CommandLine(root)
                .setOut(out)
                .setErr(err)
                .setCaseInsensitiveEnumValuesAllowed(true)
                .registerConverter(int.class, Main::wholeNumber)
                .registerConverter(Integer.class, Main::wholeNumber)
                .registerConverter(long.class, Main::longWholeNumber)
                .registerConverter(Long.class, Main::longWholeNumber)
                .setParameterExceptionHandler(failures)
                .setExecutionExceptionHandler(failures);
        return commandLine.execute(args);
    }

    /** An {@code int} option's value, refused in words (picocli says "is not an int"). */
    private static Integer wholeNumber(String value) {
        try {
            return Integer.valueOf(value.strip());
        } catch (NumberFormatException e) {
            throw notWholeNumber(value);
        }
    }

    /** A {@code long} option's value, refused in words (picocli says "is not a long"). */
    private static Long longWholeNumber(String value) {
        try {
            return Long.valueOf(value.strip());
        } catch (NumberFormatException e) {
            throw notWholeNumber(value);
        }
    }

    private static CommandLine.TypeConversionException notWholeNumber(String value) {
        return new CommandLine.TypeConversionException("\"" + value + "\" is not a whole number (digits only)");
    }
}
