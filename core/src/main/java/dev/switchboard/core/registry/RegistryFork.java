package dev.switchboard.core.registry;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.switchboard.core.diag.InputException;
import dev.switchboard.core.diag.Problem;
import dev.switchboard.core.diag.Reporter;
import dev.switchboard.core.diag.StageTimer;
import dev.switchboard.core.proto.ProtoCache;
import dev.switchboard.core.proto.SourceHashes;
import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.InterruptedIOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * A registry build of many protos run in a JVM of its own, started with the options that suit a build that
 * runs once: {@code -XX:TieredStopAtLevel=1} (no C2 compiler, which in the build's JVM spends more CPU
 * compiling Wire than the build spends running it; on googleapis a third less CPU and a quarter less time)
 * and {@code -XX:+UseParallelGC}, with the heap limit of the JVM that starts it.
 *
 * <p>The child runs the stages before the commit ({@link RegistryBuilder#prepare}) and hands back what the
 * commit writes, through a directory of its own: the registry, the proto cache, the sources' hashes, the
 * outcome, or the problems that failed it. The JVM that started it commits, so the registry directory's
 * lock, the atomic writes and the generate pipeline's order stay as they are. Its log lines come back on
 * its standard error, one tagged line each; it stops when its parent does (its standard input closes).
 * A child that cannot be started or that fails unexpectedly leaves the build to run in the JVM it came
 * from.
 *
 * <p>{@code -Dswitchboard.fork=auto} (the default) forks when {@value #FILES} or more proto files must be
 * read; {@code always} and {@code never} say the rest.
 */
public final class RegistryFork {
    /** The system property that chooses when to fork. */
    public static final String PROPERTY = "switchboard.fork";
    /**
     * From this many proto files to read, a forked build pays for its JVM's start (about half a second):
     * on googleapis' 7,208 it saves about a quarter of the build.
     */
    static final int FILES = 2_000;

    private static final ObjectMapper JSON =
            new ObjectMapper().disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
    private static final String REQUEST = "request.json";
    private static final String OUTCOME = "outcome.json";
    private static final String PROBLEMS = "problems.json";

    /** When to fork. */
    public enum Mode {
        AUTO,
        ALWAYS,
        NEVER;

        /** The mode {@value #PROPERTY} names; {@code auto} when unset. */
        static Mode fromSystemProperty() {
            String value = System.getProperty(PROPERTY, "auto").trim().toUpperCase(Locale.ROOT);
            return switch (value) {
                case "ALWAYS", "TRUE" -> ALWAYS;
                case "NEVER", "FALSE" -> NEVER;
                default -> AUTO;
            };
        }

        boolean forks(int filesToRead) {
            return this == ALWAYS || (this == AUTO && filesToRead >= FILES);
        }
    }

    /** What the child wrote of a successful build. */
    private record Outcome(String fingerprint, List<String> notes, List<String> selected) {}

    /** What the child wrote of a failed one. */
    private record Problems(String summary, List<Problem> problems) {}

    private RegistryFork() {}

    /**
     * Runs {@link RegistryBuilder#prepare} for the request in a child JVM. Null when no child could run
     * it (no class path to give it, or it failed unexpectedly): the caller builds in its own JVM.
     *
     * @param stamps the inputs' stamps, which the commit records
     * @param filesToRead how many proto files the build reads, for the debug log
     * @throws InputException with the problems the child found in the inputs
     */
    static RegistryBuilder.Prepared prepare(
            RegistryRequest request, InputStamps stamps, int filesToRead, Reporter reporter)
            throws InputException, IOException {
        reporter.debug("switchboard: " + filesToRead + " proto file(s) to read, so the registry is built in a JVM of"
                + " its own (-D" + PROPERTY + "=never builds it in this one)");
        String classPath = classPath();
        if (classPath == null) {
            reporter.debug("switchboard: the class path of the engine is unknown, so the registry is built here");
            return null;
        }
        StageTimer stages = new StageTimer(reporter, "registry");
        Path work = Files.createTempDirectory("switchboard-registry-");
        try {
            JSON.writeValue(work.resolve(REQUEST).toFile(), request);
            List<String> command = new ArrayList<>(List.of(
                    Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-XX:TieredStopAtLevel=1",
                    "-XX:+UseParallelGC",
                    "-Xmx" + Runtime.getRuntime().maxMemory() / (1024 * 1024) + "m",
                    "-D" + PROPERTY + "=never",
                    "-cp",
                    classPath,
                    RegistryFork.class.getName(),
                    work.toString(),
                    Boolean.toString(reporter.debugEnabled())));
            Process child;
            try {
                child = new ProcessBuilder(command)
                        .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                        .start();
            } catch (IOException e) {
                reporter.debug("switchboard: the JVM for the registry build could not be started (" + e.getMessage()
                        + "), so the registry is built here");
                return null;
            }
            List<String> unexpected = new ArrayList<>();
            try (BufferedReader lines =
                    new BufferedReader(new InputStreamReader(child.getErrorStream(), StandardCharsets.UTF_8))) {
                for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                    relay(line, reporter, unexpected);
                }
            }
            int exit = waitFor(child);
            stages.done("run the forked JVM");
            Path problems = work.resolve(PROBLEMS);
            if (Files.exists(problems)) {
                Problems failed = JSON.readValue(problems.toFile(), Problems.class);
                throw new InputException(failed.summary(), failed.problems());
            }
            if (exit != 0 || !Files.exists(work.resolve(OUTCOME))) {
                reporter.debug("switchboard: the forked registry build ended with exit code " + exit
                        + (unexpected.isEmpty() ? "" : " (" + String.join("; ", unexpected) + ")")
                        + ", so the registry is built here");
                return null;
            }
            RegistryBuilder.Prepared prepared = adopt(request, stamps, work);
            stages.done("read what the forked JVM wrote");
            return prepared;
        } finally {
            deleteTree(work);
        }
    }

    /** The child's result, as the prepared build the parent commits. */
    private static RegistryBuilder.Prepared adopt(RegistryRequest request, InputStamps stamps, Path work)
            throws IOException, InputException {
        Outcome outcome = JSON.readValue(work.resolve(OUTCOME).toFile(), Outcome.class);
        byte[] registryBytes = Files.readAllBytes(work.resolve(RegistryRequest.REGISTRY_FILE));
        var registry = RegistryBuilder.decode(registryBytes, request.registryFile());
        var selected = outcome.selected() == null
                ? registry.services()
                : registry.services().stream()
                        .filter(s -> outcome.selected().contains(s.name()))
                        .toList();
        return new RegistryBuilder.Prepared(
                request,
                new RegistryOutcome(
                        true, request.registryFile(), outcome.fingerprint(), registry, outcome.notes(), selected),
                registryBytes,
                stamps,
                read(work, ProtoCache.FILE),
                read(work, ProtoCache.PARSED_FILE),
                read(work, SourceHashes.FILE));
    }

    private static byte[] read(Path work, String name) throws IOException {
        Path file = work.resolve(name);
        return Files.exists(file) ? Files.readAllBytes(file) : null;
    }

    /** The child's log line to the parent's reporter: a one-letter level, a space, the message. */
    private static void relay(String line, Reporter reporter, List<String> unexpected) {
        String message = line.length() > 2 ? line.substring(2) : "";
        switch (line.isEmpty() ? ' ' : line.charAt(0)) {
            case 'D' -> reporter.debug(message);
            case 'P' -> reporter.progress(message);
            case 'I' -> reporter.info(message);
            case 'W' -> reporter.warn(message);
            default -> {
                // A JVM's own complaint (it could not start, it ran out of memory): kept for the debug line.
                unexpected.add(line);
                reporter.debug("switchboard: forked registry build: " + line);
            }
        }
    }

    private static int waitFor(Process child) throws InterruptedIOException {
        try {
            return child.waitFor();
        } catch (InterruptedException e) {
            child.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while the forked registry build ran");
        }
    }

    /**
     * The class path this class was loaded from: the jars of a class loader that lists them (Maven's
     * plugin realm), else the JVM's own; null when neither names files.
     */
    private static String classPath() {
        ClassLoader loader = RegistryFork.class.getClassLoader();
        if (loader instanceof URLClassLoader urls && urls.getURLs().length > 0) {
            List<String> files = new ArrayList<>();
            for (URL url : urls.getURLs()) {
                if (!"file".equals(url.getProtocol())) {
                    return null;
                }
                try {
                    files.add(Path.of(url.toURI()).toString());
                } catch (URISyntaxException | IllegalArgumentException e) {
                    return null;
                }
            }
            return String.join(File.pathSeparator, files);
        }
        if (loader == ClassLoader.getSystemClassLoader()) {
            String own = System.getProperty("java.class.path");
            return own == null || own.isBlank() ? null : own;
        }
        return null;
    }

    private static void deleteTree(Path directory) {
        try (Stream<Path> files = Files.walk(directory)) {
            files.sorted(Comparator.reverseOrder())
                    .forEach(file -> file.toFile().delete());
        } catch (IOException | UncheckedIOException e) {
            // A temporary directory left behind is the system's to clean.
        }
    }

    /**
     * The child: {@code RegistryFork <directory> <debug>} prepares the build of the request in the
     * directory and writes the result beside it. Exit code 0 with an outcome or with problems; anything
     * else is a failure the parent recovers from by building itself.
     */
    public static void main(String[] args) throws IOException {
        // The parent holds this stream open while it waits: when it ends, so does this build.
        Thread watchdog = new Thread(
                () -> {
                    try {
                        while (System.in.read() >= 0) {
                            // Nothing is sent; the stream only ends.
                        }
                    } catch (IOException e) {
                        // Ended all the same.
                    }
                    Runtime.getRuntime().halt(3);
                },
                "switchboard-parent-watch");
        watchdog.setDaemon(true);
        watchdog.start();
        Path work = Path.of(args[0]);
        boolean debug = Boolean.parseBoolean(args[1]);
        PrintStream err = new PrintStream(System.err, true, StandardCharsets.UTF_8);
        Reporter relay = new Reporter() {
            @Override
            public void info(String message) {
                line('I', message);
            }

            @Override
            public void warn(String message) {
                line('W', message);
            }

            @Override
            public void debug(String message) {
                if (debug) {
                    line('D', message);
                }
            }

            @Override
            public void error(String message) {
                line('W', message);
            }

            @Override
            public boolean debugEnabled() {
                return debug;
            }

            @Override
            public void progress(String stage) {
                line('P', stage);
            }

            private void line(char level, String message) {
                // One line per message: a line break inside would read as a line of its own.
                err.println(level + " " + message.replace("\n", " "));
            }
        };
        RegistryRequest request = JSON.readValue(work.resolve(REQUEST).toFile(), RegistryRequest.class);
        try {
            RegistryBuilder.Prepared prepared = new RegistryBuilder(relay, Mode.NEVER).prepare(request);
            StageTimer stages = new StageTimer(relay, "registry");
            RegistryOutcome outcome = prepared.outcome();
            Files.write(work.resolve(RegistryRequest.REGISTRY_FILE), prepared.registryBytes());
            write(work, ProtoCache.FILE, prepared.cacheBytes());
            write(work, ProtoCache.PARSED_FILE, prepared.parsedBytes());
            write(work, SourceHashes.FILE, prepared.hashesBytes());
            List<String> selected = request.selection().isAll()
                    ? null
                    : outcome.selected().stream().map(s -> s.name()).toList();
            JSON.writeValue(
                    work.resolve(OUTCOME).toFile(), new Outcome(outcome.fingerprint(), outcome.notes(), selected));
            stages.done("write the result for the JVM that forked this one");
        } catch (InputException e) {
            JSON.writeValue(work.resolve(PROBLEMS).toFile(), new Problems(e.summary(), e.problems()));
        }
        err.flush();
        System.exit(0);
    }

    private static void write(Path work, String name, java.util.function.Supplier<byte[]> bytes) throws IOException {
        if (bytes != null) {
            Files.write(work.resolve(name), bytes.get());
        }
    }
}
