package dev.switchboard.maven.mojo;

import dev.switchboard.core.diag.Reporter;
import org.apache.maven.plugin.logging.Log;

/** The engine's lines in Maven's log, at the level the engine gives them. */
final class MavenReporter implements Reporter {
    private final Log log;

    MavenReporter(Log log) {
        this.log = log;
    }

    @Override
    public void info(String message) {
        log.info(message);
    }

    @Override
    public void warn(String message) {
        log.warn(message);
    }

    @Override
    public void error(String message) {
        log.error(message);
    }

    @Override
    public void debug(String message) {
        log.debug(message);
    }

    @Override
    public boolean debugEnabled() {
        return log.isDebugEnabled();
    }
}
