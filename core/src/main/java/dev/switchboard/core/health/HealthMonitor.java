package dev.switchboard.core.health;

import dev.switchboard.core.diag.InputException;
import dev.switchboard.core.diag.Problem;
import dev.switchboard.core.diag.Reporter;
import dev.switchboard.core.inspect.HealthReport;
import dev.switchboard.runtime.health.HealthChecker;
import dev.switchboard.runtime.health.HealthResult;
import dev.switchboard.runtime.health.HealthTarget;
import java.io.IOException;
import java.time.Duration;
import java.util.List;

/**
 * Checks the same targets round after round and reports what changed, until the thread is interrupted
 * (or the process ends). Each round:
 *
 * <ol>
 *   <li>waits the interval;
 *   <li>checks every target ({@link HealthChecker#check(List)});
 *   <li>reports one line per service whose status changed, appeared or went away ({@link
 *       HealthReport#changes});
 *   <li>hands the results to the front end, which may print or write them.
 * </ol>
 */
public final class HealthMonitor {
    /** The parameter that sets the interval, as problems name it. */
    public static final String INTERVAL_PARAMETER = "switchboard.interval";

    /** What the front end does with the results of a round. */
    @FunctionalInterface
    public interface RoundListener {
        void round(List<HealthResult> results) throws IOException;
    }

    private final HealthChecker checker;
    private final List<HealthTarget> targets;
    private final Duration interval;
    private final Reporter reporter;

    /**
     * @throws InputException when the interval is under a second
     */
    public HealthMonitor(HealthChecker checker, List<HealthTarget> targets, Duration interval, Reporter reporter)
            throws InputException {
        if (interval.compareTo(Duration.ofSeconds(1)) < 0) {
            throw new InputException(Problem.in(
                    INTERVAL_PARAMETER,
                    "interval " + interval.toSeconds() + " is not a number of seconds",
                    "use 1 or more"));
        }
        this.checker = checker;
        this.targets = List.copyOf(targets);
        this.interval = interval;
        this.reporter = reporter;
    }

    /**
     * Runs rounds after {@code first} until interrupted.
     *
     * @throws InterruptedException when interrupted, which is how monitoring ends
     */
    public void run(List<HealthResult> first, RoundListener listener) throws IOException, InterruptedException {
        reporter.info("switchboard: monitoring " + first.size() + " service(s) every " + interval.toSeconds()
                + " s; changes are printed; Ctrl-C stops");
        List<HealthResult> previous = first;
        while (!Thread.currentThread().isInterrupted()) {
            Thread.sleep(interval.toMillis());
            List<HealthResult> current = checker.check(targets);
            HealthReport.changes(previous, current).forEach(line -> reporter.info("switchboard: " + line));
            listener.round(current);
            previous = current;
        }
        throw new InterruptedException("monitoring interrupted");
    }
}
