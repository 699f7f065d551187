package dev.switchboard.core.testing;

import dev.switchboard.core.diag.Reporter;
import java.util.ArrayList;
import java.util.List;

/** A reporter with debug on that keeps the debug lines, as {@code mvn -X} would print them, and nothing else. */
public final class DebugLines implements Reporter {
    private final List<String> lines = new ArrayList<>();

    /** The debug lines so far, in order. */
    public List<String> lines() {
        return lines;
    }

    @Override
    public void info(String message) {}

    @Override
    public void warn(String message) {}

    @Override
    public void error(String message) {}

    @Override
    public void debug(String message) {
        lines.add(message);
    }

    @Override
    public boolean debugEnabled() {
        return true;
    }
}
