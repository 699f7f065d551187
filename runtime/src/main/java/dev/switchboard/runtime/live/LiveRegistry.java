package dev.switchboard.runtime.live;

import dev.switchboard.runtime.registry.BundledRegistry;
import dev.switchboard.runtime.registry.Registry;
import dev.switchboard.runtime.registry.RegistryCodec;
import dev.switchboard.runtime.registry.RegistryFormat;
import dev.switchboard.runtime.registry.RegistryFormatException;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.System.Logger.Level;
import java.nio.file.ClosedWatchServiceException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardWatchEventKinds;
import java.nio.file.WatchEvent;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * A registry that follows a file: read whole at start, then read again whenever the file changes, and
 * swapped in only when the new content parses and validates. Readers get the registry in force with
 * one volatile read; it is immutable, so a reader never sees a half-read or half-swapped registry.
 *
 * <p>A file that does not parse or validate is logged with the reason and the last good registry stays
 * in force; the next good write is picked up. Changes are noticed through the file system's watch
 * service, with a periodic check of the file's time and size as a safety net for file systems that
 * send no events. Listeners hear of each swap that changed a service, on the watching thread.
 *
 * <p>At start a missing or invalid file falls back to the registry bundled by the generate goal (and
 * the file is still watched), unless {@code failFast} asks for an error instead.
 */
public final class LiveRegistry implements AutoCloseable {
    private static final System.Logger LOG = System.getLogger("dev.switchboard");

    /** How long events must stop before the file is read: writers that truncate then write finish first. */
    /** How often the file is compared when no event came, unless told otherwise. */
    public static final Duration DEFAULT_POLL_INTERVAL = Duration.ofSeconds(1);

    private static final Duration SETTLE = Duration.ofMillis(25);

    private static final Duration MAX_SETTLE = Duration.ofMillis(250);

    private final Path file;
    private final Duration pollInterval;
    private final List<Consumer<RegistryChange>> listeners = new CopyOnWriteArrayList<>();
    private volatile Registry current;
    private volatile boolean closed;
    private byte[] lastRead;
    private Stamp lastStamp;
    private WatchService watcher;
    private Thread thread;

    private LiveRegistry(Path file, Duration pollInterval, Registry initial) {
        this.file = file;
        this.pollInterval = pollInterval;
        this.current = initial;
    }

    /** The bundled registry of {@code loader}, fixed: nothing to watch. */
    public static LiveRegistry bundled(ClassLoader loader) {
        return new LiveRegistry(null, null, BundledRegistry.of(loader));
    }

    /**
     * Follows {@code file}.
     *
     * @param loader where the bundled registry is found when the file cannot be used at start
     * @param failFast whether a missing or invalid file at start is an error instead of a fallback
     * @param pollInterval how often the file's time and size are compared when no event came
     * @throws IllegalStateException when {@code failFast} is set and the file cannot be used
     */
    public static LiveRegistry watching(Path file, ClassLoader loader, boolean failFast, Duration pollInterval) {
        Path absolute = file.toAbsolutePath().normalize();
        LiveRegistry live = new LiveRegistry(absolute, pollInterval, null);
        String problem = live.readInitial();
        if (problem != null) {
            if (failFast) {
                throw new IllegalStateException("switchboard: cannot use the registry file " + absolute + ": " + problem
                        + " (failFast is set, so the bundled registry is not used instead)");
            }
            live.current = BundledRegistry.of(loader);
            LOG.log(
                    Level.WARNING,
                    "switchboard: cannot use the registry file {0}: {1}; serving the bundled registry ({2}"
                            + " services) until the file is valid",
                    absolute,
                    problem,
                    live.current.services().size());
        }
        live.startWatching();
        return live;
    }

    /** The registry in force. */
    public Registry current() {
        return current;
    }

    /** Hears of every later swap that added, removed or changed a service. */
    public void addListener(Consumer<RegistryChange> listener) {
        listeners.add(Objects.requireNonNull(listener, "listener"));
    }

    /** Stops watching; the registry in force stays readable. */
    @Override
    public void close() {
        closed = true;
        if (watcher != null) {
            try {
                watcher.close();
            } catch (IOException e) {
                LOG.log(Level.DEBUG, "switchboard: closing the watch service failed", e);
            }
        }
        if (thread != null && thread != Thread.currentThread()) {
            thread.interrupt();
            try {
                thread.join(TimeUnit.SECONDS.toMillis(5));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** Reads the file at start; returns why it cannot be used, or null. */
    private String readInitial() {
        lastStamp = Stamp.of(file);
        try {
            byte[] bytes = Files.readAllBytes(file);
            lastRead = bytes;
            current = parse(bytes);
            LOG.log(
                    Level.INFO,
                    "switchboard: serving the registry file {0} ({1} services); watching it for changes",
                    file,
                    current.services().size());
            return null;
        } catch (NoSuchFileException e) {
            return "it does not exist";
        } catch (IOException e) {
            return "it cannot be read (" + e + ")";
        } catch (RegistryFormatException e) {
            return e.getMessage();
        }
    }

    private void startWatching() {
        Path directory = file.getParent();
        try {
            watcher = FileSystems.getDefault().newWatchService();
            directory.register(
                    watcher,
                    StandardWatchEventKinds.ENTRY_CREATE,
                    StandardWatchEventKinds.ENTRY_MODIFY,
                    StandardWatchEventKinds.ENTRY_DELETE);
        } catch (IOException | RuntimeException e) {
            LOG.log(
                    Level.INFO,
                    "switchboard: cannot watch {0} ({1}); checking {2} every {3} ms instead",
                    directory,
                    e,
                    file.getFileName(),
                    pollInterval.toMillis());
            closeQuietly();
        }
        thread = new Thread(this::run, "switchboard-registry-watch");
        thread.setDaemon(true);
        thread.start();
    }

    private void run() {
        while (!closed) {
            try {
                boolean changed = watcher != null ? awaitEvent() : sleepThenCheck();
                if (!changed) {
                    changed = !Stamp.of(file).equals(lastStamp);
                }
                if (changed) {
                    reload();
                }
            } catch (ClosedWatchServiceException | InterruptedException e) {
                return;
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "switchboard: watching " + file + " failed; will try again", e);
            }
        }
    }

    /**
     * Waits up to the poll interval for events on the file, then until they settle, but no longer than
     * {@link #MAX_SETTLE}: a file that is written without pause is still read.
     */
    private boolean awaitEvent() throws InterruptedException {
        WatchKey key = watcher.poll(pollInterval.toMillis(), TimeUnit.MILLISECONDS);
        boolean relevant = false;
        long settleUntil = System.nanoTime() + MAX_SETTLE.toNanos();
        while (key != null) {
            relevant |= concernsFile(key);
            key.reset();
            key = System.nanoTime() < settleUntil ? watcher.poll(SETTLE.toMillis(), TimeUnit.MILLISECONDS) : null;
        }
        return relevant;
    }

    private boolean sleepThenCheck() throws InterruptedException {
        Thread.sleep(pollInterval.toMillis());
        return false;
    }

    private boolean concernsFile(WatchKey key) {
        for (WatchEvent<?> event : key.pollEvents()) {
            if (event.kind() == StandardWatchEventKinds.OVERFLOW
                    || file.getFileName().equals(event.context())) {
                return true;
            }
        }
        return false;
    }

    /** Reads the file whole; swaps it in if it is new, parses and validates. */
    private void reload() {
        lastStamp = Stamp.of(file);
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            if (lastRead != null) {
                LOG.log(Level.WARNING, "switchboard: {0} was removed; {1}", file, keeping());
                lastRead = null;
            }
            return;
        } catch (IOException e) {
            LOG.log(Level.WARNING, "switchboard: cannot read {0} ({1}); {2}", file, e, keeping());
            return;
        }
        if (Arrays.equals(bytes, lastRead)) {
            return;
        }
        lastRead = bytes;
        Registry next;
        try {
            next = parse(bytes);
        } catch (RegistryFormatException e) {
            LOG.log(
                    Level.WARNING,
                    "switchboard: ignoring the new content of the registry file: {0}; {1}",
                    e.getMessage(),
                    keeping());
            return;
        }
        Registry previous = current;
        if (next.equals(previous)) {
            return;
        }
        current = next;
        RegistryChange change = RegistryChange.between(previous, next);
        LOG.log(Level.INFO, "switchboard: reloaded {0}: {1}", file, change);
        if (!change.isEmpty()) {
            for (Consumer<RegistryChange> listener : listeners) {
                try {
                    listener.accept(change);
                } catch (RuntimeException e) {
                    LOG.log(Level.WARNING, "switchboard: a registry change listener failed", e);
                }
            }
        }
    }

    private String keeping() {
        Registry r = current;
        return "keeping the registry in force (" + r.services().size() + " services"
                + (r.fingerprint() == null ? "" : ", fingerprint " + r.fingerprint()) + ")";
    }

    private Registry parse(byte[] bytes) throws RegistryFormatException {
        try {
            return RegistryCodec.read(new ByteArrayInputStream(bytes), RegistryFormat.of(file), file.toString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void closeQuietly() {
        if (watcher != null) {
            try {
                watcher.close();
            } catch (IOException ignored) {
                // the watcher was never used
            }
            watcher = null;
        }
    }

    /** What the file looked like at the last read, for the check without events. */
    private record Stamp(boolean exists, long modifiedNanos, long size, Object key) {
        static Stamp of(Path file) {
            try {
                BasicFileAttributes a = Files.readAttributes(file, BasicFileAttributes.class);
                return new Stamp(true, a.lastModifiedTime().to(TimeUnit.NANOSECONDS), a.size(), a.fileKey());
            } catch (IOException e) {
                return new Stamp(false, 0, 0, null);
            }
        }
    }
}
