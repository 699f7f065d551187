package dev.switchboard.core.proto;

import dev.switchboard.core.diag.Problem;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileSystems;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/** Finds the proto files of the source roots that the include and exclude globs select. */
public final class ProtoSourceScanner {
    private final List<PathMatcher> includes;
    private final List<PathMatcher> excludes;
    private final boolean onlyProtos;

    public ProtoSourceScanner(List<String> includes, List<String> excludes) {
        this.includes = includes.stream().flatMap(ProtoSourceScanner::matchers).toList();
        this.excludes = excludes.stream().flatMap(ProtoSourceScanner::matchers).toList();
        this.onlyProtos = includes.stream().allMatch(glob -> glob.endsWith(".proto"));
    }

    /**
     * The selected files, sorted. Missing roots give nothing (the caller reports "no protos");
     * unreadable ones are added to {@code problems}.
     */
    public List<ProtoSource> scan(List<Path> roots, List<Problem> problems, Path baseDirectory) {
        List<ProtoSource> found = new ArrayList<>();
        for (Path root : roots) {
            if (!Files.isDirectory(root)) {
                continue;
            }
            try {
                // One walk whose attributes serve both the selection and the up-to-date stamps: no
                // second stat per file (the no-op check of an unchanged build must stay cheap).
                Files.walkFileTree(root, new SimpleFileVisitor<>() {
                    @Override
                    public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) {
                        if (attributes.isRegularFile()) {
                            String relative = root.relativize(file).toString().replace('\\', '/');
                            if (selected(relative)) {
                                found.add(new ProtoSource(
                                        root,
                                        relative,
                                        attributes.size(),
                                        attributes.lastModifiedTime().toMillis()));
                            }
                        }
                        return FileVisitResult.CONTINUE;
                    }
                });
            } catch (IOException | UncheckedIOException e) {
                problems.add(Problem.in(
                        display(baseDirectory, root),
                        "cannot read the proto source root (" + e.getMessage() + ")",
                        "check that the directory exists and is readable, or remove it from <protoSourceRoots>"));
            }
        }
        found.sort(null);
        return found;
    }

    private boolean selected(String relativePath) {
        if (onlyProtos && !relativePath.endsWith(".proto")) {
            return false;
        }
        Path path = Path.of(relativePath);
        return includes.stream().anyMatch(m -> m.matches(path))
                && excludes.stream().noneMatch(m -> m.matches(path));
    }

    /** {@code **}{@code /x} also matches {@code x} at the root, as Ant and Maven users expect. */
    private static Stream<PathMatcher> matchers(String glob) {
        PathMatcher full = FileSystems.getDefault().getPathMatcher("glob:" + glob);
        if (glob.startsWith("**/")) {
            return Stream.of(full, FileSystems.getDefault().getPathMatcher("glob:" + glob.substring(3)));
        }
        return Stream.of(full);
    }

    static String display(Path baseDirectory, Path path) {
        if (baseDirectory != null && path.isAbsolute() && path.startsWith(baseDirectory)) {
            return baseDirectory.relativize(path).toString().replace('\\', '/');
        }
        return path.toString().replace('\\', '/');
    }
}
