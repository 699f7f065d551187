package dev.switchboard.core.watch;

import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * Folds signals that come close together into one action: the action runs once no signal has come for
 * the quiet period, with every item signalled since it last ran. Actions run one at a time on a thread
 * of their own; a signal that comes while one runs starts a new quiet period, and the next run follows
 * the current one.
 *
 * @param <T> what a signal carries (a changed path)
 */
public final class Debouncer<T> implements AutoCloseable {
    /** How long {@link #close} waits for a running action (a rebuild of a large tree takes seconds). */
    private static final Duration CLOSE_WAIT = Duration.ofMinutes(1);

    private final long quietNanos;
    private final Consumer<Set<T>> action;
    private final ScheduledExecutorService executor;
    private final Set<T> pending = new LinkedHashSet<>();
    private ScheduledFuture<?> scheduled;
    private long generation;
    private boolean closed;

    /**
     * @param quiet how long no signal must come before the action runs
     * @param action what to run with the items signalled since the last run; its exceptions are its own
     * @param threadName the name of the thread the action runs on
     */
    public Debouncer(Duration quiet, Consumer<Set<T>> action, String threadName) {
        if (quiet.isNegative()) {
            throw new IllegalArgumentException("the quiet period must not be negative: " + quiet);
        }
        this.quietNanos = quiet.toNanos();
        this.action = action;
        this.executor = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread thread = new Thread(r, threadName);
            thread.setDaemon(true);
            return thread;
        });
    }

    /** Adds {@code item} to the next run and starts the quiet period again. */
    public synchronized void signal(T item) {
        if (closed) {
            return;
        }
        pending.add(item);
        if (scheduled != null) {
            scheduled.cancel(false);
        }
        long mine = ++generation;
        scheduled = executor.schedule(() -> fire(mine), quietNanos, TimeUnit.NANOSECONDS);
    }

    /**
     * Runs the action if no signal came after the one that scheduled this run; a run that a later
     * signal superseded but could not cancel (it had already started) leaves the items to that later run.
     */
    private void fire(long scheduledBy) {
        Set<T> batch;
        synchronized (this) {
            if (closed || scheduledBy != generation || pending.isEmpty()) {
                return;
            }
            batch = new LinkedHashSet<>(pending);
            pending.clear();
            scheduled = null;
        }
        action.accept(batch);
    }

    /** Drops what is pending and waits for a running action to finish, so its outputs are whole. */
    @Override
    public void close() {
        synchronized (this) {
            if (closed) {
                return;
            }
            closed = true;
            pending.clear();
            if (scheduled != null) {
                scheduled.cancel(false);
            }
        }
        executor.shutdown();
        try {
            if (!executor.awaitTermination(CLOSE_WAIT.toMillis(), TimeUnit.MILLISECONDS)) {
                executor.shutdownNow();
            }
        } catch (InterruptedException e) {
            executor.shutdownNow();
            Thread.currentThread().interrupt();
        }
    }
}
