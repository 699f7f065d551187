package dev.switchboard.runtime.resolve;

import dev.switchboard.runtime.ClientSettings;
import dev.switchboard.runtime.ProviderContext;
import dev.switchboard.runtime.ServiceClientProvider;
import dev.switchboard.runtime.ServiceNotAvailableException;
import dev.switchboard.runtime.http.GenericServiceClient;
import dev.switchboard.runtime.reflect.ReflectiveClients;
import dev.switchboard.runtime.registry.BundledRegistry;
import dev.switchboard.runtime.registry.Registry;
import dev.switchboard.runtime.registry.ServiceEntry;
import dev.switchboard.runtime.registry.ServiceKind;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.Collections;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.WeakHashMap;
import java.util.function.Supplier;

/**
 * The routes to a client for a service the factory was not generated with, tried in order: a {@link
 * ServiceClientProvider} found by {@link ServiceLoader}, then reflection from the registry's class
 * names ({@link ReflectiveClients}), then the {@link GenericServiceClient} for a service with REST
 * endpoints but no client class on the classpath, then an error naming what is known. Providers and the
 * bundled registry are looked up on first need only.
 */
public final class ClientResolver {
    /**
     * The providers and the index depend only on the class loader, so they are read once per loader, not
     * once per factory (as is the bundled registry, by {@link BundledRegistry}). Weak keys let an unloaded
     * application's loader go.
     */
    private static final Map<ClassLoader, Map<String, ServiceClientProvider>> PROVIDERS =
            Collections.synchronizedMap(new WeakHashMap<>());

    private static final Map<ClassLoader, ClientIndex> INDEXES = Collections.synchronizedMap(new WeakHashMap<>());

    private final ProviderContext context;
    private final ClassLoader classLoader;
    private final Supplier<Registry> registry;
    private final boolean bundled;
    private volatile HttpClient http;

    /**
     * Resolves from the registry bundled with {@code classLoader}; a service whose class is on the
     * classpath is found through the bundled {@link ClientIndex}, without reading the whole registry.
     */
    public ClientResolver(ProviderContext context, ClassLoader classLoader) {
        this(context, classLoader, () -> BundledRegistry.of(classLoader), true);
    }

    /** Resolves from whatever registry {@code registry} holds at each call (a live one). */
    public ClientResolver(ProviderContext context, ClassLoader classLoader, Supplier<Registry> registry) {
        this(context, classLoader, registry, false);
    }

    private ClientResolver(
            ProviderContext context, ClassLoader classLoader, Supplier<Registry> registry, boolean bundled) {
        this.context = context;
        this.classLoader = classLoader;
        this.registry = registry;
        this.bundled = bundled;
    }

    /** Creates a client through the first route that knows the service. */
    public Object create(String service) {
        ServiceClientProvider provider = providers().get(service);
        if (provider != null) {
            return provider.create(context);
        }
        if (bundled) {
            ServiceEntry indexed =
                    INDEXES.computeIfAbsent(classLoader, ClientIndex::read).entry(service);
            if (indexed != null && ReflectiveClients.classPresent(indexed, classLoader)) {
                return ReflectiveClients.create(indexed, context, classLoader);
            }
        }
        ServiceEntry entry = registry.get().service(service).orElse(null);
        if (entry == null) {
            throw new ServiceNotAvailableException(
                    service,
                    known(),
                    "it is not compiled in, no provider on the classpath"
                            + " serves it, and the registry does not list it");
        }
        boolean generic = entry.kind() == ServiceKind.HTTP
                || (!entry.endpoints().isEmpty() && !ReflectiveClients.classPresent(entry, classLoader));
        return generic ? generic(entry) : ReflectiveClients.create(entry, context, classLoader);
    }

    /** Every service a provider or the registry knows. */
    public TreeSet<String> known() {
        TreeSet<String> known = new TreeSet<>(providers().keySet());
        registry.get().services().forEach(s -> known.add(s.name()));
        return known;
    }

    private GenericServiceClient generic(ServiceEntry entry) {
        if (entry.endpoints().isEmpty()) {
            throw new ServiceNotAvailableException(
                    "service \"" + entry.name() + "\" is declared for HTTP only but has no REST endpoints in the"
                            + " registry; give its rpcs google.api.http rules or declare endpoints in the overrides"
                            + " file",
                    null);
        }
        ClientSettings settings = context.settings();
        URI base = settings.endpoint(entry.name())
                .orElseThrow(() -> new ServiceNotAvailableException(
                        "service \"" + entry.name() + "\" is served by the generic REST client, which needs its"
                                + " base URL: set -Dswitchboard." + entry.name() + ".endpoint=http://host:port or"
                                + " call endpointOverride(\"" + entry.name() + "\", uri) on the builder",
                        null));
        return new GenericServiceClient(entry, base, httpClient(), settings.timeout(entry.name()));
    }

    /** One JDK HTTP client for every generic service of this resolver; it never follows redirects. */
    private HttpClient httpClient() {
        HttpClient h = http;
        if (h == null) {
            synchronized (this) {
                h = http;
                if (h == null) {
                    h = HttpClient.newBuilder()
                            .connectTimeout(Duration.ofSeconds(10))
                            .followRedirects(HttpClient.Redirect.NEVER)
                            .build();
                    http = h;
                }
            }
        }
        return h;
    }

    private Map<String, ServiceClientProvider> providers() {
        return PROVIDERS.computeIfAbsent(classLoader, ClientResolver::loadProviders);
    }

    private static Map<String, ServiceClientProvider> loadProviders(ClassLoader loader) {
        Map<String, ServiceClientProvider> found = new TreeMap<>();
        for (ServiceClientProvider p : ServiceLoader.load(ServiceClientProvider.class, loader)) {
            found.putIfAbsent(p.serviceName(), p);
        }
        return Collections.unmodifiableMap(found);
    }
}
