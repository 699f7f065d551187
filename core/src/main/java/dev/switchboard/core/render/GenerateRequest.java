package dev.switchboard.core.render;

import dev.switchboard.core.diag.Problem;
import dev.switchboard.core.diag.Suggestions;
import dev.switchboard.core.migrate.FactoryInterface;
import dev.switchboard.core.registry.RegistryRequest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Everything one {@code generate} run needs.
 *
 * @param registry the registry build it starts with (which also carries the selection)
 * @param packageName the package of the generated classes
 * @param className the factory class name
 * @param sourceDirectory where Java sources go ({@code target/generated-sources/switchboard})
 * @param resourceDirectory where resources go ({@code target/generated-resources/switchboard})
 * @param templateDirectory templates that replace bundled ones of the same name, or null
 * @param generators the user's own templates
 * @param grpc whether selected gRPC services get accessors and providers ({@code <grpc>}); when false
 *     they are left out of the generated code and stay in the bundled registry
 * @param factoryInterface the team's own factory interface for the factory to implement, or null
 */
public record GenerateRequest(
        RegistryRequest registry,
        String packageName,
        String className,
        Path sourceDirectory,
        Path resourceDirectory,
        Path templateDirectory,
        List<Generator> generators,
        boolean grpc,
        FactoryInterface factoryInterface) {

    /** What the mojo has always allowed: a file name on every file system, and never a keyword. */
    private static final Pattern CLASS_NAME = Pattern.compile("[A-Z][A-Za-z0-9_]*");

    public GenerateRequest {
        generators = generators == null ? List.of() : List.copyOf(generators);
    }

    /**
     * The package of a project that sets no {@code <packageName>}: its groupId plus {@code .switchboard},
     * each part made a Java identifier ({@code my-org} → {@code my_org}), as nobody wrote it by hand. A
     * package the user writes is checked, never rewritten ({@link #problems}).
     */
    public static String defaultPackageName(String groupId) {
        return JavaNames.packageName(groupId + ".switchboard");
    }

    /** The manifest of the files the last run produced. */
    public Path manifestFile() {
        return registry.registryDirectory().resolve("generated-files.txt");
    }

    /**
     * A request over {@code registry} with the conventions of its base directory filled in: package
     * {@value Builder#DEFAULT_PACKAGE}, factory class {@value Builder#DEFAULT_CLASS_NAME}, sources in
     * {@code target/generated-sources/switchboard}, resources in {@code
     * target/generated-resources/switchboard}, the bundled templates alone. Relative paths given to the
     * builder are taken from the base directory.
     */
    public static Builder builder(RegistryRequest registry) {
        return new Builder(registry);
    }

    /** Builds a {@link GenerateRequest}; every setting left alone keeps its convention. */
    public static final class Builder {
        /**
         * The package when none is given. The plugin's default is the project's groupId plus {@code
         * .switchboard}; without a groupId that leaves {@code switchboard}.
         */
        public static final String DEFAULT_PACKAGE = "switchboard";

        public static final String DEFAULT_CLASS_NAME = "ServiceClients";
        public static final String DEFAULT_SOURCE_DIRECTORY = "target/generated-sources/switchboard";
        public static final String DEFAULT_RESOURCE_DIRECTORY = "target/generated-resources/switchboard";

        private final RegistryRequest registry;
        private final Path base;
        private String packageName = DEFAULT_PACKAGE;
        private String className = DEFAULT_CLASS_NAME;
        private Path sourceDirectory;
        private Path resourceDirectory;
        private Path templateDirectory;
        private List<Generator> generators = List.of();
        private boolean grpc = true;
        private FactoryInterface factoryInterface;

        private Builder(RegistryRequest registry) {
            this.registry = registry;
            this.base = registry.protos().baseDirectory();
        }

        /** The package of the generated classes; null keeps the default. */
        public Builder packageName(String name) {
            this.packageName = name == null ? DEFAULT_PACKAGE : name;
            return this;
        }

        /** The factory class name; null keeps the default. */
        public Builder className(String name) {
            this.className = name == null ? DEFAULT_CLASS_NAME : name;
            return this;
        }

        /** Where Java sources go; null keeps the default. */
        public Builder sourceDirectory(Path directory) {
            this.sourceDirectory = directory;
            return this;
        }

        /** Where resources go; null keeps the default. */
        public Builder resourceDirectory(Path directory) {
            this.resourceDirectory = directory;
            return this;
        }

        /** Templates that replace bundled ones of the same name, or null for none. */
        public Builder templateDirectory(Path directory) {
            this.templateDirectory = directory;
            return this;
        }

        /** The user's own templates; a relative template path is taken from the base directory. */
        public Builder generators(List<Generator> generators) {
            this.generators = List.copyOf(generators);
            return this;
        }

        /** Whether selected gRPC services get accessors and providers; true unless set. */
        public Builder grpc(boolean grpc) {
            this.grpc = grpc;
            return this;
        }

        /**
         * The team's factory interface for the factory to implement, looked up in {@code src/main/java} and
         * then in the dependency archives of the registry request; null for none.
         */
        public Builder factoryInterface(String name) {
            return factoryInterface(name, null);
        }

        /** The same, named in messages as {@code setting} ({@code --factory-interface}). */
        public Builder factoryInterface(String name, String setting) {
            this.factoryInterface = name == null
                    ? null
                    : new FactoryInterface(
                            name,
                            List.of(base.resolve("src/main/java")
                                    .toAbsolutePath()
                                    .normalize()),
                            registry.protos().dependencyArchives(),
                            setting);
            return this;
        }

        public GenerateRequest build() {
            return new GenerateRequest(
                    registry,
                    packageName,
                    className,
                    resolved(sourceDirectory, DEFAULT_SOURCE_DIRECTORY),
                    resolved(resourceDirectory, DEFAULT_RESOURCE_DIRECTORY),
                    templateDirectory == null ? null : resolved(templateDirectory, null),
                    generators.stream()
                            .map(g -> new Generator(resolved(g.template(), null), g.output()))
                            .toList(),
                    grpc,
                    factoryInterface);
        }

        private Path resolved(Path path, String convention) {
            Path chosen = path != null ? path : Path.of(convention);
            return base.resolve(chosen).toAbsolutePath().normalize();
        }
    }

    /**
     * A user template and where its output goes.
     *
     * @param template the template file
     * @param output the output path, relative to the source directory; {@code {service}} in it renders the
     *     template once per selected service, with {@code service} in the model
     */
    public record Generator(Path template, String output) {
        /** Whether the template renders once per selected service. */
        boolean perService() {
            return output.contains("{service}");
        }
    }

    /**
     * The problem of a project that generates clients without depending on switchboard-runtime, which
     * they call; the fix is the dependency to add.
     *
     * @param where the project file, as the user sees it
     */
    public static Problem runtimeMissing(String where, String version) {
        return Problem.in(
                where,
                "the generated clients need switchboard-runtime, which is not a dependency of this project",
                "add it:\n"
                        + "    <dependency>\n"
                        + "      <groupId>dev.switchboard</groupId>\n"
                        + "      <artifactId>switchboard-runtime</artifactId>\n"
                        + "      <version>" + version + "</version>\n"
                        + "    </dependency>");
    }

    /**
     * Every problem of the configuration itself, each naming its XML parameter, found before anything is
     * built: names the generated code cannot carry and paths that cannot be written. A name is refused,
     * never rewritten, so the code lands in the package the user wrote. Where the generators' outputs
     * collide is known only with the services, so {@link SourceGenerator} checks that.
     */
    public List<Problem> problems() {
        List<Problem> problems = new ArrayList<>();
        String packageProblem = packageProblem(packageName);
        if (packageProblem != null) {
            problems.add(Problem.in(
                    "<packageName>",
                    "\"" + packageName + "\" is not a Java package name: " + packageProblem,
                    "use Java identifiers joined by dots, such as com.acme.clients"));
        }
        if (className == null || !CLASS_NAME.matcher(className).matches()) {
            String why = className == null ? null : JavaNames.notAnIdentifier(className);
            problems.add(Problem.in(
                    "<className>",
                    "\"" + className + "\" is not a Java class name"
                            + (why != null ? ": it " + why : ": it starts with a lower-case letter"),
                    "use letters, digits and '_', starting with an upper-case letter, such as AcmeClients"));
        }
        if (templateDirectory != null && !Files.isDirectory(templateDirectory)) {
            problems.add(Problem.in(
                    "<templateDirectory>",
                    shown(templateDirectory) + (Files.exists(templateDirectory) ? " is a file" : " does not exist"),
                    "point it at the directory of the templates that replace bundled ones, or remove the parameter"));
        }
        directory("<outputDirectory>", sourceDirectory, problems);
        directory("<resourceDirectory>", resourceDirectory, problems);
        generatorProblems(problems);
        return problems;
    }

    private void directory(String parameter, Path dir, List<Problem> problems) {
        if (dir != null && Files.exists(dir) && !Files.isDirectory(dir)) {
            problems.add(Problem.in(
                    parameter,
                    shown(dir) + " is a file, where the generated files go",
                    "point " + parameter + " at a directory, or delete the file"));
        }
    }

    private void generatorProblems(List<Problem> problems) {
        Path root = sourceDirectory.toAbsolutePath().normalize();
        for (int i = 0; i < generators.size(); i++) {
            Generator g = generators.get(i);
            String which = describe(i);
            if (g.template() == null || !Files.isRegularFile(g.template())) {
                problems.add(Problem.in(
                        "<generators>",
                        which + " <template> " + missing(g.template()),
                        "point <template> at a FreeMarker template file"));
            }
            String output = g.output() == null ? "" : g.output();
            if (output.isBlank()) {
                problems.add(Problem.in(
                        "<generators>",
                        which + " has no <output>",
                        "give the file to write, relative to <outputDirectory>, such as com/acme/Inventory.java"));
                continue;
            }
            Path target = root.resolve(output).normalize();
            if (Path.of(output).isAbsolute() || !target.startsWith(root) || target.equals(root)) {
                problems.add(Problem.in(
                        "<generators>",
                        which + " <output> \"" + output + "\" leaves the output directory " + shown(root),
                        "use a path relative to it, without \"..\""));
                continue;
            }
        }
    }

    /** {@code <generator> #2 (template src/main/switchboard/Inventory.java.ftl)}, for messages. */
    String describe(int index) {
        Generator g = generators.get(index);
        return "<generator> #" + (index + 1) + " (template " + (g.template() == null ? "none" : shown(g.template()))
                + ")";
    }

    /** Why a template path is not a file, with the nearest names beside it. */
    private String missing(Path template) {
        if (template == null) {
            return "is not set";
        }
        if (Files.isDirectory(template)) {
            return shown(template) + " is a directory";
        }
        Path dir = template.toAbsolutePath().getParent();
        List<String> siblings = List.of();
        if (dir != null && Files.isDirectory(dir)) {
            try (Stream<Path> list = Files.list(dir)) {
                siblings = list.filter(Files::isRegularFile)
                        .map(p -> p.getFileName().toString())
                        .toList();
            } catch (IOException e) {
                // Only the suggestion is lost.
            }
        }
        return shown(template) + " does not exist ("
                + Suggestions.describe(template.getFileName().toString(), siblings) + ")";
    }

    /** {@code path} relative to the project directory when inside it, as the user wrote it in the pom. */
    String shown(Path path) {
        Path base = registry == null || registry.protos() == null
                ? null
                : registry.protos().baseDirectory();
        Path absolute = path.toAbsolutePath().normalize();
        return base != null && absolute.startsWith(base.toAbsolutePath())
                ? base.toAbsolutePath().relativize(absolute).toString().replace('\\', '/')
                : path.toString();
    }

    private static String packageProblem(String name) {
        if (name == null || name.isEmpty()) {
            return "it is empty";
        }
        if (name.startsWith(".") || name.endsWith(".") || name.contains("..")) {
            return "it has an empty part between dots";
        }
        for (String part : name.split("\\.")) {
            String why = JavaNames.notAnIdentifier(part);
            if (why != null) {
                return "\"" + part + "\" " + why;
            }
        }
        return null;
    }
}
