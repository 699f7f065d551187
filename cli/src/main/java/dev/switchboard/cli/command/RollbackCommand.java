package dev.switchboard.cli.command;

import dev.switchboard.cli.console.Console;
import dev.switchboard.cli.console.ExitCode;
import dev.switchboard.core.publish.FleetNames;
import dev.switchboard.core.publish.FleetService;
import dev.switchboard.core.render.GenerateRequest;
import dev.switchboard.core.render.Rollback;
import java.util.OptionalLong;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code switchboard rollback}, the {@code rollback} goal. */
@Command(
        name = "rollback",
        sortOptions = false,
        description = {
            "Restore the previous registry and regenerate from it, or roll a fleet back in ZooKeeper.",
            "Restores registry.previous.json as the registry (the current one becomes the previous, so a"
                    + " second rollback undoes the first) and regenerates the sources from it as it is. The next"
                    + " registry or generate rebuilds the registry from the inputs if they differ.",
            "Prints a table of the generated services.",
            "With --zookeeper, rolls back the fleet instead: the pointer of the registry published under --path"
                    + " moves back one version (or to --to N) and every following application switches; local"
                    + " files stay as they are."
        })
final class RollbackCommand extends SwitchboardSubcommand {
    @ArgGroup(
            validate = false,
            heading = "%nProject (relative paths are taken from the current directory):%n",
            order = 10)
    ProjectOptions project = new ProjectOptions();

    @ArgGroup(validate = false, heading = "%nSelection:%n", order = 20)
    SelectionOptions selection = new SelectionOptions();

    @ArgGroup(validate = false, heading = "%nGenerated code:%n", order = 30)
    GenerateOptions generate = new GenerateOptions();

    @ArgGroup(validate = false, heading = "%nFleet (with --zookeeper):%n", order = 40)
    FleetOptions fleet = new FleetOptions();

    @Option(
            names = "--to",
            paramLabel = "N",
            order = 41,
            description =
                    "With --zookeeper: the version to roll back to. Default: the one before the version in force.")
    Long to;

    @Override
    int run(Console console) throws Exception {
        if (fleet.connect != null) {
            new FleetService(FleetNames.CLI, console)
                    .rollback(
                            fleet.connection(project.base()), to == null ? OptionalLong.empty() : OptionalLong.of(to));
            return ExitCode.OK;
        }
        GenerateRequest request = generate.request(project.request(selection.selection()), project);
        Rollback.Outcome outcome = new Rollback().run(Rollback.Request.withSources(request));
        String restored = "switchboard: restored " + project.shown(outcome.registryFile()) + " from "
                + outcome.previousFile().getFileName();
        if (outcome.registryOnly()) {
            console.info(restored + "; the registry alone, as no earlier generate run left sources to regenerate");
            return ExitCode.OK;
        }
        console.info(restored);
        console.data(Generation.summary(outcome.regenerated()));
        return ExitCode.OK;
    }
}
