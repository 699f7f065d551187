package dev.switchboard.cli.console;

import dev.switchboard.core.diag.Reporter;
import java.io.PrintWriter;

/**
 * Where a command's output goes: {@link #data} to stdout, everything else to stderr, so {@code
 * switchboard services --format json | jq} sees only the document. Messages below the chosen level
 * are dropped; a progress line, when shown, is cleared before any message is printed.
 */
public final class Console implements Reporter {
    /** How much goes to stderr. */
    public enum Level {
        /** Errors only. */
        QUIET,
        /** Errors, warnings and what was done. */
        NORMAL,
        /** Also detail, stages and stack traces of unexpected failures. */
        VERBOSE
    }

    private static final String PREFIX = "switchboard: ";

    private final PrintWriter out;
    private final PrintWriter err;
    private final Level level;
    private final boolean terminal;
    private final Object lock = new Object();
    private Progress progress;

    /**
     * @param terminal whether a person watches stderr, so a progress line helps rather than litters
     */
    public Console(PrintWriter out, PrintWriter err, Level level, boolean terminal) {
        this.out = out;
        this.err = err;
        this.level = level;
        this.terminal = terminal;
    }

    public Level level() {
        return level;
    }

    /** Prints a command's result on stdout, as it is; on a terminal, where the progress line was. */
    public void data(String text) {
        synchronized (lock) {
            if (progress != null) {
                progress.clear();
            }
            out.print(text);
            out.flush();
        }
    }

    @Override
    public void info(String message) {
        if (level != Level.QUIET) {
            line(message);
        }
    }

    /** Printed as {@code switchboard: warning: …}, in the command line's terms. */
    @Override
    public void warn(String message) {
        if (level != Level.QUIET) {
            String text = Terms.text(message);
            line(PREFIX + "warning: " + (text.startsWith(PREFIX) ? text.substring(PREFIX.length()) : text));
        }
    }

    @Override
    public void debug(String message) {
        if (level == Level.VERBOSE) {
            line(message);
        }
    }

    /** Printed as it is, in the command line's terms. */
    @Override
    public void error(String message) {
        line(Terms.text(message));
    }

    /** The stage shown on the progress line, if there is one; a debug line as well. */
    @Override
    public void progress(String stage) {
        debug(PREFIX + stage);
        synchronized (lock) {
            if (progress != null) {
                progress.stage(stage);
            }
        }
    }

    /**
     * Shows a progress line on stderr from the first second of the work on, when stderr is a terminal
     * and the user did not ask for quiet; closing it removes the line.
     */
    public AutoCloseable startProgress(String command) {
        synchronized (lock) {
            if (!terminal || level == Level.QUIET || progress != null) {
                return () -> {};
            }
            progress = new Progress(err, lock, command);
            return this::endProgress;
        }
    }

    /** Removes the progress line for good, as a command starts waiting for events rather than working. */
    public void endProgress() {
        synchronized (lock) {
            if (progress != null) {
                progress.close();
                progress = null;
            }
        }
    }

    private void line(String message) {
        synchronized (lock) {
            if (progress != null) {
                progress.clear();
            }
            err.println(message);
            err.flush();
            if (progress != null) {
                // A message ends the stage it reports on; until the next one, the line shows the command.
                progress.stage(null);
            }
        }
    }
}
