package dev.switchboard.cli.command;

import dev.switchboard.cli.console.Console;
import dev.switchboard.cli.console.ExitCode;
import dev.switchboard.core.render.GenerateRequest;
import dev.switchboard.core.render.Rollback;
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
