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
                .setParameterExceptionHandler(failures)
                .setExecutionExceptionHandler(failures);
        return commandLine.execute(args);
    }
}
