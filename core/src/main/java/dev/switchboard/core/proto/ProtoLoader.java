package dev.switchboard.core.proto;

import com.squareup.wire.schema.ErrorCollector;
import com.squareup.wire.schema.Linker;
import com.squareup.wire.schema.Location;
import com.squareup.wire.schema.ProtoFile;
import com.squareup.wire.schema.Schema;
import com.squareup.wire.schema.SchemaException;
import com.squareup.wire.schema.internal.parser.ProtoFileElement;
import com.squareup.wire.schema.internal.parser.ProtoParser;
import dev.switchboard.core.diag.InputException;
import dev.switchboard.core.diag.IoProblems;
import dev.switchboard.core.diag.Problem;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.zip.ZipFile;

/**
 * Loads and links the protos of the source roots with Wire.
 *
 * <p>Wire stops at the first syntax error and reports one duplicate definition at a time, so every
 * source file is parsed on its own first: all syntax errors, duplicates and the problems of {@link
 * SourceChecks} are collected and reported together. Only a clean parse goes on to linking, whose errors
 * Wire collects itself. Both read each file as {@link WireDialect} gives it, so editions files and proto2
 * groups load, placed where they stand in the user's file.
 */
final class ProtoLoader {
    private final ProtoInputs inputs;
    /** {@link #shownRoot} of each source root; a root whose files are shown one by one has none. */
    private final Map<Path, String> shownRoots = new ConcurrentHashMap<>();

    ProtoLoader(ProtoInputs inputs) {
        this.inputs = inputs;
    }

    /**
     * The proto files of the source roots and of the source dependencies ({@link DependencySources})
     * that the globs select. A configured root or import path that is missing or of the wrong kind is
     * added to {@code problems}; dangling links and link loops, which do not stop the build, to {@code
     * warnings}.
     */
    List<ProtoSource> sources(List<Problem> problems, List<Problem> warnings) {
        for (Path path : inputs.importPaths()) {
            String shown = display(path);
            if (!Files.exists(path)) {
                problems.add(Problem.in(
                        "<protoImportPaths>",
                        shown + " does not exist",
                        "correct the path, or remove it from <protoImportPaths>"));
            } else if (!Files.isDirectory(path) && !isArchive(path)) {
                problems.add(Problem.in(
                        "<protoImportPaths>",
                        shown + " is neither a directory nor a .jar or .zip archive",
                        "name the directory (or archive) that holds the protos to import"));
            }
        }
        ProtoSourceScanner scanner = new ProtoSourceScanner(inputs.includes(), inputs.excludes());
        List<ProtoSource> local = scanner.scan(inputs.sourceRoots(), problems, warnings, inputs.baseDirectory());
        return DependencySources.gather(inputs, scanner, local, problems, warnings);
    }

    /**
     * Parses every source and checks what can be checked file by file and across files: syntax, import
     * paths, import cycles, duplicate definitions. With problems, what does not lean on a broken file is
     * linked too, so that its errors come in the same report, and all of them are thrown.
     *
     * @param cache holds the summaries of files parsed in an earlier build, by content, which are not
     *     parsed again, and is given this build's; null to parse every file
     */
    Checked check(List<ProtoSource> sources, ProtoCache cache, SourceHashes known) throws InputException {
        List<Problem> problems = new ArrayList<>();
        List<Problem> warnings = new ArrayList<>();
        // Filled further when files whose text was not read here are linked, on several threads.
        Map<String, String> texts = new ConcurrentHashMap<>();
        Map<String, String> shownPaths = new HashMap<>();
        Map<String, String> hashes = new HashMap<>();
        Map<String, FileSummary> summaries = new LinkedHashMap<>();
        Map<String, Parsed> parsed = new HashMap<>();
        Set<String> broken = new HashSet<>();
        // Files parse independently, so both cores share the work; the results are merged in the
        // sources' order, which keeps the report and the registry the same from run to run.
        List<Parsed> results =
                sources.parallelStream().map(s -> parse(s, cache, known)).toList();
        for (Parsed file : results) {
            shownPaths.put(file.relative(), file.shown());
            problems.addAll(file.problems());
            if (file.text() != null) {
                texts.put(file.relative(), file.text());
            }
            if (file.hash() != null) {
                hashes.put(file.relative(), file.hash());
            }
            if (file.summary() != null) {
                summaries.put(file.relative(), file.summary());
                warnings.addAll(file.summary().warnings());
            }
            if (file.element() != null) {
                parsed.put(file.relative(), file);
            }
            if (file.summary() == null) {
                broken.add(file.relative());
            }
        }
        Map<String, List<String>> imports = new LinkedHashMap<>();
        summaries.forEach((file, summary) -> imports.put(file, summary.imports()));
        List<Problem> cycles = SourceChecks.importCycles(mayCycle(results, imports), texts, shownPaths, broken);
        if (!cycles.isEmpty() && texts.size() < summaries.size()) {
            // A cycle is placed at its import statements: read every file, as without a record of hashes.
            return check(sources, cache, null);
        }
        problems.addAll(cycles);
        List<Problem> duplicates = findDuplicates(summaries, shownPaths);
        if (!duplicates.isEmpty()) {
            problems.addAll(duplicates);
            throw new InputException(count(problems) + " in the proto sources", problems);
        }
        Checked checked = new Checked(imports, summaries, parsed, texts, shownPaths, hashes, warnings);
        if (!problems.isEmpty()) {
            // Link what does not lean on a broken file, so its errors come in this same report.
            Set<String> affected = dependents(broken, imports);
            List<ProtoSource> clean = sources.stream()
                    .filter(s -> !affected.contains(s.relativePath()))
                    .toList();
            if (!clean.isEmpty()) {
                link(clean, checked, problems);
            }
            throw new InputException(count(problems) + " in the proto sources", problems);
        }
        if (cache != null) {
            results.forEach(file -> cache.keepParsed(file.cacheKey(), file.summary(), file.element() == null));
        }
        return checked;
    }

    /**
     * Links the given checked sources (all of them, or the few whose results were not kept from an
     * earlier build); what they import is loaded as Wire loads it.
     */
    LoadedProtos link(List<ProtoSource> sources, Checked checked) throws InputException {
        List<Problem> problems = new ArrayList<>();
        LoadedProtos loaded = link(sources, checked, problems);
        if (loaded == null) {
            throw new InputException(count(problems) + " linking the proto sources", problems);
        }
        return new LoadedProtos(
                loaded.schema(), loaded.sourceFiles(), checked.texts(), checked.shownPaths(), checked.warnings());
    }

    /**
     * The sources, parsed and checked.
     *
     * @param imports the sources each source imports, by its path below the source root
     * @param summaries what the checks read of each, by the same path
     * @param parsed the files parsed in this build (not those whose summary came from the cache), by the
     *     same path
     * @param texts their own texts, by the same path
     * @param shownPaths their paths as the user reads them, by the same path
     * @param hashes the SHA-256 of their bytes, by the same path
     * @param warnings what the user should know about them, though nothing failed
     */
    record Checked(
            Map<String, List<String>> imports,
            Map<String, FileSummary> summaries,
            Map<String, Parsed> parsed,
            Map<String, String> texts,
            Map<String, String> shownPaths,
            Map<String, String> hashes,
            List<Problem> warnings) {

        /**
         * A key for each file that changes when the file or any source it imports, directly or not,
         * changes, or when {@code environment} does: what its services give the registry depends on
         * nothing else.
         */
        Map<String, String> keys(String environment) {
            Map<String, String> keys = new HashMap<>();
            for (String file : imports.keySet()) {
                key(file, environment, keys);
            }
            return keys;
        }

        /**
         * The key of one file from its own content and the keys of the sources it imports, each worked out
         * once: a change anywhere below a file reaches its key through its imports' keys. Sources have no
         * import cycles here (the checks refuse them).
         */
        private String key(String file, String environment, Map<String, String> keys) {
            String known = keys.get(file);
            if (known != null) {
                return known;
            }
            StringBuilder key = new StringBuilder(environment)
                    .append('\n')
                    .append(file)
                    .append('=')
                    .append(hashes.get(file));
            for (String imported : new TreeSet<>(imports.get(file))) {
                if (imports.containsKey(imported)) {
                    key.append('\n').append(imported).append(':').append(key(imported, environment, keys));
                }
            }
            String result = ProtoText.sha256(key.toString().getBytes(StandardCharsets.UTF_8));
            keys.put(file, result);
            return result;
        }

        /** The given files and every source file they import, directly or not, sorted by path. */
        Set<String> withImports(Collection<String> files) {
            return ProtoLoader.withImports(files, imports);
        }
    }

    /**
     * One source file read, put through {@link WireDialect} and parsed, or read and found in the cache.
     *
     * @param text the file's own text; null when it cannot be read
     * @param hash the SHA-256 of its bytes; null when it cannot be read
     * @param view its text as Wire reads it; null when it was not parsed
     * @param element the parsed file, located as the linker locates it (below its source root); null when
     *     it cannot be read, does not parse, or was not parsed
     * @param summary what the checks read of it; null when it has problems
     * @param cacheKey its key among the cache's summaries; null without a cache
     */
    record Parsed(
            String relative,
            String shown,
            String text,
            String hash,
            WireDialect.View view,
            ProtoFileElement element,
            FileSummary summary,
            String cacheKey,
            List<Problem> problems) {}

    /**
     * Reads one source and parses it, once: the element serves both the checks here and the linker, which
     * resolves imports by the path below the source root, so that is how it is located. Wire names that
     * place in a syntax error; the user reads the file as {@code shown}. A file whose summary the cache
     * holds is not parsed here; {@link #link} parses it when it must be linked.
     */
    private Parsed parse(ProtoSource source, ProtoCache cache, SourceHashes known) {
        List<Problem> problems = new ArrayList<>();
        String shown = shown(source);
        String relative = source.relativePath();
        String knownHash = cache == null || known == null ? null : known.known(source);
        if (knownHash != null) {
            // Unchanged since the last build, whose summary of it the cache holds: the file is not read.
            String cacheKey = cacheKey(cache, shown, knownHash);
            FileSummary cached = cache.parsed(cacheKey);
            if (cached != null) {
                return new Parsed(relative, shown, null, knownHash, null, null, cached, cacheKey, problems);
            }
        }
        byte[] bytes = read(source.file(), shown, problems);
        String text = bytes == null ? null : ProtoText.decode(bytes, shown, problems);
        if (text == null) {
            return new Parsed(relative, shown, null, null, null, null, null, null, problems);
        }
        String hash = ProtoText.sha256(bytes);
        if (known != null) {
            known.remember(source, hash);
        }
        String cacheKey = cache == null ? null : cacheKey(cache, shown, hash);
        FileSummary cached = cache == null ? null : cache.parsed(cacheKey);
        if (cached != null) {
            return new Parsed(relative, shown, text, hash, null, null, cached, cacheKey, problems);
        }
        List<Problem> warnings = new ArrayList<>();
        WireDialect.View view = WireDialect.view(text, shown, problems);
        Location location = Location.get(source.root().toString(), relative);
        ProtoFileElement element = null;
        try {
            element = ProtoParser.Companion.parse(location, view.text());
            SourceChecks.checkFile(element, text, shown, problems, warnings);
        } catch (IllegalStateException e) {
            String message = String.valueOf(e.getMessage()).replace(location.toString(), shown);
            problems.add(new WireErrors(this::display, this::relativeToRoot, List.of()).parseProblem(message, shown));
        }
        FileSummary summary = element == null || !problems.isEmpty() ? null : FileSummary.of(element, warnings);
        return new Parsed(relative, shown, text, hash, view, element, summary, cacheKey, problems);
    }

    /**
     * The source's path as the user reads it ({@link #display}): its root's, worked out once, and its path
     * below the root, as {@link #display} for each of thousands of unchanged files was a quarter of a
     * rebuild's parse stage. A root above the project's directory, or one spelled with {@code .} or
     * {@code ..}, is shown file by file, as only the whole path says whether it lies in the project.
     */
    private String shown(ProtoSource source) {
        String root = shownRoots.computeIfAbsent(source.root(), this::shownRoot);
        if (root == null) {
            return display(source.file());
        } else if (root.isEmpty()) {
            return source.relativePath();
        }
        return root.endsWith("/") ? root + source.relativePath() : root + "/" + source.relativePath();
    }

    /** The root as {@link #shown} prefixes its files' paths with; {@code ""} for the project's directory itself. */
    private String shownRoot(Path root) {
        Path absolute = root.toAbsolutePath();
        Path base =
                inputs.baseDirectory() == null ? null : inputs.baseDirectory().toAbsolutePath();
        for (Path name : absolute) {
            if (name.toString().equals(".") || name.toString().equals("..")) {
                return null;
            }
        }
        if (base != null && base.startsWith(absolute) && !base.equals(absolute)) {
            return null;
        }
        return display(root);
    }

    private static String cacheKey(ProtoCache cache, String shown, String hash) {
        return ProtoText.sha256((cache.environment() + "\n" + shown + "\n" + hash).getBytes(StandardCharsets.UTF_8));
    }

    /** The file's bytes, or null with the problem added when it cannot be read. */
    private static byte[] read(Path file, String shown, List<Problem> problems) {
        try {
            return Files.readAllBytes(file);
        } catch (IOException e) {
            problems.add(Problem.in(
                    shown,
                    "cannot read the file (" + IoProblems.reason(e) + ")",
                    "check that it exists and that you may read it"));
            return null;
        }
    }

    /**
     * Links the sources with Wire; null, with the problems added, when linking fails. The result has no
     * texts or warnings yet. What the sources import beyond themselves comes through {@link
     * DialectLoader}.
     */
    private LoadedProtos link(List<ProtoSource> sources, Checked checked, List<Problem> problems) {
        Map<String, String> texts = checked.texts();
        List<String> typeNames = new ArrayList<>();
        checked.summaries().values().forEach(summary -> typeNames.addAll(summary.typeNames()));
        WireErrors errors = new WireErrors(this::display, this::relativeToRoot, typeNames);
        List<Path> roots = new ArrayList<>();
        inputs.sourceRoots().stream().filter(Files::isDirectory).forEach(roots::add);
        inputs.importPaths().stream().filter(Files::exists).forEach(roots::add);
        inputs.dependencyArchives().stream().filter(ProtoLoader::isArchive).forEach(roots::add);
        if (inputs.dependencyArchives().stream().noneMatch(ProtoLoader::holdsOptions)) {
            roots.add(optionsRoot());
        }
        ErrorCollector collected = new ErrorCollector();
        try (DialectLoader loader = new DialectLoader(roots)) {
            // Files whose summary came from the cache are parsed now, as they must be linked.
            List<Parsed> missing = sources.parallelStream()
                    .filter(s -> !checked.parsed().containsKey(s.relativePath()))
                    .map(s -> parse(s, null, null))
                    .toList();
            missing.stream().filter(p -> p.text() != null).forEach(p -> texts.put(p.relative(), p.text()));
            Map<String, Parsed> parsedNow = new HashMap<>(checked.parsed());
            missing.forEach(p -> parsedNow.put(p.relative(), p));
            List<ProtoFileElement> elements = SettledFieldOptions.strip(
                    sources.stream()
                            .map(s -> parsedNow.get(s.relativePath()).element())
                            .toList(),
                    loader);
            List<ProtoFile> files = new ArrayList<>();
            for (int i = 0; i < sources.size(); i++) {
                Parsed file = parsedNow.get(sources.get(i).relativePath());
                files.add(WireDialect.file(elements.get(i), file.view().editions()));
            }
            Schema schema = new Linker(loader, collected, false, false).link(files);
            collected.throwIfNonEmpty();
            List<ProtoFile> sourceFiles = files.stream()
                    .sorted(Comparator.comparing(f -> f.getLocation().getPath()))
                    .toList();
            return new LoadedProtos(schema, sourceFiles, Map.of(), Map.of(), List.of());
        } catch (SchemaException e) {
            for (String block : WireErrors.splitErrors(withoutBase(e.getMessage()))) {
                problems.add(errors.linkProblem(block, texts));
            }
        } catch (IllegalStateException | IllegalArgumentException | UncheckedIOException e) {
            problems.add(errors.linkFailure(withoutBase(String.valueOf(e.getMessage()))));
        } catch (IOException e) {
            problems.add(Problem.in(
                    "<protoImportPaths>",
                    "an archive of the import paths or dependencies cannot be closed (" + e.getMessage() + ")",
                    "check that the archive is a readable .jar or .zip file"));
        }
        return null;
    }

    /**
     * The part of {@code imports} where an import cycle can be. The summaries the cache holds are those of
     * the last build that wrote a registry, whose files had no cycle (the checks refuse one), so a cycle now
     * runs through a file parsed in this build: it lies among what those files import, directly or not.
     * After one edit in a tree of thousands, that is a few dozen files instead of all of them.
     */
    private static Map<String, List<String>> mayCycle(List<Parsed> results, Map<String, List<String>> imports) {
        List<String> parsedNow = results.stream()
                .filter(file -> file.element() != null || file.summary() == null)
                .map(Parsed::relative)
                .toList();
        if (parsedNow.size() == results.size()) {
            return imports;
        }
        Set<String> reached = withImports(parsedNow, imports);
        Map<String, List<String>> part = new LinkedHashMap<>();
        imports.forEach((file, imported) -> {
            if (reached.contains(file)) {
                part.put(file, imported);
            }
        });
        return part;
    }

    /** The given files and every source file they import, directly or not, sorted by path. */
    private static Set<String> withImports(Collection<String> files, Map<String, List<String>> imports) {
        Set<String> closure = new TreeSet<>();
        Deque<String> pending = new ArrayDeque<>(files);
        while (!pending.isEmpty()) {
            String next = pending.poll();
            if (closure.add(next)) {
                imports.getOrDefault(next, List.of()).stream()
                        .filter(imports::containsKey)
                        .forEach(pending::add);
            }
        }
        return closure;
    }

    /** The broken files and every source file that imports one of them, directly or not. */
    private static Set<String> dependents(Set<String> broken, Map<String, List<String>> imports) {
        Set<String> affected = new HashSet<>(broken);
        boolean grew = true;
        while (grew) {
            grew = false;
            for (Map.Entry<String, List<String>> file : imports.entrySet()) {
                if (affected.contains(file.getKey())) {
                    continue;
                }
                if (file.getValue().stream().anyMatch(affected::contains)) {
                    affected.add(file.getKey());
                    grew = true;
                }
            }
        }
        return affected;
    }

    /**
     * Services and top-level types defined twice, each named with both places.
     *
     * @param files the files' summaries by their path below the source root
     * @param shown the files' paths as the user reads them, by the same path
     */
    private static List<Problem> findDuplicates(Map<String, FileSummary> files, Map<String, String> shown) {
        List<Problem> problems = new ArrayList<>();
        // The first definition of each name, with the file it is in; placed in words only for a duplicate.
        Map<String, Map.Entry<String, FileSummary.Definition>> seen = new HashMap<>();
        for (Map.Entry<String, FileSummary> entry : files.entrySet()) {
            String where = shown.get(entry.getKey());
            for (FileSummary.Definition d : entry.getValue().definitions()) {
                Map.Entry<String, FileSummary.Definition> first = seen.putIfAbsent(d.name(), Map.entry(where, d));
                if (first != null) {
                    problems.add(Problem.at(
                            where,
                            d.line(),
                            d.column(),
                            d.kind() + " " + d.name() + " is already defined at " + first.getKey() + ":"
                                    + first.getValue().line() + ":"
                                    + first.getValue().column(),
                            "rename one of them or exclude one file with <excludes>"));
                }
            }
        }
        return problems;
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

    /**
     * Whether a dependency archive holds {@code switchboard/options.proto}, as the {@code
     * switchboard-options} jar does in a project that depends on it to compile its protos with protoc:
     * Wire refuses a file that two roots of the proto path hold ("is ambiguous"), so the engine's own
     * copy steps aside.
     */
    private static boolean holdsOptions(Path archive) {
        if (!isArchive(archive)) {
            return false;
        }
        try (ZipFile zip = new ZipFile(archive.toFile())) {
            return zip.getEntry(OptionsRoot.OPTIONS) != null;
        } catch (IOException e) {
            // An archive that cannot be read is reported where the protos are loaded from it.
            return false;
        }
    }
}
