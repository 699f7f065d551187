package dev.switchboard.runtime.calls;

import java.time.Instant;

/**
 * The figures of a dynamic wrapper's registry.
 *
 * @param source the registry file followed, or {@code bundled} for the registry bundled by the build
 * @param fingerprint the fingerprint of the registry in force; null for one written by hand without it
 * @param services how many services it lists
 * @param since when it came into force: the start, or the last reload
 * @param reloads new contents of the file swapped in since the start
 * @param rejected contents refused (unreadable, invalid or too big), each keeping the registry in force
 */
public record RegistryStatistics(
        String source, String fingerprint, int services, Instant since, long reloads, long rejected) {}
