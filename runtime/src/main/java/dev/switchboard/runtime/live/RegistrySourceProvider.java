package dev.switchboard.runtime.live;

/**
 * Opens a {@link RegistrySource} of one kind; registered in {@code
 * META-INF/services/dev.switchboard.runtime.live.RegistrySourceProvider} by the module that brings it.
 */
public interface RegistrySourceProvider {

    /** The kind of source, as settings name it: {@code zookeeper}. */
    String kind();

    /**
     * A source for {@code location}, not yet started.
     *
     * @param location where the registry lives, in the kind's own terms ({@code connect|path} for
     *     ZooKeeper)
     * @param maxBytes the largest registry the source may read, as the live registry will accept
     * @throws IllegalArgumentException when {@code location} is malformed, with the fix in the message
     */
    RegistrySource open(String location, long maxBytes);
}
