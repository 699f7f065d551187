package dev.switchboard.core.registry;

import dev.switchboard.core.diag.InputException;
import dev.switchboard.runtime.registry.Registry;
import dev.switchboard.runtime.registry.ServiceEntry;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * What a registry build did.
 *
 * @param written whether the registry was rebuilt and written (by {@link RegistryBuilder#build}, or by the
 *     commit of a prepared build); false when the fingerprint matched
 * @param registryFile the registry file
 * @param fingerprint the fingerprint of the inputs
 * @param registry the new registry when written, null when up to date (not read, to keep no-ops cheap)
 * @param notes warnings worth logging
 * @param selected the services the selection picks, in registry order; null when the registry was up
 *     to date and every service is selected (then it is not read, to keep no-ops cheap)
 */
public record RegistryOutcome(
        boolean written,
        Path registryFile,
        String fingerprint,
        Registry registry,
        List<String> notes,
        List<ServiceEntry> selected) {

    /** Every service of the registry: the one just built, else the file as it is on disk. */
    public List<ServiceEntry> services() throws IOException, InputException {
        return registry != null
                ? registry.services()
                : RegistryBuilder.read(registryFile).services();
    }

    /** The first 12 hex digits, enough to tell fingerprints apart in a log line. */
    public String shortFingerprint() {
        return fingerprint.substring(0, Math.min(12, fingerprint.length()));
    }
}
