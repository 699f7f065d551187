package dev.switchboard.cli.command;

import dev.switchboard.cli.console.Console;
import dev.switchboard.cli.console.ExitCode;
import dev.switchboard.core.registry.Rollback;
import dev.switchboard.core.render.GenerateOutcome;
import dev.switchboard.core.render.GenerateRequest;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;

/** {@code switchboard rollback}, the {@code rollback} goal. */
@Command(
        name = "rollback",
        sortOptions = false,
        description = {
            "Restore the previous registry and regenerate from it.",
            "Restores registry.previous.json as the registry (the current one becomes the previous, so a"
                    + " second rollback undoes the first) and regenerates the sources from it as it is. The next"
                    + " registry or generate rebuilds the registry from the inputs if they differ.",
            "Prints a table of the generated services."
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

    @Override
    int run(Console console) throws Exception {
        GenerateRequest request = generate.request(project.request(selection.selection()), project);
        Rollback.restore(request.registry());
        console.info("switchboard: restored " + project.shown(request.registry().registryFile()) + " from "
                + request.registry().previousFile().getFileName());
        GenerateOutcome outcome = Generation.run(request, true, project, selection, console);
        console.data(Generation.summary(outcome));
        return ExitCode.OK;
    }
}
