package dev.switchboard.cli.command;

import dev.switchboard.cli.console.Console;
import java.util.concurrent.Callable;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * What every command shares: the console at the chosen level, and a progress line while it runs. A
 * command returns its exit status and throws for bad input, which {@code Failures} maps once for all.
 */
abstract class SwitchboardSubcommand implements Callable<Integer> {
    @ParentCommand
    private SwitchboardCommand root;

    @Spec
    CommandSpec spec;

    @Override
    public final Integer call() throws Exception {
        Console console = root.console(spec.commandLine());
        try (AutoCloseable progress = console.startProgress(spec.name())) {
            return run(console);
        }
    }

    /** Does the command's work; returns the exit status. */
    abstract int run(Console console) throws Exception;
}
