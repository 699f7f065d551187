package dev.switchboard.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * Runs the packaged command line as users do, {@code java -jar switchboard-cli.jar …}, in a process of
 * its own, and collects its exit status, stdout and stderr apart.
 */
final class Cli {
    /** The executable jar of the distribution; failsafe passes its path. */
    static final Path JAR = Path.of(required("switchboard.cli.jar"));

    static final Path LAUNCHER = Path.of(required("switchboard.cli.launcher"));
    static final Path COMPLETION = Path.of(required("switchboard.cli.completion"));
    static final String VERSION = required("switchboard.cli.version");

    private static final long TIMEOUT_SECONDS = 120;

    /** What one run did. */
    record Result(int exit, String stdout, String stderr) {
        @Override
        public String toString() {
            return "exit " + exit + "\n--- stdout\n" + stdout + "--- stderr\n" + stderr;
        }
    }

    private Cli() {}

    /** {@code java -jar switchboard-cli.jar args…} in {@code directory}. */
    static Result run(Path directory, String... args) {
        List<String> command = new ArrayList<>(List.of(java(), "-jar", JAR.toString()));
        command.addAll(List.of(args));
        return run(new ProcessBuilder(command).directory(directory.toFile()), Map.of());
    }

    /** Runs {@code builder} with {@code environment} added, to the end. */
    static Result run(ProcessBuilder builder, Map<String, String> environment) {
        builder.environment().putAll(environment);
        try {
            Process process = builder.start();
            process.getOutputStream().close();
            CompletableFuture<String> stdout = read(process.getInputStream());
            CompletableFuture<String> stderr = read(process.getErrorStream());
            if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new AssertionError(builder.command() + " did not end within " + TIMEOUT_SECONDS + " s");
            }
            return new Result(process.exitValue(), stdout.join(), stderr.join());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
    }

    /** The java of the JVM running the tests. */
    static String java() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    /** Reads a stream whole on a thread of its own, so a full pipe never blocks the process. */
    static CompletableFuture<String> read(InputStream in) {
        return CompletableFuture.supplyAsync(() -> {
            try (in) {
                return new String(in.readAllBytes(), StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    private static String required(String property) {
        String value = System.getProperty(property);
        if (value == null) {
            throw new IllegalStateException(property + " is not set; run the tests with `./mvnw verify -pl cli`,"
                    + " which packages the jar first");
        }
        return value;
    }
}
