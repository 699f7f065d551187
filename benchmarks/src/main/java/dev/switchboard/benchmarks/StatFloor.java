package dev.switchboard.benchmarks;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.List;
import java.util.Locale;

/**
 * The floor of a no-op build: how long a JVM takes only to learn whether each file of a tree changed,
 * without walking directories, matching globs or comparing anything. It reads each file's attributes from
 * a list, in one of three ways, on one or more threads, after an optional number of warm-up passes, and
 * prints the time of the measured pass. Nothing the plugin runs; a yardstick for the no-op budget.
 *
 * <ul>
 *   <li>{@code nio}: {@code Files.readAttributes(path, BasicFileAttributes.class)}, size and modification
 *       time from one {@code stat} (what the plugin's walk reads);
 *   <li>{@code io}: {@code File.length()} and {@code File.lastModified()}, two {@code stat}s;
 *   <li>{@code mtime}: {@code File.lastModified()} alone, one {@code stat} and the least Java per file.
 * </ul>
 *
 * <p>Usage: {@code StatFloor nio|io|mtime <threads> <warmUpPasses> <root> <fileList>}, the file list
 * holding one path below the root a line.
 */
public final class StatFloor {
    private StatFloor() {}

    public static void main(String[] args) throws IOException, InterruptedException {
        if (args.length != 5 || !List.of("nio", "io", "mtime").contains(args[0])) {
            System.err.println("usage: StatFloor nio|io|mtime <threads> <warmUpPasses> <root> <fileList>");
            System.exit(2);
        }
        String way = args[0];
        int threads = Integer.parseInt(args[1]);
        int warmUps = Integer.parseInt(args[2]);
        Path root = Path.of(args[3]);
        List<String> names = Files.readAllLines(Path.of(args[4]));
        for (int i = 0; i < warmUps; i++) {
            pass(way, threads, root, names);
        }
        long start = System.nanoTime();
        long checksum = pass(way, threads, root, names);
        System.out.printf(
                Locale.ROOT,
                "%s, %d thread(s), after %d warm-up pass(es): %d files in %.1f ms (checksum %x)%n",
                way,
                threads,
                warmUps,
                names.size(),
                (System.nanoTime() - start) / 1e6,
                checksum);
    }

    /** One pass over the list, the files dealt out to the threads in turn; a sum of what was read. */
    private static long pass(String way, int threads, Path root, List<String> names) throws InterruptedException {
        long[] sums = new long[threads];
        Thread[] workers = new Thread[threads];
        for (int t = 0; t < threads; t++) {
            int first = t;
            workers[t] = new Thread(() -> {
                long sum = 0;
                for (int i = first; i < names.size(); i += threads) {
                    sum += stamp(way, root, names.get(i));
                }
                sums[first] = sum;
            });
            workers[t].start();
        }
        long sum = 0;
        for (int t = 0; t < threads; t++) {
            workers[t].join();
            sum += sums[t];
        }
        return sum;
    }

    private static long stamp(String way, Path root, String name) {
        switch (way) {
            case "nio" -> {
                try {
                    BasicFileAttributes attributes =
                            Files.readAttributes(root.resolve(name), BasicFileAttributes.class);
                    return attributes.size() + attributes.lastModifiedTime().toMillis();
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
            case "io" -> {
                File file = new File(root.toFile(), name);
                return file.length() + file.lastModified();
            }
            default -> {
                return new File(root.toFile(), name).lastModified();
            }
        }
    }
}
