package dev.switchboard.runtime.aws;

import dev.switchboard.runtime.AsyncHttpClient;
import dev.switchboard.runtime.ClientSettings;
import dev.switchboard.runtime.HttpClientImplementation;
import dev.switchboard.runtime.SyncHttpClient;
import dev.switchboard.runtime.calls.ClientTelemetry;
import dev.switchboard.runtime.calls.ServiceGate;
import dev.switchboard.runtime.registry.ServiceKind;
import java.lang.System.Logger.Level;
import java.util.function.Consumer;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.awscore.client.builder.AwsClientBuilder;
import software.amazon.awssdk.core.client.builder.SdkAsyncClientBuilder;
import software.amazon.awssdk.core.client.builder.SdkSyncClientBuilder;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.async.SdkAsyncHttpClient;
import software.amazon.awssdk.regions.Region;

/**
 * Applies a factory's settings to an SDK client builder and builds the client: region, credentials,
 * endpoint override, HTTP client, then the customizers (global first, then the service's own), then
 * the interceptor that puts every call through the service's gate (rate limit, statistics, meters).
 * Every AWS client switchboard makes is built here, compiled in, by a generated provider or by
 * reflection.
 *
 * <p>When no HTTP client is chosen, the first one on the classpath in {@link SyncHttpClient} (or
 * {@link AsyncHttpClient}) order is set explicitly and logged, so the log always names the client in
 * use; recent SDK versions would otherwise pick one by a priority of their own.
 */
public final class AwsClientSupport {
    private static final System.Logger LOG = System.getLogger("dev.switchboard");

    private AwsClientSupport() {}

    /** Builds a client of {@code service} from {@code builder} with {@code settings}. */
    @SuppressWarnings({"unchecked", "rawtypes"})
    public static <C> C build(AwsClientBuilder<?, C> builder, String service, ClientSettings settings) {
        ClientTelemetry telemetry = settings.telemetry();
        ServiceGate gate = telemetry.gate(service, ServiceKind.AWS);
        GatedAsyncHttpClient.Builder gatedAsync = null;
        HttpClientImplementation httpClient = null;
        settings.region().ifPresent(region -> builder.region(Region.of(region)));
        if (settings.credentialsProvider() != null) {
            builder.credentialsProvider((AwsCredentialsProvider) settings.credentialsProvider());
        }
        settings.endpoint(service).ifPresent(builder::endpointOverride);
        if (builder instanceof SdkSyncClientBuilder sync) {
            SyncHttpClient chosen = settings.syncHttpClient();
            SyncHttpClient used = chosen != null ? chosen : firstPresent(SyncHttpClient.values());
            httpClient = used;
            if (used != null) {
                sync.httpClientBuilder((SdkHttpClient.Builder) httpClientBuilder(used, service, chosen != null));
                LOG.log(
                        chosen != null ? Level.DEBUG : Level.INFO,
                        () -> "switchboard: " + service + " uses the " + name(used) + " HTTP client"
                                + (chosen != null ? "" : " (first on the classpath; choose one with httpClient(…))"));
            }
        }
        if (builder instanceof SdkAsyncClientBuilder async) {
            AsyncHttpClient chosen = settings.asyncHttpClient();
            AsyncHttpClient used = chosen != null ? chosen : firstPresent(AsyncHttpClient.values());
            httpClient = used;
            if (used != null) {
                gatedAsync = new GatedAsyncHttpClient.Builder(
                        (SdkAsyncHttpClient.Builder<?>) httpClientBuilder(used, service, chosen != null), gate);
                async.httpClientBuilder(gatedAsync);
                LOG.log(
                        chosen != null ? Level.DEBUG : Level.INFO,
                        () -> "switchboard: " + service + " uses the " + name(used) + " async HTTP client"
                                + (chosen != null
                                        ? ""
                                        : " (first on the classpath; choose one with asyncHttpClient(…))"));
            }
        }
        for (Consumer<Object> customizer : settings.customizers(service)) {
            customizer.accept(builder);
        }
        // After the customizers, so that one that sets a whole override configuration keeps the gate; the
        // configuration they left is extended, not replaced.
        boolean sync = builder instanceof SdkSyncClientBuilder;
        builder.overrideConfiguration(builder.overrideConfiguration().toBuilder()
                .addExecutionInterceptor(new GateInterceptor(gate, sync))
                .build());
        String httpClientName = httpClient == null ? "the SDK's default" : name((Enum<?>) httpClient);
        telemetry.debug(() -> service + ": building " + (sync ? "a sync" : "an async") + " AWS client: region "
                + settings.region().orElse("from the SDK's chain") + ", endpoint "
                + settings.endpoint(service).map(Object::toString).orElse("the service's default")
                + ", credentials " + (settings.credentialsProvider() == null ? "from the SDK's chain" : "given in code")
                + ", HTTP client " + httpClientName + ", "
                + settings.customizers(service).size() + " customizer(s)");
        C client = builder.build();
        if (gatedAsync != null && !gatedAsync.used() && gate.limit() != null) {
            LOG.log(
                    Level.WARNING,
                    "switchboard: a customizer gave the {0} async client its own HTTP client, so switchboard cannot"
                            + " hold its requests back for the rate limit ({1}); its calls are counted but not limited."
                            + " Choose the HTTP client with asyncHttpClient(…) on the builder instead",
                    service,
                    gate.limit().describe());
        }
        return client;
    }

    private static <E extends HttpClientImplementation> E firstPresent(E[] candidates) {
        for (E candidate : candidates) {
            if (present(candidate.className())) {
                return candidate;
            }
        }
        return null;
    }

    private static boolean present(String className) {
        try {
            Class.forName(className, false, AwsClientSupport.class.getClassLoader());
            return true;
        } catch (ClassNotFoundException | LinkageError e) {
            return false;
        }
    }

    private static Object httpClientBuilder(HttpClientImplementation client, String service, boolean chosen) {
        String className = client.className();
        String artifactId = client.artifactId();
        Class<?> type;
        try {
            type = Class.forName(className, true, AwsClientSupport.class.getClassLoader());
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException(
                    "service \"" + service + "\" is set to use " + className
                            + ", which is not on the classpath; add <dependency><groupId>software.amazon.awssdk</groupId>"
                            + "<artifactId>" + artifactId + "</artifactId></dependency> or choose another HTTP client",
                    e);
        }
        try {
            return StaticBuilders.newBuilder(type);
        } catch (Throwable e) {
            throw new IllegalStateException(
                    "cannot create " + className + " for service \"" + service + "\""
                            + (chosen ? "" : " (picked as the first HTTP client on the classpath)") + ": " + e,
                    e);
        }
    }

    private static String name(Enum<?> value) {
        return value.name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
    }
}
