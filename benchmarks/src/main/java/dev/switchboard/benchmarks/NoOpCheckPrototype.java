package dev.switchboard.benchmarks;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Locale;

/**
 * A prototype of a cheaper up-to-date check, to measure what BENCHMARKS.md suggests for the no-op
 * budget before anyone changes the plugin. It is not the plugin's code and decides nothing for it.
 *
 * <p>The engine's check until commit 849919d ({@code RegistryBuilder}): walk the roots with {@code
 * Files.walk} plus a second {@code stat} per entry and a glob per file, read and SHA-256 every source,
 * then start jackson-core to read the stored fingerprint. (849919d made the engine do much what this
 * prototype does; the prototype stays as the yardstick the change was measured against.) The prototype: one {@code Files.walkFileTree} that takes each file's
 * size and modification time from the attributes the walk has already read, folds {@code (relative
 * path, size, mtime)} of every proto into one order-independent 64-bit value (the walk's order is the
 * directory's, not sorted), and compares it and the file count with one line of plain text kept beside
 * the registry, read without a JSON library. In the plugin a match would mean "up to date"; a mismatch
 * would go on to today's content fingerprint, so a touched but unchanged file still ends as "up to
 * date". (A real version would also treat a file modified within a second of the index as changed,
 * like git's racy-clean rule, since a same-size edit in the same millisecond keeps the stamp.)
 *
 * <p>Usage: {@code NoOpCheckPrototype <projectDir> write|check}: {@code write} records the index,
 * {@code check} (run it in a fresh JVM for the cold figure) times the check and prints the result.
 */
public final class NoOpCheckPrototype {
    private NoOpCheckPrototype() {}

    public static void main(String[] args) throws IOException {
        if (args.length != 2 || !(args[1].equals("write") || args[1].equals("check"))) {
            System.err.println("usage: NoOpCheckPrototype <projectDir> write|check");
            System.exit(2);
        }
        Path project = Path.of(args[0]).toAbsolutePath();
        Path root = ProtoTreeGenerator.protoRoot(project);
        Path index = project.resolve("target/switchboard/prototype-inputs.idx");
        long t = System.nanoTime();
        String stamp = stamp(root);
        if (args[1].equals("write")) {
            Files.createDirectories(index.getParent());
            Files.writeString(index, stamp, StandardCharsets.UTF_8);
            System.out.printf(Locale.ROOT, "recorded %s in %s%n", stamp, index);
            return;
        }
        boolean current = Files.isRegularFile(index) && Files.readString(index, StandardCharsets.UTF_8).equals(stamp);
        double ms = (System.nanoTime() - t) / 1e6;
        System.out.printf(Locale.ROOT, "prototype no-op check, %s: %s in %.1f ms (cold: first call in this JVM)%n",
                stamp.substring(0, stamp.indexOf(' ')) + " files", current ? "up to date" : "changed", ms);
    }

    /** {@code <count> <mix>} of the selected protos below {@code root}. */
    static String stamp(Path root) throws IOException {
        PathMatcher glob = FileSystems.getDefault().getPathMatcher("glob:**/*.proto");
        long[] acc = new long[2];
        if (Files.isDirectory(root)) {
            Files.walkFileTree(root, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
                    // The cheap suffix test first; the glob only for candidates.
                    if (attrs.isRegularFile() && file.getFileName().toString().endsWith(".proto")) {
                        Path relative = root.relativize(file);
                        if (glob.matches(relative) || relative.getNameCount() == 1) {
                            acc[0] += mix(fnv1a(relative.toString()) ^ mix(attrs.size())
                                    ^ mix(~attrs.lastModifiedTime().toMillis()));
                            acc[1]++;
                        }
                    }
                    return FileVisitResult.CONTINUE;
                }
            });
        }
        return acc[1] + " " + Long.toHexString(acc[0]);
    }

    private static long fnv1a(String s) {
        long h = 0xcbf29ce484222325L;
        for (int i = 0; i < s.length(); i++) {
            h = (h ^ s.charAt(i)) * 0x100000001b3L;
        }
        return h;
    }

    /** SplitMix64's finalizer: spreads every input bit over the whole word before the sum. */
    private static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
        z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
        return z ^ (z >>> 31);
    }
}
