package dev.switchboard.runtime.registry;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * A whole registry file.
 *
 * @param schemaVersion the file format version; this library reads and writes {@value #SCHEMA_VERSION}
 * @param fingerprint a digest of every input the registry was built from, so an unchanged build can
 *     skip rewriting it; {@code null} for hand-written registries
 * @param services the services, sorted by name
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({"schemaVersion", "fingerprint", "services"})
public record Registry(int schemaVersion, String fingerprint, List<ServiceEntry> services) {

    /** The only schema version this library understands. */
    public static final int SCHEMA_VERSION = 1;

    public Registry {
        services = services == null
                ? List.of()
                : services.stream()
                        .sorted(Comparator.comparing(ServiceEntry::name))
                        .toList();
    }

    /** A registry of the current schema version. */
    public static Registry of(String fingerprint, List<ServiceEntry> services) {
        return new Registry(SCHEMA_VERSION, fingerprint, services);
    }

    /** The service with this registry name, if any. */
    public Optional<ServiceEntry> service(String name) {
        return services.stream().filter(s -> s.name().equals(name)).findFirst();
    }

    /** A copy with another fingerprint. */
    public Registry withFingerprint(String newFingerprint) {
        return new Registry(schemaVersion, newFingerprint, services);
    }
}
