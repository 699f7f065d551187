package dev.switchboard.zookeeper;

/**
 * One application instance following the registry, as its ephemeral node holds it.
 *
 * @param instance the instance's id, unique in the fleet
 * @param host the host it runs on
 * @param version the published version it serves, or 0 while it serves the file or bundled registry
 * @param fingerprint the fingerprint of the registry it serves
 * @param since when it started serving it, ISO-8601 in UTC
 */
public record InstanceInfo(String instance, String host, long version, String fingerprint, String since) {}
