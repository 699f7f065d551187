package dev.switchboard.runtime.calls;

import java.util.Locale;

/** How a client was made, in the order {@code client(name)} tries the routes. */
public enum Route {
    /** By the factory or the dynamic wrapper the build generated with the service. */
    COMPILED_IN,
    /** By a {@code ServiceClientProvider} found on the class path. */
    PROVIDER,
    /** From the registry's class names, by reflection. */
    REFLECTION,
    /** The generic REST client, for a service with REST endpoints but no client class. */
    GENERIC;

    /** The name statistics and meters use: {@code compiled-in}, {@code provider}, … */
    public String label() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
