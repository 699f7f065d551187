package dev.switchboard.core.proto;

import dev.switchboard.runtime.registry.ServiceEntry;
import java.util.List;

/**
 * The registry entries of every proto service, and what the user should know about how they were made.
 *
 * @param services one {@code grpc} entry per service, sorted by name
 * @param notes warnings worth logging, such as renamed services whose names clashed
 */
public record ProtoServices(List<ServiceEntry> services, List<String> notes) {}
