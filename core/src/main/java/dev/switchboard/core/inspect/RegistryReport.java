package dev.switchboard.core.inspect;

import dev.switchboard.core.diag.Reporter;
import dev.switchboard.core.registry.RegistryOutcome;
import dev.switchboard.runtime.registry.ServiceEntry;
import java.util.List;
import java.util.stream.Collectors;

/**
 * What a front end says about the registry stage, the same from the goal and the command line: the
 * notes, the selection, written or up to date, and the summary table.
 */
public final class RegistryReport {
    private RegistryReport() {}

    /**
     * @param selection the selection as the user wrote it, e.g. {@code switchboard.services=s3,ec2}
     * @param shownFile the registry file as the user sees it, relative to the project
     * @param summary how much of the summary table to report
     */
    public static void report(
            RegistryOutcome outcome,
            boolean selectsAll,
            String selection,
            String shownFile,
            long millis,
            RegistrySummary.Length summary,
            Reporter reporter) {
        outcome.notes().forEach(note -> reporter.warn("switchboard: " + note));
        if (!outcome.written()) {
            if (outcome.selected() != null && !selectsAll) {
                reporter.info(selectionLine(outcome.selected(), selection));
            }
            reporter.info("switchboard: registry is up to date (fingerprint " + outcome.shortFingerprint()
                    + "), nothing rewritten: " + shownFile + " (" + millis + " ms)");
            return;
        }
        if (!selectsAll) {
            reporter.info(selectionLine(outcome.selected(), selection));
        }
        reporter.info("switchboard: wrote " + shownFile + " with "
                + outcome.registry().services().size() + " service(s) (fingerprint " + outcome.shortFingerprint()
                + ", " + millis + " ms)");
        RegistrySummary.lines(outcome.registry(), summary).forEach(line -> reporter.info("  " + line));
    }

    /** What was selected and by what, naming the first services so a surprise shows at once. */
    private static String selectionLine(List<ServiceEntry> selected, String selection) {
        int shown = 12;
        String names = selected.stream().limit(shown).map(ServiceEntry::name).collect(Collectors.joining(", "));
        String more = selected.size() > shown ? " and " + (selected.size() - shown) + " more" : "";
        return "switchboard: selected " + selected.size() + " service(s) by " + selection
                + (selected.isEmpty() ? "" : ": " + names + more);
    }
}
