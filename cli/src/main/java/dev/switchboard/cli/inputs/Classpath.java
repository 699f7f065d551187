package dev.switchboard.cli.inputs;

import dev.switchboard.core.diag.IoProblems;
import dev.switchboard.core.diag.Problem;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The jars and class directories that stand in for a Maven project's dependencies: their protos may be
 * imported, their AWS SDK clients become services, and {@code validate} reads their classes.
 */
public final class Classpath {
    private Classpath() {}

    /**
     * The entries of {@code --classpath} values (each a path-separator list) and of {@code
     * --classpath-file} files (one entry a line, or one path-separator list), in order and without
     * repeats; relative entries are taken from the current directory. Every entry must exist.
     *
     * @param problems receives one problem per missing entry or unreadable file
     */
    public static List<Path> of(List<String> inline, List<Path> files, List<Problem> problems) {
        Set<Path> entries = new LinkedHashSet<>();
        for (String value : inline) {
            add(entries, value, "--classpath", problems);
        }
        for (Path file : files) {
            String text;
            try {
                text = Files.readString(file, StandardCharsets.UTF_8);
            } catch (IOException e) {
                problems.add(Problem.in(
                        "--classpath-file",
                        file + " cannot be read (" + IoProblems.reason(e) + ")",
                        "write it with `mvn dependency:build-classpath -Dmdep.outputFile=" + file + "`"));
                continue;
            }
            text.lines().forEach(line -> add(entries, line, "--classpath-file " + file, problems));
        }
        return List.copyOf(entries);
    }

    private static void add(Set<Path> entries, String list, String where, List<Problem> problems) {
        List<String> parts = new ArrayList<>(Arrays.asList(list.split(File.pathSeparator)));
        for (String part : parts) {
            String entry = part.strip();
            if (entry.isEmpty()) {
                continue;
            }
            Path path = Path.of(entry).toAbsolutePath().normalize();
            if (!Files.exists(path)) {
                problems.add(Problem.in(
                        where,
                        entry + " does not exist",
                        "give existing jars and class directories, separated by " + File.pathSeparator));
            } else {
                entries.add(path);
            }
        }
    }
}
