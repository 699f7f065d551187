package dev.switchboard.runtime.registry;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.WeakHashMap;

/**
 * The registry the generate goal bundles into an application ({@value #RESOURCE}), read once per class
 * loader.
 *
 * <p>It lives beside the codec rather than with the resolvers that use it, so that both the resolvers
 * and the live registry, which falls back to it, can read it without depending on each other.
 */
public final class BundledRegistry {
    /** Where the generate goal bundles the registry. */
    public static final String RESOURCE = "META-INF/switchboard/registry.json";

    /**
     * Reading the registry costs more than building a client, and it depends only on the class loader,
     * so it is read once per loader, not once per factory. Weak keys let an unloaded application's loader
     * go.
     */
    private static final Map<ClassLoader, Registry> REGISTRIES = Collections.synchronizedMap(new WeakHashMap<>());

    private BundledRegistry() {}

    /**
     * The registry bundled with {@code loader}, read on first call; an empty registry when there is none.
     *
     * @throws IllegalStateException when the bundled registry is not valid, with the reason
     */
    public static Registry of(ClassLoader loader) {
        return REGISTRIES.computeIfAbsent(loader, BundledRegistry::load);
    }

    private static Registry load(ClassLoader loader) {
        try (InputStream in = loader.getResourceAsStream(RESOURCE)) {
            return in == null ? Registry.of(null, List.of()) : RegistryCodec.read(in, RegistryFormat.JSON, RESOURCE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + RESOURCE, e);
        } catch (RegistryFormatException e) {
            throw new IllegalStateException(e.getMessage(), e);
        }
    }
}
