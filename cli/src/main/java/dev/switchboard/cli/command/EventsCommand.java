package dev.switchboard.cli.command;

import dev.switchboard.cli.console.Console;
import dev.switchboard.cli.console.ExitCode;
import dev.switchboard.core.inspect.Format;
import dev.switchboard.core.inspect.Views;
import picocli.CommandLine.Command;

/** {@code switchboard events}, the {@code events} goal. */
@Command(
        name = "events",
        sortOptions = false,
        description = {
            "List the events each service publishes.",
            "Events are a service's ...Event messages, its server-streaming methods and its declared events. The"
                    + " registry is brought up to date first."
        })
final class EventsCommand extends ViewCommand {
    @Override
    int run(Console console) throws Exception {
        Format format = view.format(Format.TABLE, Format.JSON, Format.YAML);
        view.emit(Views.events(registry(console), format), console);
        return ExitCode.OK;
    }
}
