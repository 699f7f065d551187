package dev.switchboard.runtime.resolve;

import dev.switchboard.runtime.ClientSettings;
import dev.switchboard.runtime.ProviderContext;
import dev.switchboard.runtime.ServiceClientProvider;
import dev.switchboard.runtime.ServiceNotAvailableException;
import dev.switchboard.runtime.calls.ClientTelemetry;
import dev.switchboard.runtime.calls.Route;
import dev.switchboard.runtime.http.GenericServiceClient;
import dev.switchboard.runtime.reflect.ReflectiveClients;
import dev.switchboard.runtime.registry.BundledRegistry;
import dev.switchboard.runtime.registry.RateLimit;
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
 *
 * <p>Every client a factory or dynamic wrapper makes is made through here, compiled-in ones too ({@link
 * #compiledIn}): each creation is timed and counted by route in the factory's {@link ClientTelemetry},
 * and each step is logged in debug mode. The resolver also tells the telemetry where the registry's rate
 * limits are: the bundled {@link ClientIndex}, or the live registry.
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
    private final ClientTelemetry telemetry;
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
        this.telemetry = context.settings().telemetry();
        telemetry.useRegistry(this::registryLimit, this::grpcServiceName);
    }

    /**
     * A client from the code generated with the service, timed and counted as compiled in; {@code create}
     * may return null for a service the code was not generated with, and nothing is counted then.
     */
    public <T> T compiledIn(String service, Supplier<T> create) {
        try {
            return timed(service, Route.COMPILED_IN, create);
        } catch (RuntimeException e) {
            telemetry.debug(() -> service + ": compiled in, but creating it failed: " + e.getMessage());
            throw e;
        }
    }

    /** Creates a client through the first route that knows the service. */
    public Object create(String service) {
        telemetry.debug(() -> service + ": not compiled in");
        try {
            return resolve(service);
        } catch (RuntimeException e) {
            telemetry.debug(() -> service + ": error: " + e.getMessage());
            throw e;
        }
    }

    private Object resolve(String service) {
        ServiceClientProvider provider = providers().get(service);
        if (provider != null) {
            telemetry.debug(() -> service + ": provider " + provider.getClass().getName());
            return timed(service, Route.PROVIDER, () -> provider.create(context));
        }
        telemetry.debug(() -> service + ": no provider on the class path");
        if (bundled) {
            ServiceEntry indexed = index().entry(service);
            if (indexed != null && ReflectiveClients.classPresent(indexed, classLoader)) {
                telemetry.debug(() -> service + ": reflection from " + className(indexed) + " (the bundled index)");
                return timed(service, Route.REFLECTION, () -> ReflectiveClients.create(indexed, context, classLoader));
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
        if (generic) {
            telemetry.debug(() -> service + ": generic REST client ("
                    + entry.endpoints().size()
                    + " REST endpoints in the registry, "
                    + (entry.kind() == ServiceKind.HTTP ? "kind http" : "no client class on the class path") + ")");
            return timed(service, Route.GENERIC, () -> generic(entry));
        }
        telemetry.debug(() -> service + ": reflection from " + className(entry) + " (the registry)");
        return timed(service, Route.REFLECTION, () -> ReflectiveClients.create(entry, context, classLoader));
    }

    private <T> T timed(String service, Route route, Supplier<T> create) {
        long started = System.nanoTime();
        T client = create.get();
        if (client != null) {
            telemetry.created(service, route, System.nanoTime() - started);
        }
        return client;
    }

    private static String className(ServiceEntry entry) {
        return entry.kind() == ServiceKind.AWS
                ? entry.aws().clientClass()
                : entry.proto() == null ? "" : entry.proto().stubClass();
    }

    /**
     * The gRPC service name of a registry service: the live registry's {@code proto.service}, or for the
     * bundled registry the {@code SERVICE_NAME} of the stub class its index names, which is loaded
     * anyway to make the stubs.
     */
    private String grpcServiceName(String service) {
        if (bundled) {
            ClientIndex index = index();
            if (index.present()) {
                ServiceEntry indexed = index.entry(service);
                return indexed == null || indexed.proto() == null
                        ? null
                        : stubServiceName(indexed.proto().stubClass());
            }
        }
        return registry.get()
                .service(service)
                .map(e -> e.proto() == null ? null : e.proto().service())
                .orElse(null);
    }

    private String stubServiceName(String stubClass) {
        try {
            return (String) Class.forName(stubClass, true, classLoader)
                    .getField("SERVICE_NAME")
                    .get(null);
        } catch (ReflectiveOperationException | LinkageError | ClassCastException | NullPointerException e) {
            return null;
        }
    }

    private ClientIndex index() {
        return INDEXES.computeIfAbsent(classLoader, ClientIndex::read);
    }

    /**
     * A service's rate limit in the registry: for the bundled registry from its index, when the build
     * wrote one, so that a factory's first client does not read the whole registry to learn it.
     */
    private RateLimit registryLimit(String service) {
        if (bundled) {
            ClientIndex index = index();
            if (index.present()) {
                ServiceEntry indexed = index.entry(service);
                return indexed == null ? null : indexed.rateLimit();
            }
        }
        return registry.get().service(service).map(ServiceEntry::rateLimit).orElse(null);
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
        telemetry.debug(() -> entry.name() + ": generic REST client: base URL " + base + ", call timeout "
                + settings.timeout(entry.name()) + ", redirects not followed");
        return new GenericServiceClient(
                entry,
                base,
                httpClient(),
                settings.timeout(entry.name()),
                telemetry.gate(entry.name(), ServiceKind.HTTP));
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
