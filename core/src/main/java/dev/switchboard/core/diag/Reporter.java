package dev.switchboard.core.diag;

/**
 * Where the engine's user-visible lines go. Each front end implements it once: the command line
 * writes to stderr (keeping stdout for data), the Maven plugin to its {@code Log}. The engine reports
 * only what a user should see; results travel in return values, never through here.
 */
public interface Reporter {
    /** Reports nothing; for callers that want the result alone. */
    Reporter SILENT = new Reporter() {
        @Override
        public void info(String message) {}

        @Override
        public void warn(String message) {}

        @Override
        public void debug(String message) {}

        @Override
        public void error(String message) {}
    };

    /** Something done, worth one line at the default level. */
    void info(String message);

    /** Something the user may want to change, though the run goes on. */
    void warn(String message);
    /** Detail for finding out why, shown only when asked for ({@code --verbose}, {@code mvn -X}). */
    default void debug(String message) {}

    /** A problem with the run; the front end still decides how the run ends. */
    void error(String message);

    /**
     * The stage a long run is in ({@code "linking 1000 protos"}), replaced by the next one. A front end
     * that shows no progress ignores it; by default it is a debug line.
     */
    /** Whether {@link #debug} lines are shown ({@code -X}, {@code --verbose}), so callers can skip building them. */
    default boolean debugEnabled() {
        return false;
    }

    default void progress(String stage) {
        debug(stage);
    }
}
