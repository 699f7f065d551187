package dev.switchboard.maven.registry;

import dev.switchboard.runtime.registry.Registry;
import java.nio.file.Path;
import java.util.List;

/**
 * What a registry build did.
 *
 * @param written whether the registry file was written; false when the fingerprint matched
 * @param registryFile the registry file
 * @param fingerprint the fingerprint of the inputs
 * @param registry the new registry when written, null when up to date (not read, to keep no-ops cheap)
 * @param notes warnings worth logging
 */
public record RegistryOutcome(
        boolean written, Path registryFile, String fingerprint, Registry registry, List<String> notes) {

    /** The first 12 hex digits, enough to tell fingerprints apart in a log line. */
    public String shortFingerprint() {
        return fingerprint.substring(0, Math.min(12, fingerprint.length()));
    }
}
