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
                .registerConverter(int.class, new IntValue())
                .registerConverter(Integer.class, new IntValue())
                .registerConverter(long.class, new LongValue())
                .registerConverter(Long.class, new LongValue())
                .setParameterExceptionHandler(failures)
                .setExecutionExceptionHandler(failures);
        return commandLine.execute(args);
    }

    /*
     * Whole numbers refused in words (picocli says "is not an int", "is not a long"). Classes, not method
     * references: with one here, JDK 17.0.15 crashed at exit while the launcher recorded its AppCDS archive
     * (SystemDictionaryShared::adjust_lambda_proxy_class_dictionary).
     */

    private static final class IntValue implements CommandLine.ITypeConverter<Integer> {
        @Override
        public Integer convert(String value) {
            try {
                return Integer.valueOf(value.strip());
            } catch (NumberFormatException e) {
                throw notWholeNumber(value);
            }
        }
    }

    private static final class LongValue implements CommandLine.ITypeConverter<Long> {
        @Override
        public Long convert(String value) {
            try {
                return Long.valueOf(value.strip());
            } catch (NumberFormatException e) {
                throw notWholeNumber(value);
            }
        }
    }

    private static CommandLine.TypeConversionException notWholeNumber(String value) {
        return new CommandLine.TypeConversionException("\"" + value + "\" is not a whole number (digits only)");
    }
}
