package dev.switchboard.cli.command;

import dev.switchboard.cli.console.Console;
import dev.switchboard.cli.console.ExitCode;
import dev.switchboard.core.analyze.CallAnalyzer;
import dev.switchboard.core.analyze.MigrationReport;
import dev.switchboard.core.inspect.Format;
import java.nio.file.Path;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code switchboard analyze}, the {@code analyze} goal. */
@Command(
        name = "analyze",
        sortOptions = false,
        description = {
            "Report which services the compiled application calls, and how.",
            "Reads the compiled classes and lists, per service, the methods that reach its client through the"
                    + " generated factory, through your factory interface (--factory-interface) and through SDK"
                    + " clients built by hand; then the selected services nothing calls, the SDK dependencies"
                    + " only they need and the selection that keeps what is called."
        })
final class AnalyzeCommand extends SwitchboardSubcommand {
    @ArgGroup(
            validate = false,
            heading = "%nProject (relative paths are taken from the current directory):%n",
            order = 10)
    ProjectOptions project = new ProjectOptions();

    @ArgGroup(validate = false, heading = "%nSelection:%n", order = 20)
    SelectionOptions selection = new SelectionOptions();

    @ArgGroup(validate = false, heading = "%nGenerated code the application uses:%n", order = 30)
    GenerateOptions generate = new GenerateOptions();

    @ArgGroup(validate = false, heading = "%nOutput:%n", order = 40)
    ViewOptions view = new ViewOptions();

    @Option(
            names = "--classes",
            paramLabel = "DIR",
            order = 50,
            description = "The application's compiled classes. Default: OUT/classes.")
    Path classes;

    @Override
    int run(Console console) throws Exception {
        Format format = view.format(Format.TABLE, Format.JSON);
        MigrationReport report = CallAnalyzer.analyze(
                generate.request(project.request(selection.selection()), project),
                classes != null
                        ? ProjectOptions.absolute(classes)
                        : project.out().resolve("classes"));
        view.emit(format == Format.JSON ? report.json() : report.table(), console);
        return ExitCode.OK;
    }
}
