package dev.switchboard.core.health;

import dev.switchboard.core.diag.Reporter;
import dev.switchboard.core.inspect.HealthReport;
import dev.switchboard.runtime.health.HealthChecker;
import dev.switchboard.runtime.health.HealthResult;
import java.io.IOException;
import java.time.Duration;
import java.util.List;

/**
 * Checks the same targets again every interval and reports what changed, until the thread is
 * interrupted (a goal ends on Ctrl-C, the command line likewise).
 */
public final class HealthMonitor {
    /** What to do with each round's results besides reporting the changes: e.g. rewrite a report file. */
    public interface Round {
        void completed(List<HealthResult> results) throws IOException;
    }

    private HealthMonitor() {}

    public static void run(
            HealthChecker checker,
            Endpoints resolved,
            List<HealthResult> first,
            Duration interval,
            Reporter reporter,
            Round round)
            throws IOException, InterruptedException {
        reporter.info("switchboard: monitoring " + first.size() + " service(s) every " + interval.toSeconds()
                + " s; changes are printed; Ctrl-C stops");
        List<HealthResult> previous = first;
        while (!Thread.currentThread().isInterrupted()) {
            Thread.sleep(interval.toMillis());
            List<HealthResult> current = checker.check(resolved.targets());
            HealthReport.changes(previous, current).forEach(line -> reporter.info("switchboard: " + line));
            round.completed(current);
            previous = current;
        }
    }
}
