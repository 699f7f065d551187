package dev.switchboard.cli.command;

import dev.switchboard.cli.console.Console;
import dev.switchboard.cli.console.ExitCode;
import dev.switchboard.core.inspect.Format;
import dev.switchboard.core.inspect.Views;
import picocli.CommandLine.Command;

/** {@code switchboard services}, the {@code services} goal. */
@Command(
        name = "services",
        sortOptions = false,
        description = {
            "List every service: name, kind, group, version, methods, dependencies, health.",
            "The registry is brought up to date first."
        })
final class ServicesCommand extends ViewCommand {
    @Override
    int run(Console console) throws Exception {
        Format format = view.format(Format.TABLE, Format.JSON, Format.YAML);
        view.emit(Views.services(registry(console), format), console);
        return ExitCode.OK;
    }
}
