package dev.switchboard.runtime.live;

import dev.switchboard.runtime.registry.BundledRegistry;
import dev.switchboard.runtime.registry.Registry;
import dev.switchboard.runtime.registry.RegistryCodec;
import dev.switchboard.runtime.registry.RegistryFormat;
import dev.switchboard.runtime.registry.RegistryFormatException;
import java.io.IOException;
import java.io.InputStream;
import java.lang.System.Logger.Level;
import java.nio.file.AccessDeniedException;
import java.nio.file.ClosedWatchServiceException;
import java.nio.file.FileSystemException;
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
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
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

    /** How often the file is compared when no event came, unless told otherwise. */
    public static final Duration DEFAULT_POLL_INTERVAL = Duration.ofSeconds(1);

    /**
     * The largest registry file read, unless told otherwise: 64 MiB. The file is read whole into memory,
     * and a file of hundreds of megabytes (or a sparse file of gigabytes) would exhaust the heap. A
     * registry of every googleapis service (some 1,700, with their methods and HTTP rules) is tens of
     * megabytes, so this leaves room for the largest real registries.
     */
    public static final long DEFAULT_MAX_BYTES = 64L * 1024 * 1024;

    /** The most a cap may be: a file is read into one array, and 1 GiB is far beyond any registry. */
    public static final long MAX_MAX_BYTES = 1L << 30;

    /** How long events must stop before the file is read: writers that truncate then write finish first. */
    private static final Duration SETTLE = Duration.ofMillis(25);

    private static final Duration MAX_SETTLE = Duration.ofMillis(250);

    private final Path file;
    private final Duration pollInterval;
    private final long maxBytes;
    private final FileReading reading;
    private final List<Consumer<RegistryChange>> listeners = new CopyOnWriteArrayList<>();
    private volatile Registry current;
    private volatile Instant since = Instant.now();
    // Written by the watching thread only (and before it starts), so a volatile field is enough.
    private volatile long reloads;
    private volatile long rejected;
    private volatile boolean closed;
    private byte[] lastRead;
    private Stamp lastStamp;
    private Stamp refusedStamp;
    private WatchService watcher;
    private Thread thread;

    /** How the file's bytes are read; tests put a failing reader in front of the real one. */
    @FunctionalInterface
    interface FileReading {
        byte[] read(Path file, long maxBytes) throws IOException, RegistryFormatException;
    }

    private LiveRegistry(Path file, Duration pollInterval, long maxBytes, FileReading reading, Registry initial) {
        this.file = file;
        this.pollInterval = pollInterval;
        this.maxBytes = maxBytes;
        this.reading = reading;
        this.current = initial;
    }

    /** The bundled registry of {@code loader}, fixed: nothing to watch. */
    public static LiveRegistry bundled(ClassLoader loader) {
        return new LiveRegistry(null, null, 0, null, BundledRegistry.of(loader));
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
        return watching(file, loader, failFast, pollInterval, DEFAULT_MAX_BYTES);
    }

    /**
     * Follows {@code file}, refusing it while it is bigger than {@code maxBytes}: its size is checked
     * before it is read, and a file that is too big is logged and the registry in force kept.
     *
     * @param loader where the bundled registry is found when the file cannot be used at start
     * @param failFast whether a missing or invalid file at start is an error instead of a fallback
     * @param pollInterval how often the file's time and size are compared when no event came
     * @param maxBytes the largest file read, from 1 to {@link #MAX_MAX_BYTES}; {@link #DEFAULT_MAX_BYTES}
     *     unless the application needs more
     * @throws IllegalStateException when {@code failFast} is set and the file cannot be used
     */
    public static LiveRegistry watching(
            Path file, ClassLoader loader, boolean failFast, Duration pollInterval, long maxBytes) {
        return watching(file, loader, failFast, pollInterval, maxBytes, LiveRegistry::readCapped);
    }

    static LiveRegistry watching(
            Path file,
            ClassLoader loader,
            boolean failFast,
            Duration pollInterval,
            long maxBytes,
            FileReading reading) {
        if (maxBytes < 1 || maxBytes > MAX_MAX_BYTES) {
            throw new IllegalArgumentException("the registry's maxBytes is " + maxBytes + "; give 1 to " + MAX_MAX_BYTES
                    + " (" + DEFAULT_MAX_BYTES + " by default)");
        }
        Path absolute = file.toAbsolutePath().normalize();
        LiveRegistry live = new LiveRegistry(absolute, pollInterval, maxBytes, reading, null);
        String problem = live.readInitial();
        if (problem != null) {
            live.rejected++;
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

    /** The file followed, or empty for the bundled registry. */
    public Optional<Path> file() {
        return Optional.ofNullable(file);
    }

    /** When the registry in force came into force: the start, or the last swap. */
    public Instant since() {
        return since;
    }

    /** How many new contents of the file were swapped in since the start. */
    public long reloads() {
        return reloads;
    }

    /**
     * How many contents of the file were refused (unreadable as a registry, invalid or too big), the one
     * found at start included; each kept the registry in force.
     */
    public long rejected() {
        return rejected;
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
            byte[] bytes = reading.read(file, maxBytes);
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
            return "it cannot be read (" + reason(e) + ")";
        } catch (RegistryFormatException e) {
            return e.getMessage();
        }
    }

    /**
     * The file's bytes, refusing a directory and a file bigger than {@code maxBytes} before reading a
     * byte. The read itself stops after {@code maxBytes}, since the file may grow between the check and
     * the read.
     */
    static byte[] readCapped(Path file, long maxBytes) throws IOException, RegistryFormatException {
        BasicFileAttributes attributes = Files.readAttributes(file, BasicFileAttributes.class);
        if (attributes.isDirectory()) {
            throw new RegistryFormatException(
                    file.toString(),
                    0,
                    0,
                    "",
                    "is a directory, not a registry file",
                    "point switchboard.registry.file (or registryFile(…) on the builder) at the file itself");
        }
        if (attributes.size() > maxBytes) {
            throw tooBig(file, "is " + size(attributes.size()), maxBytes);
        }
        try (InputStream in = Files.newInputStream(file)) {
            byte[] bytes = in.readNBytes((int) maxBytes + 1);
            if (bytes.length > maxBytes) {
                throw tooBig(file, "grew while it was read to more than " + size(maxBytes), maxBytes);
            }
            return bytes;
        }
    }

    private static RegistryFormatException tooBig(Path file, String size, long maxBytes) {
        return new RegistryFormatException(
                file.toString(),
                0,
                0,
                "",
                "the file " + size + ", more than the " + size(maxBytes) + " a registry file may have",
                "if it is meant to be that big, raise the cap with -Dswitchboard.registry.maxBytes=<bytes>,"
                        + " SWITCHBOARD_REGISTRY_MAXBYTES or registryMaxBytes(…) on the builder");
    }

    /** {@code 3 GiB (3221225472 bytes)}: the unit for reading, the bytes for setting the cap. */
    static String size(long bytes) {
        String[] units = {"KiB", "MiB", "GiB", "TiB"};
        double value = bytes;
        String unit = null;
        for (int i = 0; i < units.length && value >= 1024; i++) {
            value /= 1024;
            unit = units[i];
        }
        if (unit == null) {
            return bytes + " bytes";
        }
        String number =
                value == Math.rint(value) ? String.valueOf((long) value) : String.format(Locale.ROOT, "%.1f", value);
        return number + " " + unit + " (" + bytes + " bytes)";
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
            } catch (Throwable e) {
                // Anything else, an Error included, must not end the thread: with it would end every
                // later reload, and the application would serve a stale registry without a word.
                if (closed) {
                    return;
                }
                LOG.log(
                        Level.WARNING,
                        "switchboard: watching {0} failed ({1}); {2}, and the file is still watched (the stack"
                                + " trace is logged at DEBUG/FINE)",
                        file,
                        e,
                        keeping());
                LOG.log(Level.DEBUG, "switchboard: watching " + file + " failed", e);
                if (!pause()) {
                    return;
                }
            }
        }
    }

    /** Waits one poll interval after a failure, so a failure that repeats does not spin; false if interrupted. */
    private boolean pause() {
        try {
            Thread.sleep(pollInterval.toMillis());
            return true;
        } catch (InterruptedException e) {
            return false;
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
            bytes = reading.read(file, maxBytes);
        } catch (RegistryFormatException e) {
            // Nothing was read, so the next write is compared with nothing and always parsed. A file that
            // keeps its size and time is the same refused file: said once, not at every event.
            lastRead = null;
            if (!lastStamp.equals(refusedStamp)) {
                rejected++;
                LOG.log(Level.WARNING, "switchboard: ignoring the registry file: {0}; {1}", e.getMessage(), keeping());
            }
            refusedStamp = lastStamp;
            return;
        } catch (NoSuchFileException e) {
            if (lastRead != null) {
                LOG.log(Level.WARNING, "switchboard: {0} was removed; {1}", file, keeping());
                lastRead = null;
            }
            return;
        } catch (IOException e) {
            LOG.log(Level.WARNING, "switchboard: cannot read {0} ({1}); {2}", file, reason(e), keeping());
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
            rejected++;
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
        since = Instant.now();
        reloads++;
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

    /** Why a read failed, without the exception's class: the file system's reason, or what was denied. */
    private static String reason(IOException e) {
        if (e instanceof AccessDeniedException) {
            return "permission denied";
        }
        String reason = e instanceof FileSystemException fs ? fs.getReason() : e.getMessage();
        return reason == null ? "an I/O error" : reason;
    }

    private String keeping() {
        Registry r = current;
        return "keeping the registry in force (" + r.services().size() + " services"
                + (r.fingerprint() == null ? "" : ", fingerprint " + r.fingerprint()) + ")";
    }

    private Registry parse(byte[] bytes) throws RegistryFormatException {
        return RegistryCodec.read(bytes, RegistryFormat.of(file), file.toString());
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
