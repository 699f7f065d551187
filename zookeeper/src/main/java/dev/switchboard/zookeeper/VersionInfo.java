package dev.switchboard.zookeeper;

import java.util.List;

/**
 * One published version, as its node's data holds it (never inside the registry JSON, which stays
 * deterministic).
 *
 * @param version the version number, from 1
 * @param fingerprint the registry's fingerprint
 * @param publisher who published it ({@code user@host})
 * @param time when, ISO-8601 in UTC
 * @param bytes the size of the registry JSON
 * @param storedBytes the size stored: the JSON gzip-compressed
 * @param chunks how many chunk nodes hold the compressed JSON
 * @param sha256 the SHA-256 of the JSON, checked by every reader so a partial read is never served
 * @param services how many services the registry lists
 * @param added the services added since the version in force when it was published
 * @param removed the services removed since then
 * @param changed the services changed since then
 */
public record VersionInfo(
        long version,
        String fingerprint,
        String publisher,
        String time,
        long bytes,
        long storedBytes,
        int chunks,
        String sha256,
        int services,
        List<String> added,
        List<String> removed,
        List<String> changed) {

    public VersionInfo {
        added = List.copyOf(added);
        removed = List.copyOf(removed);
        changed = List.copyOf(changed);
    }
}
