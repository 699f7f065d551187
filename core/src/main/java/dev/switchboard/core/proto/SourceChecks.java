package dev.switchboard.core.proto;

import com.squareup.wire.schema.internal.parser.ProtoFileElement;
import dev.switchboard.core.diag.Problem;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Checks of parsed source files that Wire does not make, or makes only at linking with a message that
 * does not say where or what to do: import paths that protoc rejects, import cycles, and files
 * that declare no syntax or nothing at all.
 */
final class SourceChecks {
    private SourceChecks() {}

    /** The problems and warnings of one parsed file; {@code text} is what it was parsed from. */
    static void checkFile(
            ProtoFileElement file, String text, String shown, List<Problem> problems, List<Problem> warnings) {
        for (String imported : imports(file)) {
            String wrong = importPathProblem(imported);
            if (wrong != null) {
                int[] place = importPlace(text, imported);
                problems.add(Problem.at(
                        shown,
                        place[0],
                        place[1],
                        "import \"" + imported + "\" " + wrong,
                        "name the file by its path below a source root, an import path or a dependency jar (if it"
                                + " lies outside them all, add its directory to <protoImportPaths>)"));
            }
        }
        if (isEmpty(file)) {
            warnings.add(Problem.at(
                    shown,
                    1,
                    1,
                    "the file is empty, so it adds nothing to the registry",
                    "give it a syntax statement and definitions, delete it, or leave it out with <excludes>"));
        } else if (file.getSyntax() == null) {
            warnings.add(Problem.at(
                    shown,
                    1,
                    1,
                    "no syntax statement, so the file is read as proto2 (as protoc reads it)",
                    "add syntax = \"proto3\"; (or \"proto2\") as its first statement"));
        }
    }

    /** Nothing but comments and blank lines: not even a syntax or package statement. */
    private static boolean isEmpty(ProtoFileElement file) {
        return file.getSyntax() == null
                && file.getPackageName() == null
                && file.getTypes().isEmpty()
                && file.getServices().isEmpty()
                && file.getExtendDeclarations().isEmpty()
                && file.getOptions().isEmpty()
                && imports(file).isEmpty();
    }

    /** What protoc rejects in an import's path (its "virtual path" rules), or null when it is fine. */
    private static String importPathProblem(String imported) {
        if (imported.contains("\\")) {
            return "uses '\\'; paths in imports are separated by '/'";
        }
        if (imported.startsWith("/")) {
            return "is an absolute path; imports are relative to the source roots and import paths";
        }
        for (String segment : imported.split("/", -1)) {
            if (segment.equals("..")) {
                return "climbs out with \"..\"; imports are resolved below the source roots and import paths, never"
                        + " relative to the importing file";
            }
            if (segment.equals(".") || segment.isEmpty()) {
                return "has an empty or \".\" segment, which protoc rejects";
            }
        }
        return null;
    }

    /**
     * Import cycles among the parsed files, each reported once at the import that closes it in its first
     * file (by path), spelled out as {@code a.proto → b.proto → a.proto}. The files of every cycle are
     * added to {@code inCycle}.
     *
     * @param files what each parsed file imports, by its path below the source root, which is how imports
     *     name them
     * @param texts the files' texts by the same path
     * @param shown the files' paths as the user sees them, by the same path
     */
    static List<Problem> importCycles(
            Map<String, List<String>> files,
            Map<String, String> texts,
            Map<String, String> shown,
            Set<String> inCycle) {
        Map<String, List<String>> edges = new HashMap<>();
        files.forEach((path, imported) -> {
            List<String> sources = new ArrayList<>(imported.size());
            for (String file : imported) {
                if (files.containsKey(file)) {
                    sources.add(file);
                }
            }
            edges.put(path, sources);
        });
        List<Problem> problems = new ArrayList<>();
        for (String start : onCycles(edges)) {
            if (inCycle.contains(start)) {
                continue;
            }
            List<String> cycle = shortestCycle(start, edges);
            if (cycle == null) {
                continue;
            }
            inCycle.addAll(cycle);
            String next = cycle.size() > 1 ? cycle.get(1) : start;
            int[] place = importPlace(texts.get(start), next);
            String chain = String.join(" → ", cycle) + " → " + start;
            problems.add(Problem.at(
                    shown.get(start),
                    place[0],
                    place[1],
                    cycle.size() == 1
                            ? "the file imports itself"
                            : "imports form a cycle: " + chain + ", which protoc rejects",
                    cycle.size() == 1
                            ? "remove the import"
                            : "move what the files need from each other into a new file that they both import, and"
                                    + " remove one import of the cycle"));
        }
        return problems;
    }

    /**
     * The files that may lie on a cycle, sorted: what is left after repeatedly taking away files nothing
     * imports and files that import nothing. Usually none are, so a large tree pays no search per file; each
     * import is looked at once or twice, however deep the imports go.
     */
    private static Set<String> onCycles(Map<String, List<String>> edges) {
        Map<String, Integer> importedBy = new HashMap<>();
        Map<String, Integer> imports = new HashMap<>();
        Map<String, List<String>> importers = new HashMap<>();
        edges.forEach((file, imported) -> {
            importedBy.putIfAbsent(file, 0);
            imports.put(file, imported.size());
            for (String next : imported) {
                importedBy.merge(next, 1, Integer::sum);
                importers.computeIfAbsent(next, k -> new ArrayList<>()).add(file);
            }
        });
        Deque<String> pending = new ArrayDeque<>();
        edges.keySet().forEach(file -> {
            if (importedBy.get(file) == 0 || imports.get(file) == 0) {
                pending.add(file);
            }
        });
        Set<String> taken = new HashSet<>();
        while (!pending.isEmpty()) {
            String file = pending.poll();
            if (!taken.add(file)) {
                continue;
            }
            for (String next : edges.get(file)) {
                if (!taken.contains(next) && importedBy.merge(next, -1, Integer::sum) == 0) {
                    pending.add(next);
                }
            }
            for (String importer : importers.getOrDefault(file, List.of())) {
                if (!taken.contains(importer) && imports.merge(importer, -1, Integer::sum) == 0) {
                    pending.add(importer);
                }
            }
        }
        Set<String> left = new TreeSet<>();
        for (String file : edges.keySet()) {
            if (!taken.contains(file)) {
                left.add(file);
            }
        }
        return left;
    }

    /** The files of the shortest path from {@code start} back to itself, starting with it; null if none. */
    private static List<String> shortestCycle(String start, Map<String, List<String>> edges) {
        Map<String, String> cameFrom = new HashMap<>();
        Deque<String> pending = new ArrayDeque<>();
        pending.add(start);
        while (!pending.isEmpty()) {
            String file = pending.poll();
            for (String next : edges.getOrDefault(file, List.of())) {
                if (next.equals(start)) {
                    List<String> path = new ArrayList<>();
                    for (String at = file; at != null; at = cameFrom.get(at)) {
                        path.add(0, at);
                    }
                    return path;
                }
                if (!cameFrom.containsKey(next)) {
                    cameFrom.put(next, file);
                    pending.add(next);
                }
            }
        }
        return null;
    }

    static List<String> imports(ProtoFileElement file) {
        Set<String> all = new LinkedHashSet<>(file.getImports());
        all.addAll(file.getPublicImports());
        all.addAll(file.getWeakImports());
        return List.copyOf(all);
    }

    /** Line and column of the {@code import} statement naming {@code imported}; {0, 0} when not found. */
    static int[] importPlace(String text, String imported) {
        if (text == null) {
            return new int[] {0, 0};
        }
        String[] lines = text.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            int keyword = lines[i].indexOf("import");
            if (keyword >= 0 && lines[i].indexOf("\"" + imported + "\"", keyword) > keyword) {
                return new int[] {i + 1, keyword + 1};
            }
        }
        return new int[] {0, 0};
    }
}
