package dev.switchboard.cli.command;

import dev.switchboard.cli.console.Console;
import dev.switchboard.cli.console.ExitCode;
import dev.switchboard.core.diag.InputException;
import dev.switchboard.core.diag.Problem;
import dev.switchboard.core.inspect.Format;
import dev.switchboard.core.inspect.Validator;
import dev.switchboard.core.registry.Selection;
import dev.switchboard.runtime.registry.Registry;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code switchboard validate}, the {@code validate} goal. */
@Command(
        name = "validate",
        sortOptions = false,
        description = {
            "Check the registry against the compiled code and itself.",
            "Checks the registry against the compiled code and itself, as a CI gate: AWS client classes on the"
                    + " --classpath with every listed operation, gRPC stubs generated, every rpc of a service"
                    + " overridden by the classes in --classes that extend its ...ImplBase, dependencies that name"
                    + " a service, unique names. Errors exit 1; cycles, services without health information,"
                    + " empty groups and very large services are warnings.",
            "Run it after compiling, so the implementations are there."
        })
final class ValidateCommand extends ViewCommand {
    @Option(
            names = "--classes",
            paramLabel = "DIR",
            order = 33,
            description =
                    "The project's compiled classes, where the service implementations are. Default:" + " OUT/classes.")
    Path classes;

    @Override
    int run(Console console) throws Exception {
        Format format = view.format(Format.TABLE, Format.JSON, Format.YAML);
        List<Problem> problems = new ArrayList<>();
        List<Path> classpath = new ArrayList<>(project.classpath(problems));
        if (!problems.isEmpty()) {
            throw new InputException(problems.size() + " problem(s) with the options", problems);
        }
        Path classesDirectory = classes != null
                ? ProjectOptions.absolute(classes)
                : project.out().resolve("classes");
        classpath.add(classesDirectory);
        Registry registry = registry(console);
        List<Validator.Finding> findings;
        Validator validator = new Validator(classpath, classesDirectory);
        try {
            findings = validator.validate(
                    registry, project.request(Selection.all()).groups());
        } finally {
            validator.close();
        }
        view.emit(Validator.render(findings, format), console);
        List<Validator.Finding> errors =
                findings.stream().filter(f -> f.level().equals("error")).toList();
        if (!errors.isEmpty()) {
            console.error("switchboard: the registry has " + errors.size() + " error(s):");
            errors.forEach(f -> console.error("  " + f.service() + ": " + f.message()));
            return ExitCode.FINDING;
        }
        console.info("switchboard: the registry is valid (" + findings.size() + " warning(s))");
        return ExitCode.OK;
    }
}
