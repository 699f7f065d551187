package dev.switchboard.core.watch;

import dev.switchboard.core.diag.Reporter;
import io.methvin.watcher.DirectoryChangeEvent;
import io.methvin.watcher.DirectoryWatcher;
import io.methvin.watcher.visitor.FileTreeVisitor;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;

/**
 * Watches the inputs of a build and calls a rebuild once they have been quiet for the debounce. The
 * stages of a change:
 *
 * <ol>
 *   <li>the file system reports an event ({@code io.methvin:directory-watcher}: the JDK's {@code
 *       WatchService} on Linux and Windows, FSEvents on macOS);
 *   <li>the event counts if it names a watched file, or a file with the tree's suffix (or a directory)
 *       inside a watched tree;
 *   <li>the {@link Debouncer} folds the events of a burst (a save, a {@code git checkout}) into one set;
 *   <li>the rebuild runs with the changed paths, on a thread of its own, one at a time.
 * </ol>
 *
 * <p>Trees are watched with every directory below them, including ones created later. A single file is
 * watched through its directory alone, so a rules file in the project directory does not watch {@code
 * target/}, where the rebuild writes.
 */
public final class ProtoWatcher implements AutoCloseable {
    private final WatchRequest request;
    private final List<Path> watched;
    private final List<Path> missing;
    private final Set<Path> files;
    private final Debouncer<Path> debouncer;
    private final ExecutorService events;
    private final DirectoryWatcher watcher;
    private final CompletableFuture<Void> loop;

    private ProtoWatcher(WatchRequest request, Consumer<Set<Path>> rebuild) throws IOException {
        this.request = request;
        this.files = Set.copyOf(request.files());
        List<Path> trees = new ArrayList<>();
        List<Path> absent = new ArrayList<>();
        for (WatchRequest.Tree tree : request.trees()) {
            (Files.isDirectory(tree.directory()) ? trees : absent).add(tree.directory());
        }
        // A file's directory is watched alone; one that a tree already covers needs nothing more.
        Set<Path> directories = new TreeSet<>();
        for (Path file : request.files()) {
            Path dir = file.getParent();
            if (dir != null && Files.isDirectory(dir) && trees.stream().noneMatch(dir::startsWith)) {
                directories.add(dir);
            }
        }
        List<Path> all = new ArrayList<>(trees);
        all.addAll(directories);
        if (all.isEmpty()) {
            throw new NoSuchFileException(
                    absent.isEmpty() ? "(none)" : absent.get(0).toString(),
                    null,
                    "nothing to watch: no proto root, import directory, template directory or input file exists");
        }
        this.watched = List.copyOf(all);
        this.missing = List.copyOf(absent);
        this.debouncer = new Debouncer<>(request.debounce(), rebuild, "switchboard-watch-rebuild");
        this.events = Executors.newSingleThreadExecutor(r -> {
            Thread thread = new Thread(r, "switchboard-watch-events");
            thread.setDaemon(true);
            return thread;
        });
        this.watcher = DirectoryWatcher.builder()
                .paths(watched)
                .fileHashing(false) // the registry's fingerprint already tells a real change from a touch
                .fileTreeVisitor(new ScopedVisitor(trees, directories))
                .listener(this::onEvent)
                .build();
        this.loop = watcher.watchAsync(events);
        if (loop.isCompletedExceptionally()) {
            close();
            throw failure(loop.handle((ignored, t) -> t).join());
        }
    }

    /**
     * Starts watching; returns once every directory is registered, so a change made after this returns
     * is seen.
     *
     * @param rebuild called with the changed paths after a quiet period, on the watcher's rebuild thread
     * @throws NoSuchFileException when none of the directories to watch exists
     */
    public static ProtoWatcher start(WatchRequest request, Consumer<Set<Path>> rebuild) throws IOException {
        return new ProtoWatcher(request, rebuild);
    }

    /** The directories being watched: the trees, then the directories of single files. */
    public List<Path> watched() {
        return watched;
    }

    /** The trees that do not exist and are therefore not watched. */
    public List<Path> missing() {
        return missing;
    }

    /**
     * Blocks until the watcher is closed, or until every watched directory was deleted.
     *
     * @throws IOException when the watcher failed
     */
    public void await() throws InterruptedException, IOException {
        try {
            loop.get();
        } catch (ExecutionException e) {
            throw failure(e.getCause());
        }
    }

    /**
     * Blocks until the user stops the watch, then closes it. Ctrl-C ends the JVM through its shutdown
     * hooks without interrupting the waiting thread, so a hook closes the watcher (waiting for a running
     * rebuild) and reports the stop; an interrupt of the waiting thread closes it too and stays set.
     *
     * @throws IOException when the watcher failed
     */
    public void awaitStop(Reporter reporter) throws IOException {
        AtomicBoolean stopped = new AtomicBoolean();
        Runnable stop = () -> {
            if (stopped.compareAndSet(false, true)) {
                close();
                reporter.info("switchboard: watch stopped");
            }
        };
        Thread hook = new Thread(stop, "switchboard-watch-shutdown");
        Runtime.getRuntime().addShutdownHook(hook);
        boolean interrupted = false;
        try {
            await();
            if (!stopped.get()) {
                reporter.warn("switchboard: watch: every watched directory was deleted; nothing left to watch");
            }
        } catch (InterruptedException e) {
            interrupted = true;
        } finally {
            stop.run();
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException e) {
                // The JVM is shutting down and the hook is running or has run: nothing to remove.
            }
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private static IOException failure(Throwable thrown) {
        Throwable cause =
                thrown instanceof CompletionException && thrown.getCause() != null ? thrown.getCause() : thrown;
        if (cause instanceof UncheckedIOException unchecked) {
            return unchecked.getCause();
        }
        return cause instanceof IOException io ? io : new IOException("the file watcher failed: " + cause, cause);
    }

    private void onEvent(DirectoryChangeEvent event) {
        Path path = event.path() != null ? event.path() : event.rootPath();
        if (event.eventType() == DirectoryChangeEvent.EventType.OVERFLOW || relevant(path, event.isDirectory())) {
            debouncer.signal(path);
        }
    }

    private boolean relevant(Path path, boolean directory) {
        if (files.contains(path)) {
            return true;
        }
        for (WatchRequest.Tree tree : request.trees()) {
            if (path.startsWith(tree.directory())) {
                return directory || path.getFileName().toString().endsWith(tree.suffix());
            }
        }
        return false;
    }

    /** Stops watching and waits for a running rebuild to finish; a pending one is dropped. */
    @Override
    public void close() {
        try {
            watcher.close();
        } catch (IOException e) {
            // Closing the JDK's watch service only releases its inotify descriptor; nothing is lost.
        }
        debouncer.close();
        events.shutdown();
    }

    /**
     * Walks trees whole and a single file's directory alone; anything else (a directory created beside a
     * watched file, such as {@code target/}) is neither registered nor reported.
     */
    private static final class ScopedVisitor implements FileTreeVisitor {
        private final List<Path> trees;
        private final Set<Path> shallow;

        ScopedVisitor(List<Path> trees, Set<Path> shallow) {
            this.trees = List.copyOf(trees);
            this.shallow = Set.copyOf(shallow);
        }

        @Override
        public void recursiveVisitFiles(Path start, Callback onDirectory, Callback onFile) throws IOException {
            if (trees.stream().anyMatch(start::startsWith)) {
                DEFAULT_FILE_TREE_VISITOR.recursiveVisitFiles(start, onDirectory, onFile);
            } else if (shallow.contains(start)) {
                onDirectory.call(start);
                try (DirectoryStream<Path> entries = Files.newDirectoryStream(start, Files::isRegularFile)) {
                    for (Path entry : entries) {
                        onFile.call(entry);
                    }
                }
            }
        }
    }
}
