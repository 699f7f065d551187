package dev.switchboard.runtime.live;

import dev.switchboard.runtime.registry.Registry;
import java.util.Optional;

/**
 * Where a live registry's content comes from when it is not a file: a ZooKeeper path, for one. A source
 * only fetches bytes; the live registry validates them, swaps them in and tells listeners exactly as it
 * does for a changed file, so that logic exists once.
 *
 * <p>Implementations live outside the runtime (the {@code switchboard-zookeeper} module) and are found
 * through {@link RegistrySourceProvider}, so an application that follows no such source loads none of
 * their classes.
 */
public interface RegistrySource extends AutoCloseable {

    /** How logs and statistics name the source: {@code zookeeper 127.0.0.1:2181/switchboard/shop}. */
    String description();

    /**
     * Starts following: offers the registry in force to {@code sink} before returning when it can be
     * reached within the source's start timeout, and every later one as it comes.
     *
     * @return why the registry in force could not be offered at start (the source keeps trying in the
     *     background), or empty when it was offered
     */
    Optional<String> start(Sink sink);

    /** Stops following; nothing is offered afterwards. */
    @Override
    void close();

    /** What a source hands new content to. */
    @FunctionalInterface
    interface Sink {
        /**
         * Validates a JSON registry and swaps it in when it differs from the one in force; a registry that
         * does not parse or validate is logged and ignored.
         *
         * @param origin how messages name this content ({@code zookeeper …/versions/v-0000000007})
         * @return the registry in force afterwards: the offered one, or the last good one
         */
        Registry offer(byte[] json, String origin);
    }
}
