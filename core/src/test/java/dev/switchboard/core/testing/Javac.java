package dev.switchboard.core.testing;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;

/** Compiles generated sources with the JDK's compiler against the test classpath. */
public final class Javac {
    private Javac() {}

    /**
     * Writes the sources (path relative to a source root → text) under {@code dir} and compiles them.
     *
     * @return the compiler's errors, empty when it compiled
     */
    public static List<String> compile(Path dir, Map<String, String> sources) {
        try {
            Path src = dir.resolve("src");
            Path out = dir.resolve("classes");
            Files.createDirectories(out);
            List<File> files = new ArrayList<>();
            for (Map.Entry<String, String> source : sources.entrySet()) {
                Path file = src.resolve(source.getKey());
                Files.createDirectories(file.getParent());
                Files.writeString(file, source.getValue());
                files.add(file.toFile());
            }
            JavaCompiler compiler = ToolProvider.getSystemJavaCompiler();
            DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
            try (StandardJavaFileManager fm = compiler.getStandardFileManager(diagnostics, null, null)) {
                List<String> options = List.of(
                        "-classpath",
                        System.getProperty("java.class.path"),
                        "-d",
                        out.toString(),
                        "--release",
                        "17",
                        "-proc:none",
                        "-Xlint:none");
                boolean ok = compiler.getTask(
                                null, fm, diagnostics, options, null, fm.getJavaFileObjectsFromFiles(files))
                        .call();
                List<String> errors = diagnostics.getDiagnostics().stream()
                        .filter(d -> d.getKind() == Diagnostic.Kind.ERROR)
                        .map(d -> d.getSource().getName() + ":" + d.getLineNumber() + ": " + d.getMessage(null))
                        .collect(Collectors.toList());
                if (!ok && errors.isEmpty()) {
                    errors.add("javac failed without an error message");
                }
                return errors;
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
