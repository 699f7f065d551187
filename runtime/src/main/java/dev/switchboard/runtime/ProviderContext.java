package dev.switchboard.runtime;

/** What a {@link ServiceClientProvider} may use to make a client. */
public interface ProviderContext {

    /** The factory's settings. */
    ClientSettings settings();

    /**
     * The shared gRPC channel for a service's target ({@code io.grpc.Channel}, typed {@code Object}
     * so that applications without gRPC load no gRPC class).
     */
    Object grpcChannel(String service);
}
