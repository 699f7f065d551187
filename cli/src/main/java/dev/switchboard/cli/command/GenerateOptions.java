package dev.switchboard.cli.command;

import dev.switchboard.core.diag.InputException;
import dev.switchboard.core.diag.Problem;
import dev.switchboard.core.registry.RegistryRequest;
import dev.switchboard.core.render.GenerateRequest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import picocli.CommandLine.Option;

/** What {@code generate} writes and where, as the goal's parameters of the same names. */
final class GenerateOptions {
    @Option(
            names = "--package",
            paramLabel = "NAME",
            order = 40,
            description = "The package of the generated classes. Default: " + GenerateRequest.Builder.DEFAULT_PACKAGE
                    + " (the plugin uses the project's groupId plus .switchboard).")
    String packageName;

    @Option(
            names = "--class-name",
            paramLabel = "NAME",
            order = 41,
            description = "The name of the factory class. Default: " + GenerateRequest.Builder.DEFAULT_CLASS_NAME + ".")
    String className;

    @Option(
            names = "--source-directory",
            paramLabel = "DIR",
            order = 42,
            description = "Where the Java sources go. Default: OUT/generated-sources/switchboard.")
    Path sourceDirectory;

    @Option(
            names = "--resource-directory",
            paramLabel = "DIR",
            order = 43,
            description = "Where the resources go (bundled registry, provider registration). Default:"
                    + " OUT/generated-resources/switchboard.")
    Path resourceDirectory;

    @Option(
            names = "--templates",
            paramLabel = "DIR",
            order = 44,
            description = "Templates that replace the bundled ones of the same name.")
    Path templates;

    @Option(
            names = "--generator",
            paramLabel = "TEMPLATE=OUTPUT",
            order = 45,
            description = "A template of your own and its output, relative to the source directory; {service}"
                    + " in OUTPUT renders it once per service (repeatable).")
    Map<String, String> generators = new LinkedHashMap<>();

    @Option(
            names = "--no-grpc",
            order = 46,
            description = "Leave gRPC services out of the generated code (they stay in the registry): for a project"
                    + " without grpc-java and generated stubs.")
    boolean noGrpc;

    @Option(
            names = "--factory-interface",
            paramLabel = "NAME",
            order = 47,
            description = "The interface of your hand-written client factory, fully qualified, for the generated"
                    + " factory to implement; read from src/main/java or the dependency jars.")
    String factoryInterface;

    /**
     * The generate request over {@code registry}.
     *
     * @throws InputException for a class name that is not one, or a template directory or file that does
     *     not exist
     */
    GenerateRequest request(RegistryRequest registry, ProjectOptions project) throws InputException {
        List<Problem> problems = new ArrayList<>();
        if (className != null && !className.matches("[A-Z][A-Za-z0-9_]*")) {
            problems.add(Problem.in(
                    "--class-name",
                    "\"" + className + "\" is not a Java class name",
                    "use letters, digits and '_', starting with an upper-case letter"));
        }
        Path templateDirectory = templates == null ? null : ProjectOptions.absolute(templates);
        if (templateDirectory != null && !Files.isDirectory(templateDirectory)) {
            problems.add(Problem.in(
                    "--templates",
                    templateDirectory + " is not a directory",
                    "correct the path or leave the option out"));
        }
        List<GenerateRequest.Generator> own = new ArrayList<>();
        generators.forEach((template, output) -> own.add(new GenerateRequest.Generator(
                ProjectOptions.file(Path.of(template), "--generator", problems), output)));
        if (!problems.isEmpty()) {
            throw new InputException(problems.size() + " problem(s) with the options", problems);
        }
        Path out = project.out();
        return GenerateRequest.builder(registry)
                .packageName(packageName == null ? null : packageName.toLowerCase(Locale.ROOT))
                .className(className)
                .sourceDirectory(
                        sourceDirectory != null
                                ? ProjectOptions.absolute(sourceDirectory)
                                : out.resolve("generated-sources/switchboard"))
                .resourceDirectory(
                        resourceDirectory != null
                                ? ProjectOptions.absolute(resourceDirectory)
                                : out.resolve("generated-resources/switchboard"))
                .templateDirectory(templateDirectory)
                .generators(own)
                .grpc(!noGrpc)
                .factoryInterface(factoryInterface, "--factory-interface")
                .build();
    }
}
