package dev.switchboard.runtime;

import dev.switchboard.runtime.registry.Registry;
import dev.switchboard.runtime.registry.RegistryCodec;
import dev.switchboard.runtime.registry.RegistryFormat;
import dev.switchboard.runtime.registry.RegistryFormatException;
import dev.switchboard.runtime.registry.ServiceEntry;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The routes to a client for a service the factory was not generated with, tried in order: a {@link
 * ServiceClientProvider} found by {@link ServiceLoader}, then reflection from the registry's class
 * names ({@code dev.switchboard.runtime.reflect.ReflectiveClients}), then an error naming what is
 * known. Providers and the registry are looked up on first need only.
 */
public final class ClientResolver {
    /** Where the generate goal bundles the selected registry. */
    public static final String BUNDLED_REGISTRY = "META-INF/switchboard/registry.json";

    private final ProviderContext context;
    private final ClassLoader classLoader;
    private volatile Map<String, ServiceClientProvider> providers;
    private volatile Registry registry;

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
        Map<String, ServiceClientProvider> found = providers;
        if (found == null) {
            found = new TreeMap<>();
            for (ServiceClientProvider p : ServiceLoader.load(ServiceClientProvider.class, classLoader)) {
                found.putIfAbsent(p.serviceName(), p);
            }
            providers = found;
        }
        return found;
    }

    private Registry registry() {
        Registry found = registry;
        if (found == null) {
            try (InputStream in = classLoader.getResourceAsStream(BUNDLED_REGISTRY)) {
                found = in == null
                        ? Registry.of(null, java.util.List.of())
                        : RegistryCodec.read(in, RegistryFormat.JSON, BUNDLED_REGISTRY);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read " + BUNDLED_REGISTRY, e);
            } catch (RegistryFormatException e) {
                throw new IllegalStateException(e.getMessage(), e);
            }
            registry = found;
        }
        return found;
    }
}
