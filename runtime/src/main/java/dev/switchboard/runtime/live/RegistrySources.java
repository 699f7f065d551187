package dev.switchboard.runtime.live;

import java.util.ServiceLoader;

/** Finds the provider of a source kind on the class path, by name, so the runtime never links to it. */
public final class RegistrySources {
    private RegistrySources() {}

    /**
     * Opens a source of {@code kind} at {@code location} that reads registries of up to {@code maxBytes}.
     *
     * @throws IllegalStateException when no module on the class path provides {@code kind}, naming the
     *     dependency to add
     */
    public static RegistrySource open(String kind, String location, long maxBytes, ClassLoader loader) {
        for (RegistrySourceProvider provider : ServiceLoader.load(RegistrySourceProvider.class, loader)) {
            if (provider.kind().equals(kind)) {
                return provider.open(location, maxBytes);
            }
        }
        throw new IllegalStateException("switchboard: the registry is to follow " + kind + " (" + location
                + "), but nothing on the class path can; add the dependency dev.switchboard:switchboard-" + kind
                + " to the application");
    }
}
