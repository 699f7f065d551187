package dev.switchboard.runtime;

import java.util.function.Function;

/** What a {@link ServiceClientProvider} may use to make a client. */
public interface ProviderContext {

    /** The factory's settings. */
    ClientSettings settings();

    /**
     * The shared gRPC channel for a service's target ({@code io.grpc.Channel}, typed {@code Object}
     * so that applications without gRPC load no gRPC class).
     */
    Object grpcChannel(String service);

    /**
     * The context of a generated factory.
     *
     * @param channels opens or reuses the channel of a service; null for a factory generated without gRPC
     *     services, whose context then explains that it has no channels
     */
    static ProviderContext of(ClientSettings settings, Function<String, Object> channels) {
        return new ProviderContext() {
            @Override
            public ClientSettings settings() {
                return settings;
            }

            @Override
            public Object grpcChannel(String service) {
                if (channels == null) {
                    throw new IllegalStateException("service \"" + service + "\" needs a gRPC channel, but this"
                            + " factory was generated without gRPC services; select one in the build to get channels");
                }
                return channels.apply(service);
            }
        };
    }
}
