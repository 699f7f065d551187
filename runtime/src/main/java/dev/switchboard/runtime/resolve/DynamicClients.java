package dev.switchboard.runtime.resolve;

import dev.switchboard.runtime.ClientCache;
import dev.switchboard.runtime.ProviderContext;
import dev.switchboard.runtime.ServiceNotAvailableException;
import dev.switchboard.runtime.live.LiveRegistry;
import dev.switchboard.runtime.live.RegistryChange;
import dev.switchboard.runtime.registry.Registry;
import dev.switchboard.runtime.registry.ServiceEntry;
import java.lang.System.Logger.Level;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * What the generated dynamic wrapper delegates to: clients for the services of a {@link LiveRegistry},
 * each created once and cached until the registry changes it. A service is served compiled in when the
 * wrapper was generated with it, else by a provider, by reflection or by the generic REST client, as
 * {@link ClientResolver} orders them. When a reload removes a service its client is closed; when it
 * changes one the client is closed and the next call creates a new one.
 */
public final class DynamicClients implements AutoCloseable {
    private static final System.Logger LOG = System.getLogger("dev.switchboard");

    private final LiveRegistry registry;
    private final Function<String, Object> compiledIn;
    private final ClientResolver resolver;
    private final ClientCache cache = new ClientCache();

    /**
     * @param compiledIn creates a compiled-in service's client, or returns null for a service the wrapper
     *     was not generated with
     */
    public DynamicClients(
            ProviderContext context, ClassLoader loader, LiveRegistry registry, Function<String, Object> compiledIn) {
        this.registry = registry;
        this.compiledIn = compiledIn;
        this.resolver = new ClientResolver(context, loader, registry::current);
        registry.addListener(this::evict);
    }

    /**
     * The client of a service the registry in force lists.
     *
     * @throws ServiceNotAvailableException when the registry does not list it or no route can create it
     */
    public Object client(String name) {
        Object created = cache.peek(name);
        return created != null ? created : cache.get(name, () -> create(name));
    }

    /** The names of the services in the registry in force, sorted. */
    public Set<String> services() {
        Set<String> names = new TreeSet<>();
        registry.current().services().forEach(s -> names.add(s.name()));
        return names;
    }

    /** The registry in force. */
    public Registry registry() {
        return registry.current();
    }

    /** Hears of every reload that added, removed or changed a service, after their clients were dropped. */
    public void addListener(Consumer<RegistryChange> listener) {
        registry.addListener(listener);
    }

    /** Stops watching and closes every created client. */
    @Override
    public void close() {
        try {
            registry.close();
        } finally {
            cache.close();
        }
    }

    /** Runs under the service's cache slot, so it sees the registry swapped in before any eviction. */
    private Object create(String name) {
        ServiceEntry entry = registry.current().service(name).orElse(null);
        if (entry == null) {
            throw new ServiceNotAvailableException(
                    name, services(), "the registry in force does not list it (add it to the registry file)");
        }
        Object client = compiledIn.apply(name);
        return client != null ? client : resolver.create(name);
    }

    private void evict(RegistryChange change) {
        Set<String> dropped = new TreeSet<>(change.removed());
        dropped.addAll(change.changed());
        for (String name : dropped) {
            Object old = cache.evict(name);
            if (old instanceof AutoCloseable closeable) {
                try {
                    closeable.close();
                } catch (Exception e) {
                    LOG.log(Level.WARNING, "switchboard: closing the old client of \"" + name + "\" failed", e);
                }
            }
        }
    }
}
