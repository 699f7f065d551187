package dev.switchboard.runtime.resolve;

import dev.switchboard.runtime.registry.AwsInfo;
import dev.switchboard.runtime.registry.ProtoInfo;
import dev.switchboard.runtime.registry.RateLimit;
import dev.switchboard.runtime.registry.Registry;
import dev.switchboard.runtime.registry.ServiceEntry;
import dev.switchboard.runtime.registry.ServiceEntryBuilder;
import dev.switchboard.runtime.registry.ServiceKind;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;

/**
 * The class each bundled service is created from by reflection, and its rate limit, in a small
 * properties file next to the bundled registry ({@value #RESOURCE}): {@code name=kind [class
 * [artifactId]] [rate=<requests per second>/<burst>]}. The factory's first reflective creation, and the
 * first client of a service, read this instead of the whole registry, so they do not pay for parsing
 * every operation of every service (and for loading Jackson) to learn one class name or one limit.
 */
public final class ClientIndex {
    /** Where the generate goal writes the index. */
    public static final String RESOURCE = "META-INF/switchboard/clients.properties";

    private static final String RATE = "rate=";

    private final Map<String, ServiceEntry> entries;
    private final boolean present;

    private ClientIndex(Map<String, ServiceEntry> entries, boolean present) {
        this.entries = entries;
        this.present = present;
    }

    /** The index bundled with {@code loader}; empty when there is none. */
    static ClientIndex read(ClassLoader loader) {
        Properties properties = new Properties();
        boolean present;
        try (InputStream in = loader.getResourceAsStream(RESOURCE)) {
            present = in != null;
            if (present) {
                properties.load(in);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + RESOURCE, e);
        }
        Map<String, ServiceEntry> entries = new HashMap<>();
        for (String name : properties.stringPropertyNames()) {
            String[] parts = properties.getProperty(name).trim().split("\\s+");
            ServiceKind kind = ServiceKind.valueOf(parts[0].toUpperCase(Locale.ROOT));
            List<String> names = new ArrayList<>();
            RateLimit rate = null;
            for (int i = 1; i < parts.length; i++) {
                if (parts[i].startsWith(RATE)) {
                    String[] limit = parts[i].substring(RATE.length()).split("/");
                    rate = new RateLimit(Double.parseDouble(limit[0]), Integer.parseInt(limit[1]));
                } else {
                    names.add(parts[i]);
                }
            }
            String className = names.isEmpty() ? null : names.get(0);
            ServiceEntryBuilder entry = ServiceEntry.builder(name, kind).rateLimit(rate);
            if (kind == ServiceKind.AWS) {
                entry.aws(new AwsInfo(
                        names.size() > 1 ? names.get(1) : null, null, null, className, null, null, false, List.of()));
            } else if (kind == ServiceKind.GRPC) {
                entry.proto(new ProtoInfo(null, null, null, null, className, null, false));
            }
            entries.put(name, entry.build());
        }
        return new ClientIndex(Map.copyOf(entries), present);
    }

    /**
     * Whether the build bundled an index; when it did, a service it does not list has no class to be
     * created from and no rate limit in the bundled registry.
     */
    boolean present() {
        return present;
    }

    /** The class names of {@code service}, as a registry entry holding only those; null if not indexed. */
    ServiceEntry entry(String service) {
        return entries.get(service);
    }

    /** The index of a registry: one sorted line per service that has a client or stub class or a rate limit. */
    public static String write(Registry registry) {
        Map<String, String> lines = new TreeMap<>();
        for (ServiceEntry s : registry.services()) {
            String line = null;
            if (s.kind() == ServiceKind.AWS && s.aws() != null && s.aws().clientClass() != null) {
                line = "aws " + s.aws().clientClass()
                        + (s.aws().artifactId() == null ? "" : " " + s.aws().artifactId());
            } else if (s.kind() == ServiceKind.GRPC
                    && s.proto() != null
                    && s.proto().stubClass() != null) {
                line = "grpc " + s.proto().stubClass();
            }
            if (s.rateLimit() != null) {
                line = (line == null ? s.kind().name().toLowerCase(Locale.ROOT) : line) + " " + RATE
                        + number(s.rateLimit().requestsPerSecond()) + "/"
                        + s.rateLimit().burst();
            }
            if (line != null) {
                lines.put(s.name(), line);
            }
        }
        StringBuilder out =
                new StringBuilder("# The class each service is created from by reflection, and its rate limit:\n"
                        + "# name=kind [class [artifactId]] [rate=<requests per second>/<burst>].\n"
                        + "# Generated by switchboard from the registry; do not edit.\n");
        lines.forEach((name, value) ->
                out.append(escapeKey(name)).append('=').append(value).append('\n'));
        return out.toString();
    }

    /** {@code 50}, {@code 0.5}: the rate as it reads back unchanged. */
    private static String number(double value) {
        return value == Math.rint(value) && Math.abs(value) < 1e15
                ? Long.toString((long) value)
                : Double.toString(value);
    }

    /** A properties key: separators, comment starts, backslashes and non-ASCII escaped. */
    private static String escapeKey(String key) {
        StringBuilder out = new StringBuilder();
        for (char c : key.toCharArray()) {
            if ("=: #!\\".indexOf(c) >= 0) {
                out.append('\\').append(c);
            } else if (c < 0x20 || c > 0x7e) {
                out.append(String.format("\\u%04x", (int) c));
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }
}
