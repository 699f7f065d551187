package dev.switchboard.runtime;

import dev.switchboard.runtime.registry.Registry;
import dev.switchboard.runtime.registry.RegistryCodec;
import dev.switchboard.runtime.registry.RegistryFormat;
import dev.switchboard.runtime.registry.RegistryFormatException;
import dev.switchboard.runtime.registry.ServiceEntry;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Collections;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.WeakHashMap;

/**
 * The routes to a client for a service the factory was not generated with, tried in order: a {@link
 * ServiceClientProvider} found by {@link ServiceLoader}, then reflection from the registry's class
 * names ({@code dev.switchboard.runtime.reflect.ReflectiveClients}), then an error naming what is
 * known. Providers and the registry are looked up on first need only.
 */
public final class ClientResolver {
    /** Where the generate goal bundles the registry. */
    public static final String BUNDLED_REGISTRY = "META-INF/switchboard/registry.json";

    /**
     * The bundled registry and the providers depend only on the class loader, so they are read once per
     * loader, not once per factory: reading the registry costs more than building a client. Weak keys
     * let an unloaded application's loader go.
     */
    private static final Map<ClassLoader, Registry> REGISTRIES = Collections.synchronizedMap(new WeakHashMap<>());

    private static final Map<ClassLoader, Map<String, ServiceClientProvider>> PROVIDERS =
            Collections.synchronizedMap(new WeakHashMap<>());

    private final ProviderContext context;
    private final ClassLoader classLoader;

    public ClientResolver(ProviderContext context, ClassLoader classLoader) {
        this.context = context;
        this.classLoader = classLoader;
    }

    /** Creates a client through the first route that knows the service. */
    public Object create(String service) {
        ServiceClientProvider provider = providers().get(service);
        if (provider != null) {
            return provider.create(context);
        }
        ServiceEntry entry = registry().service(service).orElse(null);
        if (entry != null) {
            return dev.switchboard.runtime.reflect.ReflectiveClients.create(entry, context, classLoader);
        }
        TreeSet<String> known = new TreeSet<>(providers().keySet());
        registry().services().forEach(s -> known.add(s.name()));
        throw new ServiceNotAvailableException(
                service,
                known,
                "it is not compiled in, no provider on the classpath"
                        + " serves it, and the bundled registry does not list it");
    }

    /** Every service a provider or the bundled registry knows. */
    public TreeSet<String> known() {
        TreeSet<String> known = new TreeSet<>(providers().keySet());
        registry().services().forEach(s -> known.add(s.name()));
        return known;
    }

    private Map<String, ServiceClientProvider> providers() {
        return PROVIDERS.computeIfAbsent(classLoader, ClientResolver::loadProviders);
    }

    private Registry registry() {
        return REGISTRIES.computeIfAbsent(classLoader, ClientResolver::loadRegistry);
    }

    private static Map<String, ServiceClientProvider> loadProviders(ClassLoader loader) {
        Map<String, ServiceClientProvider> found = new TreeMap<>();
        for (ServiceClientProvider p : ServiceLoader.load(ServiceClientProvider.class, loader)) {
            found.putIfAbsent(p.serviceName(), p);
        }
        return Collections.unmodifiableMap(found);
    }

    private static Registry loadRegistry(ClassLoader loader) {
        try (InputStream in = loader.getResourceAsStream(BUNDLED_REGISTRY)) {
            return in == null
                    ? Registry.of(null, java.util.List.of())
                    : RegistryCodec.read(in, RegistryFormat.JSON, BUNDLED_REGISTRY);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + BUNDLED_REGISTRY, e);
        } catch (RegistryFormatException e) {
            throw new IllegalStateException(e.getMessage(), e);
        }
    }
}
