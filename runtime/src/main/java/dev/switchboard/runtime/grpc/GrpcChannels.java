package dev.switchboard.runtime.grpc;

import dev.switchboard.runtime.ClientSettings;
import dev.switchboard.runtime.calls.ClientTelemetry;
import dev.switchboard.runtime.registry.ServiceKind;
import io.grpc.Channel;
import io.grpc.ManagedChannel;
import io.grpc.ManagedChannelBuilder;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * One channel per target, shared by every stub of every service that points there, and shut down
 * together. A target is {@code host:port} (plaintext or TLS as the settings say), {@code
 * grpc://host:port} (plaintext) or {@code grpcs://host:port} (TLS).
 *
 * <p>The channel handed out is a {@link GatedChannel}: the shared channel, which puts each call through
 * the gate (rate limit, statistics, meters) of the service whose gRPC service it calls. Every gRPC
 * client switchboard makes, compiled in, by a provider or by reflection, gets its channel here.
 */
public final class GrpcChannels implements AutoCloseable {
    private final ClientSettings settings;
    private final ConcurrentHashMap<String, GatedChannel> channels = new ConcurrentHashMap<>();

    public GrpcChannels(ClientSettings settings) {
        this.settings = settings;
    }

    /**
     * The channel for a service's target, shared with every service there; fails with the ways to set
     * a target when there is none. The service's calls on it go through the service's gate.
     */
    public Channel channel(String service) {
        String target = settings.target(service)
                .orElseThrow(() -> new IllegalStateException("no gRPC target for service \"" + service + "\"; set"
                        + " builder().target(\"" + service + "\", \"host:port\"), -Dswitchboard." + service
                        + ".target=host:port or SWITCHBOARD_"
                        + service.toUpperCase(Locale.ROOT).replaceAll("[^A-Z0-9]", "_")
                        + "_TARGET"));
        ClientTelemetry telemetry = settings.telemetry();
        boolean shared = channels.containsKey(target);
        GatedChannel channel = channels.computeIfAbsent(target, t -> new GatedChannel(open(t)));
        String grpcService = telemetry.grpcServiceName(service);
        if (grpcService != null) {
            channel.gate(grpcService, new GateInterceptor(telemetry.gate(service, ServiceKind.GRPC)));
        }
        telemetry.debug(() -> service + ": gRPC channel to " + target
                + (settings.channelFactory() != null
                        ? " from the channel factory"
                        : target.startsWith("grpc://") || (!target.startsWith("grpcs://") && settings.plaintext())
                                ? " (plaintext)"
                                : " (TLS)")
                + (shared ? ", shared with the other services there" : "")
                + (grpcService == null
                        ? "; its gRPC service name is unknown, so its calls are not limited or counted"
                        : "; calls of " + grpcService + " go through its gate"));
        return channel;
    }

    private ManagedChannel open(String target) {
        if (settings.channelFactory() != null) {
            return (ManagedChannel) settings.channelFactory().apply(target);
        }
        boolean plaintext = settings.plaintext();
        String address = target;
        if (target.startsWith("grpc://")) {
            plaintext = true;
            address = target.substring("grpc://".length());
        } else if (target.startsWith("grpcs://")) {
            plaintext = false;
            address = target.substring("grpcs://".length());
        }
        ManagedChannelBuilder<?> builder = ManagedChannelBuilder.forTarget(address);
        return (plaintext ? builder.usePlaintext() : builder.useTransportSecurity()).build();
    }

    /** How many channels are open; one per distinct target. */
    public int size() {
        return channels.size();
    }

    /** Shuts every channel down, waiting up to five seconds for calls in flight. */
    @Override
    public void close() {
        List<ManagedChannel> open = new ArrayList<>(channels.values());
        channels.clear();
        open.forEach(ManagedChannel::shutdown);
        for (ManagedChannel channel : open) {
            try {
                if (!channel.awaitTermination(5, TimeUnit.SECONDS)) {
                    channel.shutdownNow();
                }
            } catch (InterruptedException e) {
                channel.shutdownNow();
                Thread.currentThread().interrupt();
            }
        }
    }
}
