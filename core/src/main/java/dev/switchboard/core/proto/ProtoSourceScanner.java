package dev.switchboard.core.proto;

import dev.switchboard.core.diag.Problem;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileSystemLoopException;
import java.nio.file.FileSystems;
import java.nio.file.FileVisitOption;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.stream.Stream;

/**
 * Finds the proto files of the source roots that the include and exclude globs select. Symbolic links
 * are followed, to files and to directories, as protoc follows them.
 */
public final class ProtoSourceScanner {
    /** The conventional root; a project without protos (AWS services only) need not have it. */
    public static final String CONVENTIONAL_ROOT = "src/main/proto";

    private final List<PathMatcher> includes;
    private final List<PathMatcher> excludes;
    private final boolean onlyProtos;

    public ProtoSourceScanner(List<String> includes, List<String> excludes) {
        this.includes = includes.stream().flatMap(ProtoSourceScanner::matchers).toList();
        this.excludes = excludes.stream().flatMap(ProtoSourceScanner::matchers).toList();
        this.onlyProtos = includes.stream().allMatch(glob -> glob.endsWith(".proto"));
    }

    /**
     * The selected files, sorted. A missing {@code src/main/proto} gives nothing (the caller reports "no
     * protos"); any other missing root, a root that is a file, and an unreadable directory are added to
     * {@code problems}; dangling links and link loops, which do not stop the build, to {@code warnings}.
     */
    public List<ProtoSource> scan(
            List<Path> roots, List<Problem> problems, List<Problem> warnings, Path baseDirectory) {
        List<ProtoSource> found = new ArrayList<>();
        for (Path root : roots) {
            String shownRoot = display(baseDirectory, root.toAbsolutePath());
            if (!Files.exists(root)) {
                if (!isConventional(baseDirectory, root)) {
                    problems.add(Problem.in(
                            "<protoSourceRoots>",
                            shownRoot + " does not exist",
                            "correct the path, create the directory, or remove it from <protoSourceRoots>"));
                }
                continue;
            }
            if (!Files.isDirectory(root)) {
                problems.add(Problem.in(
                        "<protoSourceRoots>",
                        shownRoot + " is a file, not a directory",
                        "name the directory that holds the protos; the imports of a proto are resolved below it"));
                continue;
            }
            try {
                // One walk whose attributes serve both the selection and the up-to-date stamps: no
                // second stat per file (the no-op check of an unchanged build must stay cheap).
                Files.walkFileTree(
                        root,
                        EnumSet.of(FileVisitOption.FOLLOW_LINKS),
                        Integer.MAX_VALUE,
                        new Walk(root, baseDirectory, found, warnings));
            } catch (IOException | UncheckedIOException e) {
                problems.add(Problem.in(
                        shownRoot,
                        "cannot read the proto source root (" + e.getMessage() + ")",
                        "check that the directory is readable, or remove it from <protoSourceRoots>"));
            }
        }
        found.sort(null);
        return found;
    }

    /** The walk of one root: selected files into {@code found}, dangling links and loops into {@code warnings}. */
    private final class Walk extends SimpleFileVisitor<Path> {
        private final Path root;
        private final Path baseDirectory;
        private final List<ProtoSource> found;
        private final List<Problem> warnings;

        Walk(Path root, Path baseDirectory, List<ProtoSource> found, List<Problem> warnings) {
            this.root = root;
            this.baseDirectory = baseDirectory;
            this.found = found;
            this.warnings = warnings;
        }

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
            } else if (attributes.isSymbolicLink() && !isEditorLock(file)) {
                // A followed link has its own attributes only when its target is missing.
                warnings.add(Problem.in(
                        display(baseDirectory, file.toAbsolutePath()),
                        "symbolic link to " + target(baseDirectory, file) + ", which does not exist; it is skipped",
                        "point the link at an existing file or directory, or delete it"));
            }
            return FileVisitResult.CONTINUE;
        }

        @Override
        public FileVisitResult visitFileFailed(Path file, IOException e) throws IOException {
            if (e instanceof FileSystemLoopException) {
                warnings.add(Problem.in(
                        display(baseDirectory, file.toAbsolutePath()),
                        "symbolic link to " + target(baseDirectory, file) + ", a directory that contains the link,"
                                + " so the protos below it would be found again and again; it is not followed",
                        "delete the link, or point it outside the directory it is in"));
                return FileVisitResult.CONTINUE;
            }
            throw e;
        }
    }

    private static boolean isConventional(Path baseDirectory, Path root) {
        return baseDirectory != null
                && root.toAbsolutePath()
                        .normalize()
                        .equals(baseDirectory
                                .toAbsolutePath()
                                .resolve(CONVENTIONAL_ROOT)
                                .normalize());
    }

    /** Emacs keeps a dangling link {@code .#name} as the lock of a file being edited: not worth a warning. */
    private static boolean isEditorLock(Path file) {
        return file.getFileName().toString().startsWith(".#");
    }

    /** Where a link points, relative to the project when it points into it. */
    private static String target(Path baseDirectory, Path link) {
        try {
            Path target = link.toAbsolutePath()
                    .getParent()
                    .resolve(Files.readSymbolicLink(link))
                    .normalize();
            return display(baseDirectory, target);
        } catch (IOException | UnsupportedOperationException e) {
            return "a path that cannot be read";
        }
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
