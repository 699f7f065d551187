package dev.switchboard.core.proto;

import com.squareup.wire.schema.Location;
import com.squareup.wire.schema.ProtoFile;
import com.squareup.wire.schema.Schema;
import com.squareup.wire.schema.SchemaException;
import com.squareup.wire.schema.SchemaLoader;
import com.squareup.wire.schema.internal.parser.ProtoFileElement;
import com.squareup.wire.schema.internal.parser.ProtoParser;
import com.squareup.wire.schema.internal.parser.ServiceElement;
import com.squareup.wire.schema.internal.parser.TypeElement;
import dev.switchboard.core.diag.InputException;
import dev.switchboard.core.diag.Problem;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Loads and links the protos of the source roots with Wire.
 *
 * <p>Wire stops at the first syntax error and reports one duplicate definition at a time, so every
 * source file is parsed on its own first: all syntax errors and duplicates are collected and reported
 * together. Only a clean parse goes on to linking, whose errors Wire collects itself.
 */
final class ProtoLoader {
    private static final Pattern LOCATION = Pattern.compile("\\(?([^\\s()]+\\.proto):(\\d+):(\\d+)\\)?");
    private static final Pattern MISSING_IMPORT = Pattern.compile("unable to find (\\S+)");
    private static final Pattern FOR_FILE = Pattern.compile("for file (\\S+)");

    private final ProtoInputs inputs;

    ProtoLoader(ProtoInputs inputs) {
        this.inputs = inputs;
    }

    /** The proto files of the source roots that the globs select. */
    List<ProtoSource> sources(List<Problem> problems) {
        return new ProtoSourceScanner(inputs.includes(), inputs.excludes())
                .scan(inputs.sourceRoots(), problems, inputs.baseDirectory());
    }

    LoadedProtos load(List<ProtoSource> sources) throws InputException {
        List<Problem> problems = new ArrayList<>();
        Map<String, String> texts = new HashMap<>();
        Map<String, ProtoFileElement> parsed = new LinkedHashMap<>();
        Set<String> broken = new HashSet<>();
        for (ProtoSource source : sources) {
            String shown = display(source.file());
            try {
                String text = Files.readString(source.file(), StandardCharsets.UTF_8);
                texts.put(source.relativePath(), text);
                parsed.put(source.relativePath(), ProtoParser.Companion.parse(Location.get(shown), text));
            } catch (IOException e) {
                broken.add(source.relativePath());
                problems.add(Problem.in(shown, "cannot read the file (" + e + ")", "check its permissions"));
            } catch (IllegalStateException e) {
                broken.add(source.relativePath());
                problems.add(fromMessage(e.getMessage(), shown, "fix the syntax at that place"));
            }
        }
        List<Problem> duplicates = findDuplicates(parsed.values());
        if (!duplicates.isEmpty()) {
            problems.addAll(duplicates);
            throw new InputException(count(problems) + " in the proto sources", problems);
        }
        if (!problems.isEmpty()) {
            // Link what does not lean on a broken file, so its errors come in this same report.
            Set<String> affected = dependents(broken, parsed);
            List<ProtoSource> clean = sources.stream()
                    .filter(s -> !affected.contains(s.relativePath()))
                    .toList();
            if (!clean.isEmpty()) {
                link(clean, texts, problems);
            }
            throw new InputException(count(problems) + " in the proto sources", problems);
        }
        LoadedProtos loaded = link(sources, texts, problems);
        if (loaded == null) {
            throw new InputException(count(problems) + " linking the proto sources", problems);
        }
        return loaded;
    }

    /** Links the sources with Wire; null, with the problems added, when linking fails. */
    private LoadedProtos link(List<ProtoSource> sources, Map<String, String> texts, List<Problem> problems) {
        SchemaLoader loader = new SchemaLoader(FileSystems.getDefault());
        List<Location> sourcePath = sources.stream()
                .map(s -> Location.get(s.root().toString(), s.relativePath()))
                .toList();
        List<Location> protoPath = new ArrayList<>();
        inputs.sourceRoots().stream()
                .filter(Files::isDirectory)
                .forEach(root -> protoPath.add(Location.get(root.toString())));
        inputs.importPaths().stream().filter(Files::exists).forEach(p -> protoPath.add(Location.get(p.toString())));
        inputs.dependencyArchives().stream()
                .filter(ProtoLoader::isArchive)
                .forEach(p -> protoPath.add(Location.get(p.toString())));
        protoPath.add(Location.get(optionsRoot().toString()));
        loader.initRoots(sourcePath, protoPath);
        try {
            Schema schema = loader.loadSchema();
            List<ProtoFile> sourceFiles = loader.getSourcePathFiles().stream()
                    .sorted(Comparator.comparing(f -> f.getLocation().getPath()))
                    .toList();
            return new LoadedProtos(schema, sourceFiles);
        } catch (SchemaException e) {
            for (String block : splitErrors(e.getMessage())) {
                problems.add(linkProblem(block, texts));
            }
        } catch (IllegalStateException | IllegalArgumentException e) {
            problems.add(fromMessage(e.getMessage(), "protos", "fix the definition at that place"));
        }
        return null;
    }

    /** The broken files and every source file that imports one of them, directly or not. */
    private static Set<String> dependents(Set<String> broken, Map<String, ProtoFileElement> parsed) {
        Set<String> affected = new HashSet<>(broken);
        boolean grew = true;
        while (grew) {
            grew = false;
            for (Map.Entry<String, ProtoFileElement> file : parsed.entrySet()) {
                if (affected.contains(file.getKey())) {
                    continue;
                }
                List<String> imports = new ArrayList<>(file.getValue().getImports());
                imports.addAll(file.getValue().getPublicImports());
                if (imports.stream().anyMatch(affected::contains)) {
                    affected.add(file.getKey());
                    grew = true;
                }
            }
        }
        return affected;
    }

    private record Definition(String kind, String name, Location location) {}

    /** Services and top-level types defined twice, each named with both places. */
    private static List<Problem> findDuplicates(Collection<ProtoFileElement> files) {
        List<Problem> problems = new ArrayList<>();
        Map<String, Location> seen = new HashMap<>();
        for (ProtoFileElement file : files) {
            String prefix = file.getPackageName() == null ? "" : file.getPackageName() + ".";
            List<Definition> defined = new ArrayList<>();
            for (ServiceElement service : file.getServices()) {
                defined.add(new Definition("service", prefix + service.getName(), service.getLocation()));
            }
            for (TypeElement type : file.getTypes()) {
                defined.add(new Definition("type", prefix + type.getName(), type.getLocation()));
            }
            for (Definition d : defined) {
                Location first = seen.putIfAbsent(d.name(), d.location());
                if (first != null) {
                    problems.add(Problem.at(
                            d.location().getPath(),
                            d.location().getLine(),
                            d.location().getColumn(),
                            d.kind() + " " + d.name() + " is already defined at " + first,
                            "rename one of them or exclude one file with <excludes>"));
                }
            }
        }
        return problems;
    }

    /** Wire joins its errors with newlines; each starts unindented and its context lines are indented. */
    private static List<String> splitErrors(String message) {
        List<String> blocks = new ArrayList<>();
        StringBuilder current = null;
        for (String line : message.split("\n")) {
            if (!line.startsWith(" ") || current == null) {
                if (current != null) {
                    blocks.add(current.toString());
                }
                current = new StringBuilder(line);
            } else {
                current.append('\n').append(line);
            }
        }
        if (current != null) {
            blocks.add(current.toString());
        }
        return blocks;
    }

    private Problem linkProblem(String wireBlock, Map<String, String> texts) {
        String block = withoutBase(wireBlock);
        String headline = block.lines().findFirst().orElse(block).trim();
        Matcher missing = MISSING_IMPORT.matcher(headline);
        if (missing.find()) {
            String imported = missing.group(1);
            Matcher forFile = FOR_FILE.matcher(block);
            String file = forFile.find() ? forFile.group(1) : "protos";
            String relative = relativeToRoot(file);
            int line = lineOf(texts.get(relative), "\"" + imported + "\"");
            return Problem.at(
                    display(file),
                    line,
                    line > 0 ? 1 : 0,
                    "import \"" + imported + "\" cannot be found",
                    "add the directory or jar that holds it to <protoImportPaths>, or add the Maven dependency"
                            + " that ships it (protos inside dependency jars are importable)");
        }
        String context = block.lines()
                .skip(1)
                .map(String::trim)
                .reduce((a, b) -> a + ", " + b)
                .orElse("");
        String fix = headline.contains("needs to import")
                ? "add that import to the file"
                : headline.startsWith("unable to resolve")
                        ? "check the type's name and package, and that the file defining it is imported"
                        : "fix the definition at that place";
        Problem located = fromMessage(block, "protos", fix);
        String message = headline + (context.isEmpty() ? "" : " (" + context + ")");
        return Problem.at(located.where(), located.line(), located.column(), message, fix);
    }

    /** A problem placed at the first {@code file:line:col} the message names. */
    private Problem fromMessage(String message, String fallbackWhere, String fix) {
        Matcher m = LOCATION.matcher(message);
        String text = message.replaceFirst("^Syntax error in [^:]+:\\d+:\\d+: ", "syntax error: ");
        if (m.find()) {
            return Problem.at(
                    display(m.group(1)),
                    Integer.parseInt(m.group(2)),
                    Integer.parseInt(m.group(3)),
                    text.lines().findFirst().orElse(text),
                    fix);
        }
        return Problem.in(fallbackWhere, text, fix);
    }

    private String relativeToRoot(String file) {
        for (Path root : inputs.sourceRoots()) {
            String prefix = display(root) + "/";
            if (file.startsWith(prefix)) {
                return file.substring(prefix.length());
            }
            String absolute = root + "/";
            if (file.startsWith(absolute)) {
                return file.substring(absolute.length());
            }
        }
        return file;
    }

    /** Wire names files by the absolute roots it was given; users read them relative to the project. */
    private String withoutBase(String message) {
        Path base = inputs.baseDirectory();
        return base == null ? message : message.replace(base.toAbsolutePath() + "/", "");
    }

    private static int lineOf(String text, String needle) {
        if (text == null) {
            return 0;
        }
        String[] lines = text.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            if (lines[i].contains("import") && lines[i].contains(needle)) {
                return i + 1;
            }
        }
        return 0;
    }

    private String display(Path path) {
        return ProtoSourceScanner.display(inputs.baseDirectory(), path.toAbsolutePath());
    }

    private String display(String path) {
        return path.startsWith("/") ? display(Path.of(path)) : path;
    }

    private static boolean isArchive(Path path) {
        String name = path.getFileName().toString();
        return Files.isRegularFile(path) && (name.endsWith(".jar") || name.endsWith(".zip"));
    }

    private static String count(List<Problem> problems) {
        return problems.size() == 1 ? "1 problem" : problems.size() + " problems";
    }

    /** The proto path root that holds {@code switchboard/options.proto} ({@link OptionsRoot}). */
    static Path optionsRoot() {
        return OptionsRoot.get();
    }
}
