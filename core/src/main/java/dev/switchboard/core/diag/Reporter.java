package dev.switchboard.core.diag;

/**
 * Where the engine's user-visible lines go. Each front end implements it once: the Maven plugin over
 * Maven's log, the command line over standard error. Data (tables, JSON, YAML) never goes through a
 * reporter; front ends print it on standard output themselves.
 */
public interface Reporter {
    void info(String message);

    void warn(String message);

    void error(String message);

    /** Detail for {@code -X} or {@code --verbose}; dropped unless {@link #debugEnabled()}. */
    default void debug(String message) {}

    default boolean debugEnabled() {
        return false;
    }

    /** A reporter that drops everything, for callers that only want the outcome. */
    static Reporter silent() {
        return new Reporter() {
            @Override
            public void info(String message) {}

            @Override
            public void warn(String message) {}

            @Override
            public void error(String message) {}
        };
    }
}
