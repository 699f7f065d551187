package dev.switchboard.cli.command;

import dev.switchboard.cli.console.Console;
import dev.switchboard.cli.console.ExitCode;
import dev.switchboard.core.registry.RegistryRequest;
import dev.switchboard.core.registry.Selection;
import dev.switchboard.core.report.ReportInputs;
import dev.switchboard.core.report.ReportWriter;
import java.nio.file.Path;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code switchboard report}, the {@code report} goal. */
@Command(
        name = "report",
        sortOptions = false,
        description = {
            "Write the registry as one self-contained HTML page.",
            "Services as a filterable table, a part per service, the dependency graph, the changes since"
                    + " registry.previous.json and, with --health, each service's last health status. The page"
                    + " opens from disk and loads nothing. Prints the page's path."
        })
final class ReportCommand extends ViewCommand {
    @Option(
            names = "--report",
            paramLabel = "FILE",
            order = 33,
            description = "Where to write the page (default: target/switchboard/report/index.html).")
    Path report;

    @Option(
            names = "--health",
            paramLabel = "FILE",
            order = 34,
            description = "A health report written by `switchboard health --format json --output FILE`.")
    Path health;

    @Option(names = "--title", paramLabel = "TEXT", order = 35, description = "The page's title.")
    String title;

    @Override
    int run(Console console) throws Exception {
        RegistryRequest request = project.request(Selection.all());
        Path file = report != null
                ? ProjectOptions.absolute(report)
                : request.registryDirectory().resolve("report").resolve(ReportWriter.FILE);
        ReportInputs inputs = ReportInputs.read(
                title,
                request.previousFile(),
                health == null ? null : ProjectOptions.absolute(health),
                "--health",
                project.base());
        ReportWriter.Outcome outcome = ReportWriter.write(registry(console), inputs, file);
        outcome.notes().forEach(console::warn);
        console.info("switchboard: " + (outcome.written() ? "wrote " : "report is up to date: ") + project.shown(file)
                + " (" + outcome.summary() + ")");
        console.data(file + "\n");
        return ExitCode.OK;
    }
}
