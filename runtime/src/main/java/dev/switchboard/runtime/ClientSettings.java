package dev.switchboard.runtime;

import dev.switchboard.runtime.calls.ClientTelemetry;
import dev.switchboard.runtime.calls.ServiceLimit;
import dev.switchboard.runtime.live.LiveRegistry;
import dev.switchboard.runtime.registry.RateLimit;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How clients are made: what the factory's builder was given, falling back to system properties and
 * then the environment. Code wins over both: {@code endpointOverride("s3", uri)} beats {@code
 * -Dswitchboard.s3.endpoint=…}, which beats {@code SWITCHBOARD_S3_ENDPOINT}.
 *
 * <p>Types of the AWS SDK and grpc-java are held as {@code Object} so that this class loads in an
 * application that has neither; the generated builder is typed. So is the Micrometer registry, which
 * the generated builder takes as {@code Object} too, since an application without metrics has no
 * Micrometer.
 *
 * <p>Each factory builds its settings once, so they also hold what belongs to that factory at run time:
 * its {@link ClientTelemetry} (rate limiters, statistics, meters), which every route to a client reaches
 * through the settings it is given.
 */
public final class ClientSettings {
    private static final Pattern BYTES = Pattern.compile("(\\d+)\\s*(?:([KMGkmg])(?:i?[Bb])?)?");

    /** The generic REST client's call timeout when none is set. */
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(30);

    private final String region;
    private final Object credentialsProvider;
    private final Map<String, URI> endpoints;
    private final Map<String, String> targets;
    private final Map<String, Duration> timeouts;
    private final Map<String, RateLimit> rateLimits;
    private final Object meterRegistry;
    private final Path registryFile;
    private final Long registryMaxBytes;
    private final SyncHttpClient syncHttpClient;
    private final AsyncHttpClient asyncHttpClient;
    private final List<Consumer<Object>> customizers;
    private final Map<String, List<Consumer<Object>>> serviceCustomizers;
    private final Function<String, Object> channelFactory;
    private final boolean plaintext;
    private final UnaryOperator<String> systemProperties;
    private final UnaryOperator<String> environment;
    private final ClientTelemetry telemetry;

    private ClientSettings(Builder b) {
        region = b.region;
        credentialsProvider = b.credentialsProvider;
        endpoints = Map.copyOf(b.endpoints);
        targets = Map.copyOf(b.targets);
        timeouts = Map.copyOf(b.timeouts);
        rateLimits = Map.copyOf(b.rateLimits);
        meterRegistry = b.meterRegistry;
        registryFile = b.registryFile;
        registryMaxBytes = b.registryMaxBytes;
        syncHttpClient = b.syncHttpClient;
        asyncHttpClient = b.asyncHttpClient;
        customizers = List.copyOf(b.customizers);
        Map<String, List<Consumer<Object>>> copy = new HashMap<>();
        b.serviceCustomizers.forEach((k, v) -> copy.put(k, List.copyOf(v)));
        serviceCustomizers = Map.copyOf(copy);
        channelFactory = b.channelFactory;
        plaintext = b.plaintext;
        systemProperties = b.systemProperties;
        environment = b.environment;
        // Last: the telemetry reads the limits and timeouts through this object.
        telemetry = new ClientTelemetry(this::configuredRateLimit, this::rateLimitTimeout, meterRegistry, debug());
    }

    public static Builder builder() {
        return new Builder();
    }

    /** The AWS region id: code, then {@code switchboard.aws.region}, then {@code SWITCHBOARD_AWS_REGION}. */
    public Optional<String> region() {
        return Optional.ofNullable(region).or(() -> lookup("aws", "region"));
    }

    /** The AWS credentials provider given in code, or null for the SDK's default chain. */
    public Object credentialsProvider() {
        return credentialsProvider;
    }

    /** The endpoint override of a service: code, {@code switchboard.<service>.endpoint}, the environment. */
    public Optional<URI> endpoint(String service) {
        return Optional.ofNullable(endpoints.get(service))
                .or(() -> lookup(service, "endpoint").map(URI::create));
    }

    /** The gRPC target of a service: code, {@code switchboard.<service>.target}, the environment. */
    public Optional<String> target(String service) {
        return Optional.ofNullable(targets.get(service)).or(() -> lookup(service, "target"));
    }

    /**
     * How long a call of the generic REST client may take: code, then {@code switchboard.<service>.timeout}
     * (milliseconds, or ISO-8601 such as {@code PT5S}), then the environment; 30 seconds by default.
     */
    public Duration timeout(String service) {
        Duration inCode = timeouts.get(service);
        if (inCode != null) {
            return inCode;
        }
        return lookup(service, "timeout")
                .map(v -> parseDuration(service, "timeout", v))
                .orElse(DEFAULT_TIMEOUT);
    }

    private static Duration parseDuration(String service, String key, String value) {
        try {
            Duration parsed = value.chars().allMatch(Character::isDigit)
                    ? Duration.ofMillis(Long.parseLong(value))
                    : Duration.parse(value);
            if (!parsed.isNegative()) {
                return parsed;
            }
        } catch (RuntimeException e) {
            // reported below with the forms to use
        }
        throw new IllegalArgumentException("switchboard." + service + "." + key + " is \"" + value
                + "\"; give milliseconds (5000) or an ISO-8601 duration (PT5S)");
    }

    /**
     * The rate limit of a service set outside the registry: code ({@code rateLimit(service, rps, burst)}),
     * then {@code switchboard.<service>.rateLimit} ({@code 50/100}: requests per second and burst), then
     * the environment; empty when the registry's applies.
     *
     * @throws IllegalArgumentException when the property is not a limit, naming it and the form to use
     */
    public Optional<ServiceLimit> rateLimit(String service) {
        RateLimit inCode = rateLimits.get(service);
        if (inCode != null) {
            return Optional.of(new ServiceLimit(inCode, "set in code with rateLimit(\"" + service + "\", …)"));
        }
        return find(service, "rateLimit").map(found -> ServiceLimit.parse(found.value(), found.name()));
    }

    private ServiceLimit configuredRateLimit(String service) {
        return rateLimit(service).orElse(null);
    }

    /**
     * How long a call waits for a permit of its service's rate limit before it fails: {@code
     * switchboard.<service>.rateLimitTimeout} (milliseconds or ISO-8601), then the environment; {@link
     * ClientTelemetry#DEFAULT_RATE_LIMIT_TIMEOUT} (5 seconds) by default.
     */
    public Duration rateLimitTimeout(String service) {
        return lookup(service, "rateLimitTimeout")
                .map(v -> parseDuration(service, "rateLimitTimeout", v))
                .orElse(ClientTelemetry.DEFAULT_RATE_LIMIT_TIMEOUT);
    }

    /** Whether debug mode is on: {@code switchboard.debug=true} or {@code SWITCHBOARD_DEBUG=true}. */
    public boolean debug() {
        return find("switchboard.debug")
                .map(found -> Boolean.parseBoolean(found.value()))
                .orElse(false);
    }

    /** The Micrometer {@code MeterRegistry} the figures go to, or null. */
    public Object meterRegistry() {
        return meterRegistry;
    }

    /** The rate limiters, statistics and meters of the factory these settings were built for. */
    public ClientTelemetry telemetry() {
        return telemetry;
    }

    /**
     * The registry file a dynamic wrapper follows: code, then {@code switchboard.registry.file}, then
     * {@code SWITCHBOARD_REGISTRY_FILE}; empty for the bundled registry.
     */
    public Optional<Path> registryFile() {
        return Optional.ofNullable(registryFile)
                .or(() -> lookup("registry", "file").map(Path::of));
    }

    /**
     * The largest registry file a dynamic wrapper reads: code, then {@code switchboard.registry.maxBytes},
     * then {@code SWITCHBOARD_REGISTRY_MAXBYTES}; {@link LiveRegistry#DEFAULT_MAX_BYTES} (64 MiB) by
     * default. A number of bytes ({@code 134217728}) or one with a binary unit ({@code 128MiB}, {@code
     * 128M}, {@code 1GiB}).
     */
    public long registryMaxBytes() {
        if (registryMaxBytes != null) {
            return registryMaxBytes;
        }
        return lookup("registry", "maxBytes").map(ClientSettings::parseBytes).orElse(LiveRegistry.DEFAULT_MAX_BYTES);
    }

    private static long parseBytes(String value) {
        Matcher m = BYTES.matcher(value);
        long bytes = -1;
        if (m.matches()) {
            int shift =
                    switch (m.group(2) == null ? "" : m.group(2).substring(0, 1).toUpperCase(Locale.ROOT)) {
                        case "K" -> 10;
                        case "M" -> 20;
                        case "G" -> 30;
                        default -> 0;
                    };
            try {
                bytes = Math.multiplyExact(Long.parseLong(m.group(1)), 1L << shift);
            } catch (ArithmeticException | NumberFormatException e) {
                bytes = Long.MAX_VALUE;
            }
        }
        if (bytes < 1 || bytes > LiveRegistry.MAX_MAX_BYTES) {
            throw new IllegalArgumentException("switchboard.registry.maxBytes is \"" + value + "\"; give a number"
                    + " of bytes up to 1GiB, with or without a unit (" + LiveRegistry.DEFAULT_MAX_BYTES + ", 64MiB)");
        }
        return bytes;
    }

    /** The sync HTTP client chosen in code or by {@code switchboard.aws.httpClient}; null lets the factory pick. */
    public SyncHttpClient syncHttpClient() {
        return syncHttpClient != null
                ? syncHttpClient
                : lookup("aws", "httpClient")
                        .map(v -> enumValue(SyncHttpClient.class, v))
                        .orElse(null);
    }

    /** The async HTTP client chosen in code or by {@code switchboard.aws.asyncHttpClient}; null lets the factory pick. */
    public AsyncHttpClient asyncHttpClient() {
        return asyncHttpClient != null
                ? asyncHttpClient
                : lookup("aws", "asyncHttpClient")
                        .map(v -> enumValue(AsyncHttpClient.class, v))
                        .orElse(null);
    }

    /** The global customizers, then the service's own, in the order they were added. */
    public List<Consumer<Object>> customizers(String service) {
        List<Consumer<Object>> all = new ArrayList<>(customizers);
        all.addAll(serviceCustomizers.getOrDefault(service, List.of()));
        return all;
    }

    /** Opens gRPC channels for targets, or null for switchboard's own (plaintext or TLS by {@link #plaintext}). */
    public Function<String, Object> channelFactory() {
        return channelFactory;
    }

    /** Whether gRPC targets without a {@code grpc://} or {@code grpcs://} scheme use plaintext. */
    public boolean plaintext() {
        return plaintext;
    }

    private Optional<String> lookup(String service, String key) {
        return find(service, key).map(Found::value);
    }

    private Optional<Found> find(String service, String key) {
        return find("switchboard." + service + "." + key);
    }

    /** A property, else the variable named like it ({@code SWITCHBOARD_S3_ENDPOINT}), and which one it was. */
    private Optional<Found> find(String property) {
        String value = systemProperties.apply(property);
        if (value != null && !value.isBlank()) {
            return Optional.of(new Found("-D" + property, value.trim()));
        }
        String variable = property.toUpperCase(Locale.ROOT).replaceAll("[^A-Z0-9]", "_");
        value = environment.apply(variable);
        return value == null || value.isBlank() ? Optional.empty() : Optional.of(new Found(variable, value.trim()));
    }

    /** A value found outside the code, and the property ({@code -Dswitchboard.s3.rateLimit}) or variable it came from. */
    private record Found(String name, String value) {}

    private static <E extends Enum<E>> E enumValue(Class<E> type, String value) {
        String wanted = value.trim().toUpperCase(Locale.ROOT).replace('-', '_');
        for (E constant : type.getEnumConstants()) {
            if (constant.name().equals(wanted)) {
                return constant;
            }
        }
        List<String> names = new ArrayList<>();
        for (E constant : type.getEnumConstants()) {
            names.add(constant.name().toLowerCase(Locale.ROOT).replace('_', '-'));
        }
        throw new IllegalArgumentException(
                "\"" + value + "\" is not a known " + type.getSimpleName() + "; use one of " + names);
    }

    /** Collects settings; the generated factory builders wrap one. */
    public static final class Builder {
        private String region;
        private Object credentialsProvider;
        private final Map<String, URI> endpoints = new HashMap<>();
        private final Map<String, String> targets = new HashMap<>();
        private final Map<String, Duration> timeouts = new HashMap<>();
        private final Map<String, RateLimit> rateLimits = new HashMap<>();
        private Object meterRegistry;
        private Path registryFile;
        private Long registryMaxBytes;
        private SyncHttpClient syncHttpClient;
        private AsyncHttpClient asyncHttpClient;
        private final List<Consumer<Object>> customizers = new ArrayList<>();
        private final Map<String, List<Consumer<Object>>> serviceCustomizers = new HashMap<>();
        private Function<String, Object> channelFactory;
        private boolean plaintext;
        private UnaryOperator<String> systemProperties = System::getProperty;
        private UnaryOperator<String> environment = System::getenv;

        private Builder() {}

        public Builder region(String regionId) {
            region = regionId;
            return this;
        }

        public Builder credentialsProvider(Object provider) {
            credentialsProvider = provider;
            return this;
        }

        public Builder endpoint(String service, URI endpoint) {
            endpoints.put(service, endpoint);
            return this;
        }

        public Builder target(String service, String target) {
            targets.put(service, target);
            return this;
        }

        public Builder timeout(String service, Duration timeout) {
            timeouts.put(service, timeout);
            return this;
        }

        /**
         * Limits the calls of a service to {@code requestsPerSecond}, with bursts of up to {@code burst}
         * (0: one second's worth); wins over the property, the environment and the registry.
         *
         * @throws IllegalArgumentException when the rate is not above 0 or the burst is negative
         */
        public Builder rateLimit(String service, double requestsPerSecond, int burst) {
            if (!(requestsPerSecond > 0) || Double.isInfinite(requestsPerSecond) || burst < 0) {
                throw new IllegalArgumentException("rateLimit(\"" + service + "\", " + requestsPerSecond + ", " + burst
                        + "): give a rate above 0 requests per second and a burst of 0 or more, e.g."
                        + " rateLimit(\"" + service + "\", 50, 100)");
            }
            rateLimits.put(service, new RateLimit(requestsPerSecond, burst));
            return this;
        }

        /**
         * Publishes the figures as Micrometer meters in {@code registry}, an {@code
         * io.micrometer.core.instrument.MeterRegistry}; typed {@code Object} so that an application
         * without Micrometer loads none of its classes.
         */
        public Builder meterRegistry(Object registry) {
            meterRegistry = registry;
            return this;
        }

        public Builder registryFile(Path file) {
            registryFile = file;
            return this;
        }

        /**
         * The largest registry file a dynamic wrapper reads; a bigger file is refused, with its size in
         * the log, and the registry in force stays.
         *
         * @throws IllegalArgumentException when {@code bytes} is not between 1 and 1 GiB
         */
        public Builder registryMaxBytes(long bytes) {
            if (bytes < 1 || bytes > LiveRegistry.MAX_MAX_BYTES) {
                throw new IllegalArgumentException("registryMaxBytes(" + bytes + "): give 1 to "
                        + LiveRegistry.MAX_MAX_BYTES + " bytes (" + LiveRegistry.DEFAULT_MAX_BYTES + " by default)");
            }
            registryMaxBytes = bytes;
            return this;
        }

        public Builder syncHttpClient(SyncHttpClient client) {
            syncHttpClient = client;
            return this;
        }

        public Builder asyncHttpClient(AsyncHttpClient client) {
            asyncHttpClient = client;
            return this;
        }

        public Builder customizer(Consumer<Object> customizer) {
            customizers.add(customizer);
            return this;
        }

        public Builder customizer(String service, Consumer<Object> customizer) {
            serviceCustomizers.computeIfAbsent(service, s -> new ArrayList<>()).add(customizer);
            return this;
        }

        public Builder channelFactory(Function<String, Object> factory) {
            channelFactory = factory;
            return this;
        }

        public Builder plaintext(boolean value) {
            plaintext = value;
            return this;
        }

        /** Where system properties and environment variables are read; for tests. */
        public Builder lookups(UnaryOperator<String> properties, UnaryOperator<String> env) {
            systemProperties = properties;
            environment = env;
            return this;
        }

        public ClientSettings build() {
            return new ClientSettings(this);
        }
    }
}
