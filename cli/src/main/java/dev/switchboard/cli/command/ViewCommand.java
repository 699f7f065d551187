package dev.switchboard.cli.command;

import dev.switchboard.cli.console.Console;
import dev.switchboard.core.diag.InputException;
import dev.switchboard.core.registry.Registries;
import dev.switchboard.core.registry.RegistryBuilder;
import dev.switchboard.core.registry.RegistryOutcome;
import dev.switchboard.core.registry.Selection;
import dev.switchboard.runtime.registry.Registry;
import java.io.IOException;
import java.nio.file.Path;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Option;

/**
 * The commands that read the registry: they bring it up to date from the inputs (or read the one given
 * with {@code --registry}) and print a view of it.
 */
abstract class ViewCommand extends SwitchboardSubcommand {
    @ArgGroup(
            validate = false,
            heading = "%nProject (relative paths are taken from the current directory):%n",
            order = 10)
    ProjectOptions project = new ProjectOptions();

    @ArgGroup(validate = false, heading = "%nOutput:%n", order = 40)
    ViewOptions view = new ViewOptions();

    @Option(
            names = "--registry",
            paramLabel = "FILE|JAR",
            order = 32,
            description = "Read this registry (a registry file, or a jar that bundles one) instead of building"
                    + " one from the inputs.")
    Path registryFile;

    /** The registry the view is of. */
    Registry registry(Console console) throws InputException, IOException {
        if (registryFile != null) {
            return Registries.read(ProjectOptions.absolute(registryFile), "--registry");
        }
        RegistryOutcome outcome = new RegistryBuilder(console).build(project.request(Selection.all()));
        outcome.notes().forEach(console::warn);
        console.debug("switchboard: registry " + project.shown(outcome.registryFile()) + " ("
                + (outcome.written() ? "rebuilt" : "up to date") + ", fingerprint " + outcome.shortFingerprint() + ")");
        return Registry.of(outcome.fingerprint(), outcome.services());
    }
}
