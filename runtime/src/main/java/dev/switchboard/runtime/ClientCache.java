package dev.switchboard.runtime;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * Clients by service name, each created exactly once even when many threads ask first at the same
 * time, and closed together.
 *
 * <p>Creation runs outside the map's locks (under a lock of the service's own), so a slow client
 * (an AWS client takes tens of milliseconds to build) never blocks callers of other services, and a
 * creator may itself ask the cache for another service.
 */
public final class ClientCache implements AutoCloseable {
    private final ConcurrentHashMap<String, Slot> slots = new ConcurrentHashMap<>();
    private volatile boolean closed;

    private static final class Slot {
        /** What {@link #get} returns for a slot evicted since the caller found it: look it up again. */
        static final Object EVICTED = new Object();

        private volatile Object value;
        private boolean evicted;

        Object get(String name, Supplier<?> create, ClientCache cache) {
            Object v = value;
            if (v != null) {
                return v;
            }
            synchronized (this) {
                if (evicted) {
                    return EVICTED;
                }
                v = value;
                if (v == null) {
                    if (cache.closed) {
                        throw new IllegalStateException(
                                "the service clients were closed; service \"" + name + "\" can no longer be created");
                    }
                    v = create.get();
                    if (v == null) {
                        throw new IllegalStateException("creating service \"" + name + "\" returned null");
                    }
                    value = v;
                }
                return v;
            }
        }
    }

    /** The client for {@code name}, created by {@code create} on the first call only. */
    @SuppressWarnings("unchecked")
    public <T> T get(String name, Supplier<? extends T> create) {
        while (true) {
            Slot slot = slots.get(name);
            if (slot == null) {
                slot = slots.computeIfAbsent(name, n -> new Slot());
            }
            Object v = slot.get(name, create, this);
            if (v != Slot.EVICTED) {
                return (T) v;
            }
        }
    }

    /**
     * Forgets the client of {@code name}, so that the next {@link #get} creates a new one, and returns
     * the old one (null if none was created) for the caller to close. A creation under way finishes
     * first and is what is returned.
     */
    public Object evict(String name) {
        Slot slot = slots.remove(name);
        if (slot == null) {
            return null;
        }
        synchronized (slot) {
            slot.evicted = true;
            Object v = slot.value;
            slot.value = null;
            return v;
        }
    }

    /** The client already created for {@code name}, or null; never creates one. */
    public Object peek(String name) {
        Slot slot = slots.get(name);
        return slot == null ? null : slot.value;
    }

    /** The names of the clients created so far. */
    public List<String> created() {
        List<String> names = new ArrayList<>();
        slots.forEach((name, slot) -> {
            if (slot.value != null) {
                names.add(name);
            }
        });
        names.sort(null);
        return names;
    }

    /**
     * Closes every created client that is {@link AutoCloseable}, each once; later calls do nothing.
     * Every client is closed even if one fails; the first failure is thrown with the others suppressed.
     */
    @Override
    public void close() {
        // Closed first: a creation that has not started yet fails; one under way finishes and is
        // closed below, as the slot's lock orders the two.
        closed = true;
        RuntimeException failure = null;
        for (Slot slot : slots.values()) {
            Object value;
            synchronized (slot) {
                value = slot.value;
                slot.value = null;
            }
            if (value instanceof AutoCloseable closeable) {
                try {
                    closeable.close();
                } catch (Exception e) {
                    if (failure == null) {
                        failure = new IllegalStateException("closing a service client failed", e);
                    } else {
                        failure.addSuppressed(e);
                    }
                }
            }
        }
        slots.clear();
        if (failure != null) {
            throw failure;
        }
    }
}
