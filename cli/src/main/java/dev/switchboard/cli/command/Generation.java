package dev.switchboard.cli.command;

import dev.switchboard.cli.console.Console;
import dev.switchboard.core.diag.InputException;
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
import java.nio.file.Files;
import java.nio.file.Path;
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
        RegistryLog.log(outcome.registry(), request.registry(), selection, project, outcome.registryMillis(), console);
        long millis = (System.nanoTime() - started) / 1_000_000;
        warnIfProfilesStale(request, outcome.registry(), project, console);
        if (outcome.upToDate()) {
            console.info("switchboard: generated sources are up to date, nothing rewritten: " + outcome.unchanged()
                    + " file(s) (" + millis + " ms)");
        } else {
            console.info("switchboard: generated " + request.className() + " with "
                    + outcome.services().size()
                    + " service(s): " + outcome.written() + " file(s) written, " + outcome.unchanged() + " unchanged, "
                    + outcome.deleted() + " deleted (" + millis + " ms)");
        }
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

    /** A pom whose group profiles no longer match the catalogue and configuration builds the wrong set. */
    private static void warnIfProfilesStale(
            GenerateRequest request, RegistryOutcome registry, ProjectOptions project, Console console)
            throws InputException, IOException {
        Path pom = project.base().resolve("pom.xml");
        if (!Files.isRegularFile(pom) || !ProfilesWriter.hasProfiles(pom)) {
            return;
        }
        ProfilesWriter.Request profiles = new ProfilesWriter.Request(
                pom, request.registry().groups(), registry.services(), request.templateDirectory(), true);
        if (new ProfilesWriter().isStale(profiles)) {
            console.warn("switchboard: the group profiles in pom.xml are stale; run `switchboard profiles` to update"
                    + " them");
        }
    }
}
