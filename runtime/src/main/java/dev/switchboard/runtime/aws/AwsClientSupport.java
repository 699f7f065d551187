package dev.switchboard.runtime.aws;

import dev.switchboard.runtime.AsyncHttpClient;
import dev.switchboard.runtime.ClientSettings;
import dev.switchboard.runtime.HttpClientImplementation;
import dev.switchboard.runtime.SyncHttpClient;
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
 * endpoint override, HTTP client, then the customizers (global first, then the service's own).
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
        settings.region().ifPresent(region -> builder.region(Region.of(region)));
        if (settings.credentialsProvider() != null) {
            builder.credentialsProvider((AwsCredentialsProvider) settings.credentialsProvider());
        }
        settings.endpoint(service).ifPresent(builder::endpointOverride);
        if (builder instanceof SdkSyncClientBuilder sync) {
            SyncHttpClient chosen = settings.syncHttpClient();
            SyncHttpClient used = chosen != null ? chosen : firstPresent(SyncHttpClient.values());
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
            if (used != null) {
                async.httpClientBuilder((SdkAsyncHttpClient.Builder) httpClientBuilder(used, service, chosen != null));
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
        return builder.build();
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
