package dev.switchboard.cli.command;

import dev.switchboard.cli.console.Console;
import dev.switchboard.cli.console.ExitCode;
import dev.switchboard.core.render.GenerateOutcome;
import dev.switchboard.core.render.GenerateRequest;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;

/** {@code switchboard generate}, the {@code generate} goal. */
@Command(
        name = "generate",
        sortOptions = false,
        description = {
            "Generate the client factory, providers and bundled registry.",
            "Builds the registry when stale, applies the selection, and renders the client factory, its"
                    + " service name constants, one provider per service with its META-INF/services"
                    + " registration, and the bundled registry. Only changed files are written; files an"
                    + " earlier run produced that are no longer produced are deleted.",
            "Prints a table of the generated services."
        })
final class GenerateCommand extends SwitchboardSubcommand {
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
        GenerateOutcome outcome = Generation.run(request, false, project, selection, console);
        console.data(Generation.summary(outcome));
        return ExitCode.OK;
    }
}
