package dev.switchboard.cli.command;

import dev.switchboard.cli.console.Console;
import dev.switchboard.cli.console.ExitCode;
import dev.switchboard.core.inspect.BreakingCategory;
import dev.switchboard.core.inspect.BreakingOptions;
import dev.switchboard.core.publish.FleetNames;
import dev.switchboard.core.publish.FleetService;
import dev.switchboard.core.registry.Registries;
import dev.switchboard.core.registry.RegistryBuilder;
import dev.switchboard.core.registry.RegistryOutcome;
import dev.switchboard.core.registry.Selection;
import dev.switchboard.runtime.registry.Registry;
import dev.switchboard.zookeeper.ZooKeeperConnection;
import java.nio.file.Path;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code switchboard publish}, the {@code publish} goal. */
@Command(
        name = "publish",
        sortOptions = false,
        description = {
            "Publish the registry to ZooKeeper for a fleet of applications that follow it.",
            "Brings the registry up to date (or reads --registry), validates it, refuses breaking changes"
                    + " against the version in force unless --allow-breaking, writes an immutable version and"
                    + " moves the fleet's pointer to it in one transaction. An unchanged fingerprint publishes"
                    + " nothing.",
            "Exits 1 when the gate refuses, another publisher won, or ZooKeeper cannot be reached."
        })
final class PublishCommand extends SwitchboardSubcommand {
    @ArgGroup(
            validate = false,
            heading = "%nProject (relative paths are taken from the current directory):%n",
            order = 10)
    ProjectOptions project = new ProjectOptions();

    @ArgGroup(validate = false, heading = "%nZooKeeper:%n", order = 20)
    FleetOptions fleet = new FleetOptions();

    @Option(
            names = "--registry",
            paramLabel = "FILE|JAR",
            order = 30,
            description = "Publish this registry (a registry file, or a jar that bundles one) instead of building"
                    + " one from the inputs.")
    Path registryFile;

    @Option(
            names = "--keep",
            paramLabel = "N",
            defaultValue = "20",
            order = 31,
            description = "How many versions to keep; older ones are deleted after the pointer moved. Default: 20.")
    int keep;

    @Option(
            names = "--allow-breaking",
            order = 32,
            description = "Publish even when a change breaks callers of the version in force.")
    boolean allowBreaking;

    @Option(
            names = "--category",
            paramLabel = "CATEGORY",
            defaultValue = "PACKAGE",
            order = 33,
            description = "The breaking-change category the gate judges with: FILE, PACKAGE (the default),"
                    + " WIRE_JSON or WIRE.")
    String category;

    @Override
    int run(Console console) throws Exception {
        ZooKeeperConnection connection = fleet.connection(project.base());
        BreakingOptions options = new BreakingOptions(BreakingCategory.parse(category, "--category"), false);
        new FleetService(FleetNames.CLI, console)
                .publish(new FleetService.PublishRequest(
                        registry(console),
                        connection,
                        FleetService.identity(connection),
                        keep,
                        allowBreaking,
                        options));
        return ExitCode.OK;
    }

    private Registry registry(Console console) throws Exception {
        if (registryFile != null) {
            return Registries.read(ProjectOptions.absolute(registryFile), "--registry");
        }
        RegistryOutcome outcome = new RegistryBuilder(console).build(project.request(Selection.all()));
        outcome.notes().forEach(console::warn);
        return Registry.of(outcome.fingerprint(), outcome.services());
    }
}
