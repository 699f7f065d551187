package dev.switchboard.cli.command;

import dev.switchboard.cli.console.Console;
import dev.switchboard.core.diag.InputException;
import dev.switchboard.core.inspect.RegistryReport;
import dev.switchboard.core.inspect.RegistrySummary;
import dev.switchboard.core.profiles.ProfilesWriter;
import dev.switchboard.core.registry.RegistryOutcome;
import dev.switchboard.core.render.GenerateOutcome;
import dev.switchboard.core.render.GenerateRequest;
import dev.switchboard.core.render.RenderException;
import dev.switchboard.core.render.SourceGenerator;
import dev.switchboard.runtime.registry.Registry;
import dev.switchboard.runtime.registry.ServiceEntry;
import java.io.IOException;
import java.util.List;

/** One {@code generate} run and its stderr lines, shared by {@code generate}, {@code rollback} and {@code watch}. */
final class Generation {
    private Generation() {}

    /**
     * Generates, logging the registry stage and what was written.
     *
     * @param existingRegistry render from {@code registry.json} as it is (rollback) instead of rebuilding it
     */
    static GenerateOutcome run(
            GenerateRequest request,
            boolean existingRegistry,
            ProjectOptions project,
            SelectionOptions selection,
            Console console)
            throws InputException, IOException, RenderException {
        long started = System.nanoTime();
        GenerateOutcome outcome = new SourceGenerator().generate(request, existingRegistry);
        RegistryReport.report(
                outcome.registry(),
                request.registry().selection().isAll(),
                selection.describe(),
                project.shown(outcome.registry().registryFile()),
                outcome.registryMillis(),
                RegistrySummary.Length.NONE,
                console);
        long millis = (System.nanoTime() - started) / 1_000_000;
        ProfilesWriter.warnIfStale(
                project.base().resolve("pom.xml"),
                request.registry().groups(),
                outcome.registry().services(),
                request.templateDirectory(),
                "switchboard profiles",
                console);
        console.info(outcome.describe(request.className(), millis));
        return outcome;
    }

    /** The table of the services the run generated, as {@code registry} prints it for all of them. */
    static String summary(GenerateOutcome outcome) throws InputException, IOException, RenderException {
        RegistryOutcome registry = outcome.registry();
        List<ServiceEntry> generated = registry.selected() != null ? registry.selected() : registry.services();
        return lines(Registry.of(registry.fingerprint(), generated));
    }

    /** The registry's summary table, one line per service; empty for no services. */
    static String lines(Registry registry) {
        List<String> lines = RegistrySummary.lines(registry);
        return lines.isEmpty() ? "" : String.join("\n", lines) + "\n";
    }
}
