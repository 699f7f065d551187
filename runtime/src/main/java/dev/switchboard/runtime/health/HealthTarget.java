package dev.switchboard.runtime.health;

import dev.switchboard.runtime.registry.Health;
import dev.switchboard.runtime.registry.ServiceEntry;
import dev.switchboard.runtime.registry.ServiceKind;
import java.net.URI;
import java.util.Locale;
import java.util.Set;

/**
 * A service to check and the one address the user configured for it. Nothing else is contacted: HTTP
 * fallback paths and redirects stay on this host and port.
 *
 * @param service the registry name
 * @param kind how the service is called; {@code aws} endpoints get a TCP/TLS reachability check unless
 *     a health path is declared
 * @param endpoint {@code http://host:port[/base]}, {@code https://…}, {@code grpc://host:port}
 *     (plaintext) or {@code grpcs://host:port} (TLS)
 * @param health the registry's health paths; may be null
 */
public record HealthTarget(String service, ServiceKind kind, URI endpoint, Health health) {
    static final Set<String> SCHEMES = Set.of("http", "https", "grpc", "grpcs");

    public HealthTarget {
        if (endpoint.getScheme() == null
                || !SCHEMES.contains(endpoint.getScheme().toLowerCase(Locale.ROOT))
                || endpoint.getHost() == null
                || (endpoint.getScheme().toLowerCase(Locale.ROOT).startsWith("grpc") && endpoint.getPort() < 0)) {
            throw new IllegalArgumentException("endpoint \"" + endpoint + "\" of service \"" + service
                    + "\" is not http://host[:port], https://host[:port], grpc://host:port or grpcs://host:port");
        }
    }

    /** The target of a registry entry at the given endpoint. */
    public static HealthTarget of(ServiceEntry entry, URI endpoint) {
        return new HealthTarget(entry.name(), entry.kind(), endpoint, entry.health());
    }

    String scheme() {
        return endpoint.getScheme().toLowerCase(Locale.ROOT);
    }

    boolean grpc() {
        return scheme().startsWith("grpc");
    }

    boolean secure() {
        return scheme().equals("https") || scheme().equals("grpcs");
    }

    int port() {
        return endpoint.getPort() >= 0 ? endpoint.getPort() : secure() ? 443 : 80;
    }

    String httpPath() {
        return health == null ? null : health.http();
    }

    String grpcService() {
        return health == null || health.grpc() == null ? "" : health.grpc();
    }
}
