package dev.switchboard.cli.console;

import java.io.PrintWriter;
import java.util.concurrent.TimeUnit;

/**
 * One stderr line that says what is running and for how long ({@code | switchboard registry: loading 120
 * proto file(s) (3 s)}), redrawn in place. Work that ends within a second never shows it, so quick commands
 * print nothing extra. Every access holds the console's lock, so a message never lands mid-line.
 */
final class Progress {
    private static final long DELAY_NANOS = TimeUnit.SECONDS.toNanos(1);
    private static final long REDRAW_MILLIS = 200;
    private static final String SPINNER = "|/-\\";

    private final PrintWriter err;
    private final Object lock;
    private final long started = System.nanoTime();
    private final Thread ticker;
    private final String command;
    private String stage;
    private boolean shown;
    private boolean closed;
    private int frame;

    Progress(PrintWriter err, Object lock, String command) {
        this.err = err;
        this.lock = lock;
        this.command = command;
        this.ticker = new Thread(this::tick, "switchboard-progress");
        ticker.setDaemon(true);
        ticker.start();
    }

    /** The stage shown after the command's name, or null for none; called with the lock held. */
    void stage(String stage) {
        this.stage = stage;
    }

    /** Removes the line so a message can be printed in its place; called with the lock held. */
    void clear() {
        if (shown) {
            err.print("\r\033[K");
            err.flush();
            shown = false;
        }
    }

    /** Removes the line for good; called with the lock held. */
    void close() {
        closed = true;
        ticker.interrupt();
        clear();
    }

    private void tick() {
        try {
            while (true) {
                Thread.sleep(REDRAW_MILLIS);
                synchronized (lock) {
                    if (closed) {
                        return;
                    }
                    long elapsed = System.nanoTime() - started;
                    if (elapsed >= DELAY_NANOS) {
                        frame = (frame + 1) % SPINNER.length();
                        err.print("\r\033[K" + SPINNER.charAt(frame) + " switchboard " + command
                                + (stage == null ? "" : ": " + stage) + " ("
                                + TimeUnit.NANOSECONDS.toSeconds(elapsed) + " s)");
                        err.flush();
                        shown = true;
                    }
                }
            }
        } catch (InterruptedException e) {
            // Closed: the line was cleared by close().
        }
    }
}
