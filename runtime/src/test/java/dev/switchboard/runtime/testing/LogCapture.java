package dev.switchboard.runtime.testing;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.logging.SimpleFormatter;
import java.util.stream.Collectors;

/**
 * What the runtime logs to {@code dev.switchboard}, down to FINE (DEBUG), while it is open: the
 * runtime's {@code System.Logger} goes to java.util.logging when nothing else is configured, as in
 * these tests.
 */
public final class LogCapture extends Handler implements AutoCloseable {
    // Held strongly: java.util.logging keeps loggers weakly, and a collected one would lose the level.
    private static final Logger LOGGER = Logger.getLogger("dev.switchboard");

    private final List<LogRecord> records = new CopyOnWriteArrayList<>();
    private final Level previous;

    private LogCapture() {
        previous = LOGGER.getLevel();
        LOGGER.setLevel(Level.FINE);
        setLevel(Level.ALL);
        LOGGER.addHandler(this);
    }

    public static LogCapture start() {
        return new LogCapture();
    }

    @Override
    public void publish(LogRecord record) {
        records.add(record);
    }

    @Override
    public void flush() {}

    @Override
    public void close() {
        LOGGER.removeHandler(this);
        LOGGER.setLevel(previous);
    }

    /** The records at {@code level}, in order. */
    public List<LogRecord> at(Level level) {
        return records.stream().filter(r -> r.getLevel().equals(level)).collect(Collectors.toList());
    }

    /** The message of a record, with its parameters filled in. */
    public static String text(LogRecord record) {
        return new SimpleFormatter().formatMessage(record);
    }

    /** The messages at {@code level} that start with {@code prefix}. */
    public List<String> messages(Level level, String prefix) {
        return at(level).stream()
                .map(LogCapture::text)
                .filter(m -> m.startsWith(prefix))
                .collect(Collectors.toList());
    }
}
