package dev.switchboard.cli.command;

import dev.switchboard.cli.console.Console;
import dev.switchboard.cli.console.ExitCode;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;
import picocli.CommandLine.Spec;

/** {@code switchboard}: the commands, and the options every one of them takes. */
@Command(
        name = "switchboard",
        mixinStandardHelpOptions = true,
        scope = ScopeType.INHERIT,
        versionProvider = Version.class,
        sortOptions = false,
        usageHelpAutoWidth = true,
        optionListHeading = "%nOptions:%n",
        commandListHeading = "%nCommands:%n",
        description = {
            "Builds a service registry from .proto files and AWS SDK v2 clients, generates a client factory"
                    + " from it, and inspects, compares, validates and health-checks it.",
            "Data goes to stdout, messages to stderr. Exit status: 0 success, 1 a finding (breaking change,"
                    + " unhealthy service, validation error, stale profiles), 2 bad usage or input, 3 a failure"
                    + " of switchboard itself."
        },
        subcommands = {
            RegistryCommand.class,
            GenerateCommand.class,
            ServicesCommand.class,
            EventsCommand.class,
            InspectCommand.class,
            ValidateCommand.class,
            CompareCommand.class,
            GraphCommand.class,
            HealthCommand.class,
            WatchCommand.class,
            ProfilesCommand.class,
            RollbackCommand.class,
            PublishCommand.class,
            FleetCommand.class,
            ReportCommand.class,
            AnalyzeCommand.class,
            CommandLine.HelpCommand.class
        })
public final class SwitchboardCommand implements Callable<Integer> {
    @Spec
    private CommandLine.Model.CommandSpec spec;

    @Option(
            names = {"-q", "--quiet"},
            scope = ScopeType.INHERIT,
            description = "Print only errors on stderr.")
    boolean quiet;

    @Option(
            names = {"-v", "--verbose"},
            scope = ScopeType.INHERIT,
            description = "Also print detail on stderr: stages, and the stack trace of a failure of switchboard.")
    boolean verbose;

    /** Without a command there is nothing to do: say what the commands are. */
    @Override
    public Integer call() {
        spec.commandLine().usage(spec.commandLine().getErr());
        return ExitCode.BAD_INPUT;
    }

    /** The console for a command run through {@code commandLine}, at the level the user chose. */
    public Console console(CommandLine commandLine) {
        Console.Level level = verbose ? Console.Level.VERBOSE : quiet ? Console.Level.QUIET : Console.Level.NORMAL;
        return new Console(commandLine.getOut(), commandLine.getErr(), level, System.console() != null);
    }
}
