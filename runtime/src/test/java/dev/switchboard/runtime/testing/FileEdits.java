package dev.switchboard.runtime.testing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

/** Editing a watched file as deployment tools do, and waiting, bounded, for what follows. */
public final class FileEdits {
    private FileEdits() {}

    /** Writes {@code content} to a new file beside {@code file} and moves it into place atomically. */
    public static void replace(Path file, byte[] content) throws IOException {
        Path tmp = Files.createTempFile(file.getParent(), "edit", ".tmp");
        Files.write(tmp, content);
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    /** Waits up to 20 seconds for {@code condition}; fails naming {@code what} otherwise. */
    public static void await(BooleanSupplier condition, String what) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out waiting until " + what);
            }
            Thread.sleep(10);
        }
    }
}
