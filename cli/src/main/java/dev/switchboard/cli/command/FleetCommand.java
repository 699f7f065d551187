package dev.switchboard.cli.command;

import dev.switchboard.cli.console.Console;
import dev.switchboard.cli.console.ExitCode;
import dev.switchboard.core.inspect.Format;
import dev.switchboard.core.publish.FleetNames;
import dev.switchboard.core.publish.FleetService;
import dev.switchboard.core.publish.FleetView;
import java.nio.file.Path;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;

/** {@code switchboard fleet}, the {@code fleet} goal. */
@Command(
        name = "fleet",
        sortOptions = false,
        description = {
            "List the registry's versions in ZooKeeper and the instances serving each.",
            "Each kept version with its number, fingerprint, when and by whom it was published and the services"
                    + " it added, removed and changed; the version in force is marked *, and each version lists"
                    + " the application instances serving it."
        })
final class FleetCommand extends SwitchboardSubcommand {
    @ArgGroup(validate = false, heading = "%nZooKeeper:%n", order = 10)
    FleetOptions fleet = new FleetOptions();

    @ArgGroup(validate = false, heading = "%nOutput:%n", order = 40)
    ViewOptions view = new ViewOptions();

    @Override
    int run(Console console) throws Exception {
        Format format = view.format(Format.TABLE, Format.JSON, Format.YAML);
        view.emit(
                FleetView.render(
                        new FleetService(FleetNames.CLI, console).fleet(fleet.connection(Path.of(""))), format),
                console);
        return ExitCode.OK;
    }
}
