package dev.switchboard.core.health;

import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * grpc-java's own logging, off while the {@code health} goal or command checks: it reports a failed
 * channel (an unknown host, with its stack trace) through {@code java.util.logging} straight to the
 * console, where the results already say it in their own words. The level it had comes back when the last
 * open one closes, since other code in the JVM (another plugin of the build) may log through gRPC.
 *
 * <pre>{@code
 * try (QuietGrpcLog quiet = QuietGrpcLog.open()) {
 *     results = checker.check(targets);
 * }
 * }</pre>
 */
public final class QuietGrpcLog implements AutoCloseable {
    /** Held here, as the logging framework keeps loggers only weakly. */
    private static final Logger GRPC = Logger.getLogger("io.grpc");

    private static int open;
    private static Level before;

    private boolean closed;

    private QuietGrpcLog() {}

    /** Turns gRPC's logging off until this (and every other one open) is closed. */
    public static QuietGrpcLog open() {
        synchronized (QuietGrpcLog.class) {
            if (open++ == 0) {
                before = GRPC.getLevel();
                GRPC.setLevel(Level.OFF);
            }
        }
        return new QuietGrpcLog();
    }

    @Override
    public void close() {
        synchronized (QuietGrpcLog.class) {
            if (!closed) {
                closed = true;
                if (--open == 0) {
                    GRPC.setLevel(before);
                }
            }
        }
    }
}
