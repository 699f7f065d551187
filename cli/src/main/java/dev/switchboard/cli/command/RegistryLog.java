package dev.switchboard.cli.command;

import dev.switchboard.cli.console.Console;
import dev.switchboard.core.registry.RegistryOutcome;
import dev.switchboard.core.registry.RegistryRequest;
import dev.switchboard.runtime.registry.ServiceEntry;
import java.util.stream.Collectors;

/** The stderr lines of a registry build, as the plugin logs them: notes, the selection, written or not. */
final class RegistryLog {
    private RegistryLog() {}

    static void log(
            RegistryOutcome outcome,
            RegistryRequest request,
            SelectionOptions selection,
            ProjectOptions project,
            long millis,
            Console console) {
        outcome.notes().forEach(console::warn);
        String shown = project.shown(outcome.registryFile());
        if (!outcome.written()) {
            if (outcome.selected() != null) {
                console.info("switchboard: selected " + outcome.selected().size() + " service(s) by "
                        + selection.describe());
            }
            console.info("switchboard: registry is up to date (fingerprint " + outcome.shortFingerprint()
                    + "), nothing rewritten: " + shown + " (" + millis + " ms)");
            return;
        }
        if (!request.selection().isAll()) {
            console.info("switchboard: selected " + outcome.selected().size() + " service(s) by "
                    + selection.describe() + ": "
                    + outcome.selected().stream().map(ServiceEntry::name).collect(Collectors.joining(", ")));
        }
        console.info("switchboard: wrote " + shown + " with "
                + outcome.registry().services().size() + " service(s) (fingerprint " + outcome.shortFingerprint() + ", "
                + millis + " ms)");
    }
}
