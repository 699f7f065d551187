package dev.switchboard.maven.mojo;

import dev.switchboard.core.diag.InputException;
import dev.switchboard.core.diag.Problem;
import dev.switchboard.core.registry.Overrides;
import dev.switchboard.core.render.GenerateRequest;
import dev.switchboard.core.render.RenderException;
import dev.switchboard.core.watch.ProtoWatcher;
import dev.switchboard.core.watch.WatchRequest;
import dev.switchboard.core.watch.WatchSession;
import dev.switchboard.runtime.registry.ServiceEntry;
import java.io.IOException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Collectors;
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
    protected void run() throws Exception {
        if (debounce < 0) {
            throw new InputException(Problem.in(
                    "<debounce>",
                    debounce + " is negative",
                    "give the quiet period in milliseconds, e.g. -D" + PropertyNames.WATCH_DEBOUNCE + "=300"));
        }
        GenerateRequest request = generateRequest();
        WatchSession session = new WatchSession(firstBuild(request), reporter());
        WatchRequest watch = WatchRequest.of(
                request, Overrides.conventionalFiles(project.getBasedir().toPath()), Duration.ofMillis(debounce));
        ProtoWatcher watcher;
        try {
            watcher = ProtoWatcher.start(watch, changed -> rebuild(session));
        } catch (NoSuchFileException e) {
            throw new InputException(Problem.in(
                    "<protoSourceRoots>",
                    "nothing to watch: "
                            + shown(watch.trees().stream()
                                    .map(WatchRequest.Tree::directory)
                                    .toList()) + " does not exist",
                    "create the proto source root or set <protoSourceRoots>"));
        }
        watcher.missing()
                .forEach(dir -> getLog().warn("switchboard: watch: " + shown(List.of(dir))
                        + " does not exist and is not watched; create it and start the goal again"));
        getLog().info("switchboard: watching " + shown(watcher.watched()) + " (debounce " + debounce
                + " ms); press Ctrl-C to stop");
        watcher.runUntilStopped(reporter());
    }

    private List<ServiceEntry> firstBuild(GenerateRequest request) throws IOException, RenderException {
        try {
            return generate(request).registry().services();
        } catch (InputException e) {
            getLog().error("switchboard: " + e.getMessage());
            getLog().info("switchboard: watch: waiting for a fix");
            return null;
        }
    }

    private void rebuild(WatchSession session) {
        GenerateRequest request;
        try {
            request = generateRequest();
        } catch (InputException e) {
            session.failed(e.getMessage());
            return;
        }
        session.rebuild(request);
    }

    private String shown(List<Path> paths) {
        Path base = project.getBasedir().toPath().toAbsolutePath();
        return paths.stream()
                .map(p -> p.startsWith(base) ? base.relativize(p).toString() : p.toString())
                .map(s -> s.isEmpty() ? "." : s)
                .collect(Collectors.joining(", "));
    }
}
