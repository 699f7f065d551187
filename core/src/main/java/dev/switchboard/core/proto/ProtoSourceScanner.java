package dev.switchboard.core.proto;

import dev.switchboard.core.diag.IoProblems;
import dev.switchboard.core.diag.Problem;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.RecursiveTask;

/**
 * Finds the proto files of the source roots that the include and exclude globs select. Symbolic links
 * are followed, to files and to directories, as protoc follows them.
 *
 * <p>This walk is most of what an unchanged build costs (googleapis has 7,208 protos in 1,070
 * directories), so it is shaped for a JVM that has not warmed up: each directory is a task of its own on
 * the common fork-join pool, so both cores list and stat; a directory's names come from one native call;
 * each entry is stat'ed once, and those attributes serve the selection and the up-to-date stamps; paths
 * below the root are built as strings; and a glob of the form {@code **}{@code /*.ext} (the default is
 * {@code **}{@code /*.proto}) is a suffix test, not a regular expression. Entries are sorted per
 * directory, so the walk yields the paths below the root in their sorted order and the final sort has
 * nothing left to do.
 */
public final class ProtoSourceScanner {
    /** The conventional root; a project without protos (AWS services only) need not have it. */
    public static final String CONVENTIONAL_ROOT = "src/main/proto";

    private final List<Glob> includes;
    private final List<Glob> excludes;
    private final boolean onlyProtos;

    public ProtoSourceScanner(List<String> includes, List<String> excludes) {
        this.includes = includes.stream().map(Glob::of).toList();
        this.excludes = excludes.stream().map(Glob::of).toList();
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
            BasicFileAttributes rootAttributes;
            try {
                rootAttributes = Files.readAttributes(root, BasicFileAttributes.class);
            } catch (IOException e) {
                if (!isConventional(baseDirectory, root)) {
                    problems.add(Problem.in(
                            "<protoSourceRoots>",
                            shownRoot + " does not exist",
                            "correct the path, create the directory, or remove it from <protoSourceRoots>"));
                }
                continue;
            }
            if (!rootAttributes.isDirectory()) {
                problems.add(Problem.in(
                        "<protoSourceRoots>",
                        shownRoot + " is a file, not a directory",
                        "name the directory that holds the protos; the imports of a proto are resolved below it"));
                continue;
            }
            Ancestor top = new Ancestor(rootAttributes.fileKey(), root, null);
            // Through the pool: the build's thread joins in, and the pool's workers take the rest. A task
            // invoked on the build's thread itself would keep nearly every directory to that thread.
            Listing listing = ForkJoinPool.commonPool().invoke(new DirectoryScan(root, root, "", top, baseDirectory));
            found.addAll(listing.sources());
            warnings.addAll(listing.warnings());
            if (listing.failure() != null) {
                problems.add(Problem.in(
                        shownRoot,
                        "cannot read the proto source root (" + IoProblems.describe(listing.failure()) + ")",
                        "check that the directory is readable, or remove it from <protoSourceRoots>"));
            }
        }
        found.sort(null);
        return found;
    }

    /** What the walk of a directory found, in path order: selected files, warnings, or why it stopped. */
    private record Listing(List<ProtoSource> sources, List<Problem> warnings, IOException failure) {}

    /** A directory on the way down from the root, to recognise a link back to one of them. */
    private record Ancestor(Object key, Path directory, Ancestor parent) {}

    /** One entry of a directory: its name, the path below the root it sorts by, its attributes. */
    private record Entry(Path path, String name, String sortKey, BasicFileAttributes attributes) {}

    /**
     * One directory: its entries stat'ed and sorted, its selected files, and its subdirectories as tasks
     * of their own.
     */
    private final class DirectoryScan extends RecursiveTask<Listing> {
        private final Path root;
        private final Path directory;
        private final String prefix;
        private final Ancestor ancestors;
        private final Path baseDirectory;

        /**
         * @param prefix the directory's path below the root with a trailing {@code /}, empty for the root
         * @param ancestors this directory and those above it
         */
        DirectoryScan(Path root, Path directory, String prefix, Ancestor ancestors, Path baseDirectory) {
            this.root = root;
            this.directory = directory;
            this.prefix = prefix;
            this.ancestors = ancestors;
            this.baseDirectory = baseDirectory;
        }

        @Override
        protected Listing compute() {
            // One native call lists the names, with no Path made and decoded per entry as a
            // DirectoryStream makes them: a sixth of an unchanged googleapis build.
            String[] names = directory.toFile().list();
            if (names == null) {
                return new Listing(List.of(), List.of(), unlistable(directory));
            }
            List<Entry> entries = new ArrayList<>(names.length);
            try {
                for (String name : names) {
                    entries.add(entry(directory.resolve(name), name));
                }
            } catch (IOException e) {
                return new Listing(List.of(), List.of(), e);
            }
            // A directory sorts as its path and a slash, so the walk yields paths in their sorted order.
            entries.sort(Comparator.comparing(Entry::sortKey));
            Object[] found = new Object[entries.size()];
            List<DirectoryScan> below = new ArrayList<>();
            for (int i = 0; i < found.length; i++) {
                Entry entry = entries.get(i);
                BasicFileAttributes attributes = entry.attributes();
                if (attributes.isDirectory()) {
                    if (loops(entry.path(), attributes.fileKey())) {
                        found[i] = Problem.in(
                                display(baseDirectory, entry.path().toAbsolutePath()),
                                "symbolic link to " + target(baseDirectory, entry.path())
                                        + ", a directory that contains the link, so the protos below it would be"
                                        + " found again and again; it is not followed",
                                "delete the link, or point it outside the directory it is in");
                    } else {
                        Ancestor self = new Ancestor(attributes.fileKey(), entry.path(), ancestors);
                        DirectoryScan scan =
                                new DirectoryScan(root, entry.path(), entry.sortKey(), self, baseDirectory);
                        below.add(scan);
                        found[i] = scan;
                    }
                } else if (attributes.isRegularFile()) {
                    if (selected(entry.sortKey())) {
                        found[i] = new ProtoSource(
                                root,
                                entry.sortKey(),
                                attributes.size(),
                                attributes.lastModifiedTime().toMillis());
                    }
                } else if (attributes.isSymbolicLink() && !entry.name().startsWith(".#")) {
                    // A followed link has its own attributes only when its target is missing. Emacs keeps
                    // a dangling link .#name as the lock of a file being edited: not worth a warning.
                    found[i] = Problem.in(
                            display(baseDirectory, entry.path().toAbsolutePath()),
                            "symbolic link to " + target(baseDirectory, entry.path())
                                    + ", which does not exist; it is skipped",
                            "point the link at an existing file or directory, or delete it");
                }
            }
            invokeAll(below);
            List<ProtoSource> sources = new ArrayList<>();
            List<Problem> warnings = new ArrayList<>();
            for (Object item : found) {
                if (item instanceof ProtoSource source) {
                    sources.add(source);
                } else if (item instanceof Problem warning) {
                    warnings.add(warning);
                } else if (item instanceof DirectoryScan scan) {
                    Listing listing = scan.join();
                    sources.addAll(listing.sources());
                    warnings.addAll(listing.warnings());
                    if (listing.failure() != null) {
                        return new Listing(sources, warnings, listing.failure());
                    }
                }
            }
            return new Listing(sources, warnings, null);
        }

        /**
         * The entry with its attributes, its link followed; a link whose target is missing has its own. An
         * entry that cannot be stat'ed either way stops the walk of the root, as an unreadable directory does.
         */
        private Entry entry(Path path, String name) throws IOException {
            BasicFileAttributes attributes;
            try {
                attributes = Files.readAttributes(path, BasicFileAttributes.class);
            } catch (IOException followed) {
                try {
                    attributes = Files.readAttributes(path, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
                } catch (IOException e) {
                    throw followed;
                }
            }
            String relative = prefix + name;
            return new Entry(path, name, attributes.isDirectory() ? relative + "/" : relative, attributes);
        }

        /** Whether a directory (reached through a link) is this directory or one above it. */
        private boolean loops(Path path, Object key) {
            for (Ancestor a = ancestors; a != null; a = a.parent()) {
                if (key != null ? key.equals(a.key()) : sameFile(path, a.directory())) {
                    return true;
                }
            }
            return false;
        }
    }

    /** Why a directory cannot be listed, which {@link java.io.File#list} does not say. */
    private static IOException unlistable(Path directory) {
        try (DirectoryStream<Path> stream = Files.newDirectoryStream(directory)) {
            return new IOException(directory + ": cannot be listed");
        } catch (IOException e) {
            return e;
        }
    }

    /** For file systems without file keys. */
    private static boolean sameFile(Path a, Path b) {
        try {
            return Files.isSameFile(a, b);
        } catch (IOException e) {
            return false;
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
        Path path = null;
        boolean included = false;
        for (Glob glob : includes) {
            path = glob.suffix() == null && path == null ? Path.of(relativePath) : path;
            if (glob.matches(relativePath, path)) {
                included = true;
                break;
            }
        }
        if (!included) {
            return false;
        }
        for (Glob glob : excludes) {
            path = glob.suffix() == null && path == null ? Path.of(relativePath) : path;
            if (glob.matches(relativePath, path)) {
                return false;
            }
        }
        return true;
    }

    /**
     * One glob of {@code <includes>} or {@code <excludes>}. {@code **}{@code /x} also matches {@code x} at
     * the root, as Ant and Maven users expect, so {@code **}{@code /*.ext} with a literal {@code .ext}
     * matches exactly the paths that end in {@code .ext}, and is tested as that.
     *
     * @param suffix the literal ending of a glob of that form; null for any other glob
     * @param matchers the matchers of any other glob
     */
    private record Glob(String suffix, List<PathMatcher> matchers) {
        private static final String SPECIAL = "*?[]{}\\/";

        static Glob of(String glob) {
            String rest = glob.startsWith("**/*") ? glob.substring(4) : null;
            if (rest != null && rest.chars().allMatch(c -> SPECIAL.indexOf(c) < 0)) {
                return new Glob(rest, List.of());
            }
            PathMatcher full = FileSystems.getDefault().getPathMatcher("glob:" + glob);
            if (glob.startsWith("**/")) {
                PathMatcher atRoot = FileSystems.getDefault().getPathMatcher("glob:" + glob.substring(3));
                return new Glob(null, List.of(full, atRoot));
            }
            return new Glob(null, List.of(full));
        }

        /** @param path {@code relativePath} as a path; needed only by a glob without a suffix */
        boolean matches(String relativePath, Path path) {
            if (suffix != null) {
                return relativePath.endsWith(suffix);
            }
            for (PathMatcher matcher : matchers) {
                if (matcher.matches(path)) {
                    return true;
                }
            }
            return false;
        }
    }

    static String display(Path baseDirectory, Path path) {
        if (baseDirectory != null && path.isAbsolute() && path.startsWith(baseDirectory)) {
            return baseDirectory.relativize(path).toString().replace('\\', '/');
        }
        return path.toString().replace('\\', '/');
    }
}
