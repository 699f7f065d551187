package dev.switchboard.cli.command;

import dev.switchboard.cli.console.Console;
import dev.switchboard.cli.console.ExitCode;
import dev.switchboard.cli.console.Terms;
import dev.switchboard.core.diag.InputException;
import dev.switchboard.core.diag.Problem;
import dev.switchboard.core.render.GenerateRequest;
import dev.switchboard.core.render.RenderException;
import dev.switchboard.core.watch.ProtoWatcher;
import dev.switchboard.core.watch.WatchRequest;
import dev.switchboard.core.watch.WatchSession;
import dev.switchboard.runtime.registry.ServiceEntry;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Collectors;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code switchboard watch}, the {@code watch} goal. */
@Command(
        name = "watch",
        sortOptions = false,
        description = {
            "Regenerate on every change of the inputs, until Ctrl-C.",
            "Runs generate once, then watches the proto paths and import directories, the rules and overrides"
                    + " files and the templates, and after each burst of changes rebuilds the registry and the"
                    + " generated sources and prints one line of what changed on stderr. A broken edit prints its"
                    + " problems and keeps the last good outputs; the next good edit recovers.",
            "Ends on Ctrl-C, after a running rebuild has finished."
        })
final class WatchCommand extends SwitchboardSubcommand {
    @ArgGroup(
            validate = false,
            heading = "%nProject (relative paths are taken from the current directory):%n",
            order = 10)
    ProjectOptions project = new ProjectOptions();

    @ArgGroup(validate = false, heading = "%nSelection:%n", order = 20)
    SelectionOptions selection = new SelectionOptions();

    @ArgGroup(validate = false, heading = "%nGenerated code:%n", order = 30)
    GenerateOptions generate = new GenerateOptions();

    @Option(
            names = "--debounce",
            paramLabel = "MS",
            order = 60,
            defaultValue = "" + WatchRequest.Builder.DEFAULT_DEBOUNCE_MILLIS,
            description = "How long the inputs must be quiet before a rebuild. Default: ${DEFAULT-VALUE}.")
    long debounce;

    @Override
    int run(Console console) throws Exception {
        if (debounce < 0) {
            throw new InputException(Problem.in(
                    "--debounce",
                    debounce + " is negative",
                    "give the quiet period in milliseconds, e.g. --debounce 300"));
        }
        GenerateRequest request = generate.request(project.request(selection.selection()), project);
        WatchSession session = new WatchSession(firstBuild(request, console), console);
        WatchRequest watch = WatchRequest.builder(request)
                .debounce(Duration.ofMillis(debounce))
                .build();
        ProtoWatcher watcher;
        try {
            watcher = ProtoWatcher.start(watch, changed -> rebuild(session));
        } catch (NoSuchFileException e) {
            throw new InputException(Problem.in(
                    "--proto-path",
                    e.getReason() + " ("
                            + shown(watch.trees().stream()
                                    .map(WatchRequest.Tree::directory)
                                    .toList()) + ")",
                    "create the proto directory or give --proto-path"));
        }
        watcher.missing()
                .forEach(dir -> console.warn("watch: " + shown(List.of(dir))
                        + " does not exist and is not watched; create it and start the watch again"));
        console.endProgress();
        console.info("switchboard: watching " + shown(watcher.watched()) + " (debounce " + debounce
                + " ms); press Ctrl-C to stop");
        watcher.runUntilStopped(console);
        return ExitCode.OK;
    }

    /** The build before the watch starts, reported as generate reports it; broken input only waits for a fix. */
    private List<ServiceEntry> firstBuild(GenerateRequest request, Console console) throws Exception {
        try {
            return Generation.run(request, false, project, selection, console)
                    .registry()
                    .services();
        } catch (InputException e) {
            e.problems().forEach(p -> console.error(Terms.of(p).toString()));
        } catch (RenderException e) {
            console.error("switchboard: a template failed: " + e.getMessage());
        }
        console.info("switchboard: watch: waiting for a fix");
        return null;
    }

    /** Each rebuild reads the options again, so an overrides file created meanwhile is used. */
    private void rebuild(WatchSession session) {
        GenerateRequest request;
        try {
            request = generate.request(project.request(selection.selection()), project);
        } catch (InputException e) {
            session.failed(e.getMessage());
            return;
        }
        session.rebuild(request);
    }

    private String shown(List<Path> paths) {
        return paths.stream().map(project::shown).collect(Collectors.joining(", "));
    }
}
