package dev.switchboard.core.proto;

import dev.switchboard.runtime.registry.ServiceEntry;
import java.util.List;
import java.util.Map;

/**
 * The registry entries of every proto service, and what the user should know about how they were made.
 *
 * @param services one {@code grpc} entry per service, sorted by name
 * @param notes warnings worth logging, such as renamed services whose names clashed
 * @param places where each service is defined, by its registry name
 */
public record ProtoServices(List<ServiceEntry> services, List<String> notes, Map<String, SourcePlace> places) {

    public ProtoServices {
        services = List.copyOf(services);
        notes = List.copyOf(notes);
        places = Map.copyOf(places);
    }
}
