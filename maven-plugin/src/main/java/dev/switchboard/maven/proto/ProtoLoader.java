package dev.switchboard.maven.proto;

import com.squareup.wire.schema.Location;
import com.squareup.wire.schema.ProtoFile;
import com.squareup.wire.schema.Schema;
import com.squareup.wire.schema.SchemaException;
import com.squareup.wire.schema.SchemaLoader;
import com.squareup.wire.schema.internal.parser.ProtoFileElement;
import com.squareup.wire.schema.internal.parser.ProtoParser;
import com.squareup.wire.schema.internal.parser.ServiceElement;
import com.squareup.wire.schema.internal.parser.TypeElement;
import dev.switchboard.maven.diag.InputException;
import dev.switchboard.maven.diag.Problem;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
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
        List<ProtoFileElement> parsed = new ArrayList<>();
        for (ProtoSource source : sources) {
            String shown = display(source.file());
            try {
                String text = Files.readString(source.file(), StandardCharsets.UTF_8);
                texts.put(source.relativePath(), text);
                parsed.add(ProtoParser.Companion.parse(Location.get(shown), text));
            } catch (IOException e) {
                problems.add(Problem.in(shown, "cannot read the file (" + e + ")", "check its permissions"));
            } catch (IllegalStateException e) {
                problems.add(fromMessage(e.getMessage(), shown, "fix the syntax at that place"));
            }
        }
        findDuplicates(parsed, problems);
        if (!problems.isEmpty()) {
            throw new InputException(count(problems) + " in the proto sources", problems);
        }

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
        throw new InputException(count(problems) + " linking the proto sources", problems);
    }

    /** Services and top-level types defined twice, each named with both places. */
    private static void findDuplicates(List<ProtoFileElement> files, List<Problem> problems) {
        Map<String, Location> seen = new HashMap<>();
        for (ProtoFileElement file : files) {
            String prefix = file.getPackageName() == null ? "" : file.getPackageName() + ".";
            List<Object[]> defined = new ArrayList<>();
            for (ServiceElement service : file.getServices()) {
                defined.add(new Object[] {"service", service.getName(), service.getLocation()});
            }
            for (TypeElement type : file.getTypes()) {
                defined.add(new Object[] {"type", type.getName(), type.getLocation()});
            }
            for (Object[] d : defined) {
                String name = prefix + d[1];
                Location here = (Location) d[2];
                Location first = seen.putIfAbsent(name, here);
                if (first != null) {
                    problems.add(Problem.at(
                            here.getPath(),
                            here.getLine(),
                            here.getColumn(),
                            d[0] + " " + name + " is already defined at " + first,
                            "rename one of them or exclude one file with <excludes>"));
                }
            }
        }
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

    private Problem linkProblem(String block, Map<String, String> texts) {
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

    /**
     * The jar (or, in this project's own tests, the classes directory) holding {@code
     * switchboard/options.proto}, so users import it with no configuration.
     */
    static Path optionsRoot() {
        try {
            return Path.of(ProtoLoader.class
                    .getProtectionDomain()
                    .getCodeSource()
                    .getLocation()
                    .toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException("cannot locate the switchboard plugin's own classes", e);
        }
    }
}
