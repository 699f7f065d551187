package dev.switchboard.cli.command;

import dev.switchboard.cli.inputs.Classpath;
import dev.switchboard.core.diag.InputException;
import dev.switchboard.core.diag.Problem;
import dev.switchboard.core.registry.GroupAssignments;
import dev.switchboard.core.registry.RegistryRequest;
import dev.switchboard.core.registry.Selection;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Option;

/**
 * The inputs of a registry build, as the plugin's shared parameters are: where the project is, where its
 * protos, rules, overrides and classpath are, and where the outputs go. Relative paths are taken from
 * the current directory; what is not given follows the conventions of {@code --base}.
 */
final class ProjectOptions {
    @Option(
            names = "--base",
            paramLabel = "DIR",
            order = 1,
            description = "The project directory; src/main/proto, src/main/switchboard and target are found"
                    + " in it. Default: the current directory.")
    Path base;

    @Option(
            names = "--proto-path",
            paramLabel = "DIR",
            order = 2,
            description =
                    "A directory whose .proto files become services (repeatable). Default:" + " BASE/src/main/proto.")
    List<Path> protoPaths = new ArrayList<>();

    @Option(
            names = "--import-path",
            paramLabel = "DIR|JAR",
            order = 3,
            description = "A directory or archive whose protos may be imported but add no services" + " (repeatable).")
    List<Path> importPaths = new ArrayList<>();

    @Option(
            names = "--include",
            paramLabel = "GLOB",
            order = 4,
            description = "Only the protos matching this glob, relative to a proto path (repeatable).")
    List<String> includes = new ArrayList<>();

    @Option(
            names = "--exclude",
            paramLabel = "GLOB",
            order = 5,
            description = "Leave out the protos matching this glob; they stay importable (repeatable).")
    List<String> excludes = new ArrayList<>();

    @Option(
            names = "--rules",
            paramLabel = "FILE",
            order = 6,
            description = "Inference rules (YAML or JSON) that extend the defaults.")
    Path rules;

    @Option(names = "--replace-default-rules", order = 7, description = "--rules replaces the default rules.")
    boolean replaceDefaultRules;

    @Option(
            names = "--overrides",
            paramLabel = "FILE",
            order = 8,
            description = "Per-service fields (YAML or JSON), merged last. Default:"
                    + " BASE/src/main/switchboard/overrides.yaml (or .yml, .json) when present.")
    Path overrides;

    @Option(
            names = "--classpath",
            paramLabel = "PATHS",
            order = 9,
            description = "Jars and class directories, separated by the path separator (repeatable): their"
                    + " protos may be imported, their AWS SDK clients become services.")
    List<String> classpath = new ArrayList<>();

    @Option(
            names = "--classpath-file",
            paramLabel = "FILE",
            order = 10,
            description = "A file of classpath entries, one a line or one path-separator list, as `mvn"
                    + " dependency:build-classpath -Dmdep.outputFile=FILE` writes it (repeatable).")
    List<Path> classpathFiles = new ArrayList<>();

    @Option(
            names = "--group",
            paramLabel = "GROUP=SERVICES",
            order = 11,
            description = "Moves services into a group: --group payments=billing,sqs (repeatable).")
    Map<String, String> groups = new LinkedHashMap<>();

    @Option(
            names = "--no-aws",
            order = 12,
            description = "Do not turn AWS SDK v2 clients on the classpath into services.")
    boolean noAws;

    @Option(
            names = "--fail-on-missing-sources",
            order = 13,
            description = "Finding no .proto files is an error instead of a warning.")
    boolean failOnMissingSources;

    @Option(
            names = "--out",
            paramLabel = "DIR",
            order = 14,
            description = "The build directory the outputs go below, as Maven's target. Default: BASE/target.")
    Path out;

    @Option(
            names = "--registry-directory",
            paramLabel = "DIR",
            order = 15,
            description = "Where registry.json and registry.previous.json go. Default: OUT/switchboard.")
    Path registryDirectory;

    /** The project directory, absolute. */
    Path base() {
        return (base == null ? Path.of("") : base).toAbsolutePath().normalize();
    }

    /** The build directory, absolute. */
    Path out() {
        return out == null ? base().resolve("target") : out.toAbsolutePath().normalize();
    }

    /** The classpath entries, checked to exist. */
    List<Path> classpath(List<Problem> problems) {
        return Classpath.of(
                classpath, classpathFiles.stream().map(ProjectOptions::absolute).toList(), problems);
    }

    /**
     * The registry request the options describe, with {@code selection}.
     *
     * @throws InputException naming every option whose path does not exist
     */
    RegistryRequest request(Selection selection) throws InputException {
        List<Problem> problems = new ArrayList<>();
        Path base = base();
        if (!Files.isDirectory(base)) {
            problems.add(Problem.in(
                    "--base",
                    base + " does not exist or is not a directory",
                    "give the project directory, or leave --base out for the current one"));
        }
        List<Path> roots = protoPaths.stream().map(ProjectOptions::absolute).toList();
        roots.stream()
                .filter(root -> !Files.isDirectory(root))
                .forEach(root -> problems.add(Problem.in(
                        "--proto-path",
                        root + " does not exist or is not a directory",
                        "give the directory that holds the .proto files")));
        List<Path> imports = importPaths.stream().map(ProjectOptions::absolute).toList();
        imports.stream()
                .filter(path -> !Files.exists(path))
                .forEach(path -> problems.add(
                        Problem.in("--import-path", path + " does not exist", "give an existing directory or jar")));
        Path rulesFile = file(rules, "--rules", problems);
        Path overridesFile = file(overrides, "--overrides", problems);
        List<Path> archives = classpath(problems);
        if (!problems.isEmpty()) {
            throw new InputException(problems.size() + " problem(s) with the options", problems);
        }
        return RegistryRequest.builder(base)
                .sourceRoots(roots)
                .importPaths(imports)
                .dependencyArchives(archives)
                .includes(includes)
                .excludes(excludes)
                .rulesFile(rulesFile)
                .replaceDefaultRules(replaceDefaultRules)
                .overridesFile(overridesFile)
                .registryDirectory(
                        registryDirectory != null ? absolute(registryDirectory) : out().resolve("switchboard"))
                .failOnMissingSources(failOnMissingSources)
                .pluginVersion(Version.VERSION)
                .pluginArchive(Version.archive())
                .discoverAws(!noAws)
                .groups(GroupAssignments.parse(groups))
                .selection(selection)
                .build();
    }

    /** A path as the user sees it: relative to the base directory when inside it. */
    String shown(Path path) {
        Path base = base();
        String shown = path.startsWith(base) ? base.relativize(path).toString() : path.toString();
        return shown.isEmpty() ? "." : shown;
    }

    static Path absolute(Path path) {
        return path.toAbsolutePath().normalize();
    }

    /** An existing file named by {@code option}, or null when the option was not given. */
    static Path file(Path path, String option, List<Problem> problems) {
        if (path == null) {
            return null;
        }
        Path file = absolute(path);
        if (!Files.isRegularFile(file)) {
            problems.add(Problem.in(
                    option, file + " does not exist or is not a file", "correct the path or leave the option out"));
        }
        return file;
    }
}
