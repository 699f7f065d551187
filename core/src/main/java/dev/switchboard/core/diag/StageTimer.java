package dev.switchboard.core.diag;

import java.util.Locale;

/**
 * Reports each stage of a pipeline with how long it took, at debug level ({@code mvn -X}); costs one
 * check per stage when debug is off.
 */
public final class StageTimer {
    private final Reporter reporter;
    private final String pipeline;
    private long last = System.nanoTime();

    /** @param pipeline what runs the stages, as the lines name it ({@code registry}, {@code generate}) */
    public StageTimer(Reporter reporter, String pipeline) {
        this.reporter = reporter;
        this.pipeline = pipeline;
    }

    /**
     * Reports that {@code stage} ended, with the time since the previous stage's report (or the start).
     */
    public void done(String stage) {
        if (!reporter.debugEnabled()) {
            return;
        }
        long now = System.nanoTime();
        reporter.debug(String.format(
                Locale.ROOT, "switchboard: %s stage \"%s\" took %.1f ms", pipeline, stage, (now - last) / 1e6));
        // Not charged to the next stage: the first format of a fresh JVM loads the formatter and the
        // locale data, 10-40 ms that would show up as a slow up-to-date check.
        last = System.nanoTime();
    }
}
