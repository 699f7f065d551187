package dev.switchboard.maven.mojo;

import dev.switchboard.core.diag.InputException;
import dev.switchboard.core.registry.Overrides;
import dev.switchboard.core.render.GenerateRequest;
import dev.switchboard.core.watch.ProtoWatcher;
import dev.switchboard.core.watch.WatchRequest;
import dev.switchboard.core.watch.WatchSession;
import dev.switchboard.runtime.registry.ServiceEntry;
import java.io.IOException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Collectors;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.plugins.annotations.ResolutionScope;

/**
 * Runs {@code generate} once, then watches the proto source roots and import directories, the rules
 * and overrides files and the templates, and after each burst of changes rebuilds the registry and the
 * generated sources and logs one line of what changed. A broken edit logs its problems and keeps the
 * last good outputs; the next good edit recovers. Ends on Ctrl-C (or an interrupt), after a running
 * rebuild has finished.
 *
 * @since 0.1.0
 */
@Mojo(name = "watch", requiresDependencyResolution = ResolutionScope.COMPILE, threadSafe = true)
public class WatchMojo extends GenerateMojo {

    /**
     * How long, in milliseconds, the inputs must be quiet before a rebuild: an editor's save or a {@code
     * git checkout} that touches many files rebuilds once.
     *
     * <pre>{@code <debounce>500</debounce>}</pre>
     *
     * @since 0.1.0
     */
    @Parameter(property = PropertyNames.WATCH_DEBOUNCE, defaultValue = "300")
    private long debounce;

    @Override
    public void execute() throws MojoExecutionException, MojoFailureException {
        if (skipped()) {
            return;
        }
        if (debounce < 0) {
            throw new MojoFailureException("switchboard: <debounce> " + debounce + " is negative; give the quiet"
                    + " period in milliseconds, e.g. -D" + PropertyNames.WATCH_DEBOUNCE + "=300");
        }
        GenerateRequest request = generateRequest();
        WatchSession session = new WatchSession(firstBuild(request), new WatchSession.Log() {
            @Override
            public void info(String message) {
                getLog().info(message);
            }

            @Override
            public void error(String message) {
                getLog().error(message);
            }
        });
        WatchRequest watch = WatchRequest.of(
                request,
                Overrides.CONVENTIONAL.stream()
                        .map(project.getBasedir().toPath()::resolve)
                        .toList(),
                Duration.ofMillis(debounce));
        ProtoWatcher watcher;
        try {
            watcher = ProtoWatcher.start(watch, changed -> rebuild(session));
        } catch (NoSuchFileException e) {
            throw new MojoFailureException("switchboard: " + e.getReason() + " ("
                    + shown(watch.trees().stream()
                            .map(WatchRequest.Tree::directory)
                            .toList()) + "); create the proto source root or set <protoSourceRoots>");
        } catch (IOException e) {
            throw new MojoExecutionException("switchboard: cannot watch the inputs (" + e + ")", e);
        }
        watcher.missing()
                .forEach(dir -> getLog().warn("switchboard: watch: " + shown(List.of(dir))
                        + " does not exist and is not watched; create it and start the goal again"));
        getLog().info("switchboard: watching " + shown(watcher.watched()) + " (debounce " + debounce
                + " ms); press Ctrl-C to stop");
        awaitStop(watcher);
    }

    /** The build before the watch starts, logged as {@code generate} logs it; a broken input only warns. */
    private List<ServiceEntry> firstBuild(GenerateRequest request) throws MojoExecutionException {
        try {
            return generate(request).registry().services();
        } catch (MojoFailureException e) {
            getLog().error(e.getMessage());
            getLog().info("switchboard: watch: waiting for a fix");
            return null;
        } catch (IOException | InputException e) {
            throw new MojoExecutionException("switchboard: cannot read the registry just generated (" + e + ")", e);
        }
    }

    /** Each rebuild reads the parameters again, so an overrides file created meanwhile is used. */
    private void rebuild(WatchSession session) {
        GenerateRequest request;
        try {
            request = generateRequest();
        } catch (MojoFailureException e) {
            session.failed(e.getMessage());
            return;
        }
        session.rebuild(request);
    }

    /**
     * Ctrl-C ends the JVM through its shutdown hooks without interrupting this thread, so a hook closes
     * the watcher (waiting for a running rebuild); an interrupt of this thread closes it too.
     */
    private void awaitStop(ProtoWatcher watcher) throws MojoExecutionException {
        AtomicBoolean stopped = new AtomicBoolean();
        Runnable stop = () -> {
            if (stopped.compareAndSet(false, true)) {
                watcher.close();
                getLog().info("switchboard: watch stopped");
            }
        };
        Thread hook = new Thread(stop, "switchboard-watch-shutdown");
        Runtime.getRuntime().addShutdownHook(hook);
        boolean interrupted = false;
        try {
            watcher.await();
            if (!stopped.get()) {
                getLog().warn("switchboard: watch: every watched directory was deleted; nothing left to watch");
            }
        } catch (InterruptedException e) {
            interrupted = true;
        } catch (IOException e) {
            throw new MojoExecutionException("switchboard: the file watcher failed (" + e + ")", e);
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

    private String shown(List<Path> paths) {
        Path base = project.getBasedir().toPath().toAbsolutePath();
        return paths.stream()
                .map(p -> p.startsWith(base) ? base.relativize(p).toString() : p.toString())
                .map(s -> s.isEmpty() ? "." : s)
                .collect(Collectors.joining(", "));
    }
}
