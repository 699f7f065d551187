package dev.switchboard.core.testing;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A {@code main} of the test classpath run in a JVM of its own, for what one JVM cannot show: two
 * processes contending for a lock, a build killed outright. Its output is read as it comes, so the child
 * never blocks on a full pipe; it ends itself when the test JVM goes away ({@link #exitWithParent}).
 */
public final class ChildJvm implements AutoCloseable {
    private final Process process;
    private final List<String> lines = new ArrayList<>();
    /** Whether the output ended; guarded by {@code lines}. */
    private boolean ended;

    private ChildJvm(Process process) {
        this.process = process;
        Thread reader = new Thread(this::read, "child-jvm-output");
        reader.setDaemon(true);
        reader.start();
    }

    /** Starts {@code main} with the test classpath; a small heap and the quick compiler, as it lives briefly. */
    public static ChildJvm start(Class<?> main, String... args) {
        return start(List.of(), main, args);
    }

    /** {@link #start(Class, String...)} with more options for the JVM, such as {@code -Xlog:class+load}. */
    public static ChildJvm start(List<String> jvmOptions, Class<?> main, String... args) {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-XX:TieredStopAtLevel=1",
                "-XX:+UseSerialGC",
                "-Xmx256m"));
        command.addAll(jvmOptions);
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), main.getName()));
        command.addAll(List.of(args));
        try {
            return new ChildJvm(
                    new ProcessBuilder(command).redirectErrorStream(true).start());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * For the child's {@code main}: ends the JVM when the parent's end of stdin closes, so a child of a
     * test JVM that died does not run on.
     */
    public static void exitWithParent() {
        Thread watcher = new Thread(
                () -> {
                    try {
                        while (System.in.read() >= 0) {
                            // Nothing is sent; only the end of the stream matters.
                        }
                    } catch (IOException e) {
                        // A broken pipe means the same as its end.
                    }
                    Runtime.getRuntime().halt(3);
                },
                "exit-with-parent");
        watcher.setDaemon(true);
        watcher.start();
    }

    private void read() {
        try (BufferedReader out =
                new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line = out.readLine(); line != null; line = out.readLine()) {
                synchronized (lines) {
                    lines.add(line);
                    lines.notifyAll();
                }
            }
        } catch (IOException e) {
            // The process was killed; what was read is kept.
        } finally {
            synchronized (lines) {
                ended = true;
                lines.notifyAll();
            }
        }
    }

    /** Waits until the child printed {@code line}; fails with its output if it ends or times out first. */
    public void awaitLine(String line, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        synchronized (lines) {
            while (!lines.contains(line)) {
                long left = deadline - System.nanoTime();
                if (left <= 0 || ended) {
                    throw new AssertionError(
                            "the child did not print \"" + line + "\"; its output:\n" + String.join("\n", lines));
                }
                lines.wait(Math.max(1, TimeUnit.NANOSECONDS.toMillis(left)));
            }
        }
    }

    /** Waits for the child to end and fails with its output unless it exited with 0. */
    public void awaitSuccess(Duration timeout) throws InterruptedException {
        if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("the child did not end within " + timeout + "; its output:\n" + output());
        }
        if (process.exitValue() != 0) {
            throw new AssertionError("the child exited with " + process.exitValue() + "; its output:\n" + output());
        }
    }

    /** Kills the child at once (SIGKILL on Unix), as a power cut or {@code kill -9} would, and waits for its end. */
    public void kill() {
        process.destroyForcibly();
        try {
            process.waitFor();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    public String output() {
        synchronized (lines) {
            return String.join("\n", lines);
        }
    }

    @Override
    public void close() {
        if (process.isAlive()) {
            kill();
        }
    }
}
