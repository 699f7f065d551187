package dev.switchboard.runtime;

/**
 * Makes the client of one service. switchboard generates one per compiled-in service and registers
 * it in {@code META-INF/services/dev.switchboard.runtime.ServiceClientProvider}; any jar can add its
 * own, and factories find them with {@link java.util.ServiceLoader} for services they were not
 * generated with.
 */
public interface ServiceClientProvider {

    /** The registry name of the service ({@code s3}, {@code user}). */
    String serviceName();

    /** Creates a new client; the caller caches and closes it. */
    Object create(ProviderContext context);
}
