package dev.switchboard.runtime.registry;

/**
 * A registry file that cannot be read: malformed, of an unknown schema version, or missing required
 * fields. The message names the source, the line and column where known, what is wrong and what to do.
 */
public final class RegistryFormatException extends Exception {
    private static final long serialVersionUID = 1L;

    public RegistryFormatException(String message, Throwable cause) {
        super(message, cause);
    }

    public RegistryFormatException(String message) {
        super(message);
    }
}
