package dev.switchboard.cli.command;

import dev.switchboard.cli.console.Console;
import dev.switchboard.cli.console.ExitCode;
import dev.switchboard.cli.inputs.LocalRepository;
import dev.switchboard.core.diag.InputException;
import dev.switchboard.core.diag.Problem;
import dev.switchboard.core.inspect.Format;
import dev.switchboard.core.inspect.RegistryDiff;
import dev.switchboard.core.inspect.Views;
import dev.switchboard.core.registry.Registries;
import dev.switchboard.runtime.registry.Registry;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code switchboard compare}, the {@code compare} goal. */
@Command(
        name = "compare",
        sortOptions = false,
        description = {
            "Compare the registry with another, or two services; flag breaking changes.",
            "Compares the registry with another (--against a registry file, a jar that bundles one, or"
                    + " groupId:artifactId:version of a released artifact in the local Maven repository), or two"
                    + " of its services (--service A --compare-to B): services, methods, types, streaming and"
                    + " HTTP rules added, removed and changed, with breaking changes classified as buf's wire"
                    + " rules do.",
            "Exits 1 when a change breaks callers, unless --no-fail-on-breaking."
        })
final class CompareCommand extends ViewCommand {
    @Option(
            names = "--against",
            paramLabel = "FILE|GAV",
            order = 0,
            description = "The old side: a registry file, a jar, or groupId:artifactId:version.")
    String against;

    @Option(names = "--service", paramLabel = "NAME", order = 1, description = "The old service, with --compare-to.")
    String service;

    @Option(names = "--compare-to", paramLabel = "NAME", order = 2, description = "The new service.")
    String compareTo;

    @Option(
            names = "--fail-on-breaking",
            negatable = true,
            defaultValue = "true",
            fallbackValue = "true",
            order = 3,
            description = "Exit 1 when a change breaks callers (the default); --no-fail-on-breaking exits 0.")
    boolean failOnBreaking;

    @Option(
            names = "--local-repository",
            paramLabel = "DIR",
            order = 4,
            description =
                    "The local Maven repository --against coordinates are found in. Default:" + " ~/.m2/repository.")
    Path localRepository;

    @Override
    int run(Console console) throws Exception {
        Format format = view.format(Format.TABLE, Format.JSON, Format.YAML);
        RegistryDiff diff;
        if (against != null && !against.isBlank()) {
            Registry old = other(against.strip());
            diff = RegistryDiff.of(old, registry(console));
        } else if (service != null && compareTo != null) {
            Registry registry = registry(console);
            diff = RegistryDiff.of(Views.service(registry, service), Views.service(registry, compareTo));
        } else {
            throw new InputException(Problem.in(
                    "--against",
                    "nothing to compare with",
                    "give --against FILE|groupId:artifactId:version, or --service A --compare-to B"));
        }
        view.emit(diff.render(format), console);
        if (!diff.breaking().isEmpty()) {
            String breaking =
                    diff.breaking().size() + " breaking change(s): " + String.join("; ", diff.breakingLines());
            if (!failOnBreaking) {
                console.warn(breaking);
                return ExitCode.OK;
            }
            console.error("switchboard: " + breaking);
            return ExitCode.FINDING;
        }
        console.info("switchboard: no breaking change (" + diff.changes().size() + " change(s))");
        return ExitCode.OK;
    }

    /** The registry {@code --against} names: a file or jar, else coordinates in the local repository. */
    private Registry other(String value) throws InputException, IOException {
        Path file = Path.of(value).toAbsolutePath().normalize();
        if (Files.exists(file) || !LocalRepository.isCoordinates(value)) {
            if (!Files.isRegularFile(file)) {
                throw new InputException(Problem.in(
                        "--against",
                        "\"" + value + "\" is neither a file nor groupId:artifactId:version",
                        "give an existing registry file or jar, or an artifact's coordinates"));
            }
            return Registries.read(file, "--against");
        }
        LocalRepository repository = localRepository != null
                ? new LocalRepository(ProjectOptions.absolute(localRepository))
                : LocalRepository.standard();
        return Registries.bundled(repository.resolve(value, "--against"), value, "--against");
    }
}
