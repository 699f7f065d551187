package dev.switchboard.runtime.resolve;

import dev.switchboard.runtime.ClientCache;
import dev.switchboard.runtime.ProviderContext;
import dev.switchboard.runtime.ServiceNotAvailableException;
import dev.switchboard.runtime.calls.ClientStatistics;
import dev.switchboard.runtime.calls.ClientTelemetry;
import dev.switchboard.runtime.calls.RegistryStatistics;
import dev.switchboard.runtime.live.LiveRegistry;
import dev.switchboard.runtime.live.RegistryChange;
import dev.switchboard.runtime.registry.Registry;
import dev.switchboard.runtime.registry.ServiceEntry;
import java.lang.System.Logger.Level;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * What the generated dynamic wrapper delegates to: clients for the services of a {@link LiveRegistry},
 * each created once and cached until the registry changes it. A service is served compiled in when the
 * wrapper was generated with it, else by a provider, by reflection or by the generic REST client, as
 * {@link ClientResolver} orders them. When a reload removes a service its client is closed; when it
 * changes one the client is closed and the next call creates a new one, unless only its rate limit
 * changed: that is applied to the service's limiter, and its clients keep running.
 */
public final class DynamicClients implements AutoCloseable {
    private static final System.Logger LOG = System.getLogger("dev.switchboard");

    private final LiveRegistry registry;
    private final Function<String, Object> compiledIn;
    private final ClientResolver resolver;
    private final ClientTelemetry telemetry;
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
        this.telemetry = context.settings().telemetry();
        telemetry.registryStatistics(this::registryStatistics);
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

    /** What the clients did so far, with the registry's reloads: an immutable snapshot. */
    public ClientStatistics statistics() {
        return telemetry.statistics();
    }

    private RegistryStatistics registryStatistics() {
        Registry r = registry.current();
        return new RegistryStatistics(
                registry.file().map(Path::toString).orElse("bundled"),
                r.fingerprint(),
                r.services().size(),
                registry.since(),
                registry.reloads(),
                registry.rejected());
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
            ServiceNotAvailableException unknown = new ServiceNotAvailableException(
                    name, services(), "the registry in force does not list it (add it to the registry file)");
            telemetry.debug(() -> name + ": error: " + unknown.getMessage());
            throw unknown;
        }
        Object client = resolver.compiledIn(name, () -> compiledIn.apply(name));
        return client != null ? client : resolver.create(name);
    }

    private void evict(RegistryChange change) {
        Set<String> dropped = new TreeSet<>(change.removed());
        Map<String, List<String>> fields = new TreeMap<>();
        for (String name : change.changed()) {
            ServiceEntry before = change.previous().service(name).orElseThrow();
            ServiceEntry after = change.current().service(name).orElseThrow();
            List<String> changedFields = changedFields(before, after);
            fields.put(name, changedFields);
            if (!changedFields.equals(List.of("rateLimit"))) {
                dropped.add(name);
            }
        }
        telemetry.debug(() -> "registry swapped in: added " + change.added() + ", removed " + change.removed()
                + ", changed " + fields + "; fingerprint " + change.current().fingerprint() + ", "
                + change.current().services().size() + " services; clients closed: " + dropped);
        Set<String> limits = new TreeSet<>(change.changed());
        limits.addAll(change.added());
        limits.addAll(change.removed());
        telemetry.registryChanged(limits);
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

    /** The fields of an entry that a reload changed, by their names in the registry file. */
    static List<String> changedFields(ServiceEntry before, ServiceEntry after) {
        Map<String, Function<ServiceEntry, Object>> fields = new LinkedHashMap<>();
        fields.put("kind", ServiceEntry::kind);
        fields.put("group", ServiceEntry::group);
        fields.put("version", ServiceEntry::version);
        fields.put("displayName", ServiceEntry::displayName);
        fields.put("description", ServiceEntry::description);
        fields.put("owner", ServiceEntry::owner);
        fields.put("proto", ServiceEntry::proto);
        fields.put("aws", ServiceEntry::aws);
        fields.put("methods", ServiceEntry::methods);
        fields.put("endpoints", ServiceEntry::endpoints);
        fields.put("capabilities", ServiceEntry::capabilities);
        fields.put("dependencies", ServiceEntry::dependencies);
        fields.put("events", ServiceEntry::events);
        fields.put("health", ServiceEntry::health);
        fields.put("metrics", ServiceEntry::metrics);
        fields.put("tags", ServiceEntry::tags);
        fields.put("rateLimit", ServiceEntry::rateLimit);
        List<String> changed = new ArrayList<>();
        fields.forEach((name, field) -> {
            if (!Objects.equals(field.apply(before), field.apply(after))) {
                changed.add(name);
            }
        });
        return changed;
    }
}
