package dev.switchboard.runtime;

/** The check behind the generated {@code client(String, Class)}. */
public final class ClientTypes {
    private ClientTypes() {}

    /** {@code client} as a {@code type}, or an error naming the service and both types. */
    public static <T> T cast(String service, Object client, Class<T> type) {
        if (!type.isInstance(client)) {
            throw new IllegalArgumentException(
                    "service \"" + service + "\" is a " + client.getClass().getName() + ", not a " + type.getName());
        }
        return type.cast(client);
    }
}
