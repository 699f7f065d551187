package dev.switchboard.runtime;

import java.util.Collection;
import java.util.List;

/** A client was asked for that no route can make; the message says what is known and what to do. */
public final class ServiceNotAvailableException extends IllegalStateException {
    private static final long serialVersionUID = 1L;

    public ServiceNotAvailableException(String service, Collection<String> known, String why) {
        super("no client for service \"" + service + "\": " + why + ". Known services: "
                + (known.isEmpty() ? "none" : String.join(", ", List.copyOf(known)))
                + ". To include it, add it to the build's selection (-Dswitchboard.services=" + service
                + " or its group's profile) and regenerate, put a jar with a ServiceClientProvider for it on"
                + " the classpath, or add it to the registry with its client class names.");
    }

    public ServiceNotAvailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
