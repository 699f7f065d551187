package dev.switchboard.runtime.calls;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/** Calls from several threads for a while, as an application under load does, bounded in time. */
final class Load {
    /** What a run did. */
    record Result(long inWindow, long total, long failed, double seconds) {
        /**
         * The fewest calls a limit of {@code rps} with bursts of {@code burst} lets through in the window,
         * less 10 %: {@code rps × seconds}. Resilience4j lets {@code burst} permits through every {@code
         * burst / rps} seconds, so a window holds between {@code rps × seconds} and {@code burst} more,
         * depending on where it starts within a period.
         */
        static double fewest(double rps, double seconds) {
            return 0.9 * rps * seconds;
        }

        /** The most calls the limit lets through in the window, plus 10 %: {@code burst + rps × seconds}. */
        static double most(double rps, int burst, double seconds) {
            return 1.1 * (burst + rps * seconds);
        }

        String describe(double rps, int burst) {
            return String.format(
                    java.util.Locale.ROOT,
                    "%.0f/s burst %d, %.0f s: %d calls ended in the window (%.2f/s; the limit allows %.0f to %.0f),"
                            + " %d in all",
                    rps,
                    burst,
                    seconds,
                    inWindow,
                    inWindow / seconds,
                    rps * seconds,
                    burst + rps * seconds,
                    total);
        }
    }

    /** One call; throws when it fails. */
    interface Call {
        void run() throws Exception;
    }

    private Load() {}

    /**
     * Runs {@code call} on {@code threads} threads, each starting calls until {@code seconds} have passed.
     * {@code inWindow} counts the calls that ended within that time; {@code total} every call made, the
     * ones still waiting for a permit when time was up included.
     */
    static Result run(int threads, double seconds, Call call) throws InterruptedException {
        long start = System.nanoTime();
        long deadline = start + (long) (seconds * 1e9);
        AtomicLong inWindow = new AtomicLong();
        AtomicLong total = new AtomicLong();
        AtomicLong failed = new AtomicLong();
        List<Thread> workers = new ArrayList<>();
        for (int i = 0; i < threads; i++) {
            Thread worker = new Thread(
                    () -> {
                        while (System.nanoTime() < deadline) {
                            try {
                                call.run();
                            } catch (Exception e) {
                                failed.incrementAndGet();
                            }
                            total.incrementAndGet();
                            if (System.nanoTime() <= deadline) {
                                inWindow.incrementAndGet();
                            }
                        }
                    },
                    "load-" + i);
            workers.add(worker);
            worker.start();
        }
        for (Thread worker : workers) {
            worker.join(60_000);
        }
        return new Result(inWindow.get(), total.get(), failed.get(), seconds);
    }
}
