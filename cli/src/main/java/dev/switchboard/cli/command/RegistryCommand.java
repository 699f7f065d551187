package dev.switchboard.cli.command;

import dev.switchboard.cli.console.Console;
import dev.switchboard.cli.console.ExitCode;
import dev.switchboard.core.inspect.Format;
import dev.switchboard.core.inspect.RegistryReport;
import dev.switchboard.core.inspect.RegistrySummary;
import dev.switchboard.core.registry.RegistryBuilder;
import dev.switchboard.core.registry.RegistryOutcome;
import dev.switchboard.core.registry.RegistryRequest;
import dev.switchboard.runtime.registry.Registry;
import dev.switchboard.runtime.registry.RegistryCodec;
import dev.switchboard.runtime.registry.RegistryFormat;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code switchboard registry}, the {@code registry} goal. */
@Command(
        name = "registry",
        sortOptions = false,
        description = {
            "Build the service registry from the protos and the classpath.",
            "Builds the service registry, OUT/switchboard/registry.json, from the .proto files, the AWS SDK v2"
                    + " clients on the classpath, the inference rules, --group and the overrides file, and checks"
                    + " the selection. Unchanged inputs rewrite nothing.",
            "Prints a table of the services; --format json or yaml prints the registry itself."
        })
final class RegistryCommand extends SwitchboardSubcommand {
    @ArgGroup(
            validate = false,
            heading = "%nProject (relative paths are taken from the current directory):%n",
            order = 10)
    ProjectOptions project = new ProjectOptions();

    @ArgGroup(validate = false, heading = "%nSelection:%n", order = 20)
    SelectionOptions selection = new SelectionOptions();

    @ArgGroup(validate = false, heading = "%nOutput:%n", order = 40)
    ViewOptions view = new ViewOptions();

    @Option(names = "--no-summary", order = 50, description = "Print nothing on stdout.")
    boolean noSummary;

    @Override
    int run(Console console) throws Exception {
        Format format = view.format(Format.TABLE, Format.JSON, Format.YAML);
        RegistryRequest request = project.request(selection.selection());
        long started = System.nanoTime();
        RegistryOutcome outcome = new RegistryBuilder(console).build(request);
        RegistryReport.report(
                outcome,
                request.selection().isAll(),
                selection.describe(),
                project.shown(outcome.registryFile()),
                (System.nanoTime() - started) / 1_000_000,
                RegistrySummary.Length.NONE,
                console);
        if (noSummary) {
            return ExitCode.OK;
        }
        Registry registry = outcome.registry() != null
                ? outcome.registry()
                : Registry.of(outcome.fingerprint(), outcome.services());
        view.emit(
                switch (format) {
                    case JSON -> RegistryCodec.write(registry, RegistryFormat.JSON);
                    case YAML -> RegistryCodec.write(registry, RegistryFormat.YAML);
                    default -> Generation.lines(registry);
                },
                console);
        return ExitCode.OK;
    }
}
