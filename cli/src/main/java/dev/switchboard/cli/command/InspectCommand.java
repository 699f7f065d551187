package dev.switchboard.cli.command;

import dev.switchboard.cli.console.Console;
import dev.switchboard.cli.console.ExitCode;
import dev.switchboard.core.inspect.Format;
import dev.switchboard.core.inspect.Views;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code switchboard inspect}, the {@code inspect} goal. */
@Command(
        name = "inspect",
        sortOptions = false,
        description = {
            "Show one service whole: its fields, methods and HTTP rules.",
            "The registry is brought up to date first."
        })
final class InspectCommand extends ViewCommand {
    @Option(names = "--service", paramLabel = "NAME", order = 0, description = "The service to show.")
    String service;

    @Override
    int run(Console console) throws Exception {
        Format format = view.format(Format.TABLE, Format.JSON, Format.YAML);
        view.emit(Views.inspect(registry(console), service, format), console);
        return ExitCode.OK;
    }
}
