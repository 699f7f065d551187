package dev.switchboard.runtime.grpc;

import dev.switchboard.runtime.ClientSettings;
import dev.switchboard.runtime.calls.ClientTelemetry;
import dev.switchboard.runtime.registry.ServiceKind;
import io.grpc.Channel;
import io.grpc.ClientInterceptors;
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
 * <p>Each service gets the shared channel behind its own interceptor, which puts the calls of every
 * stub of the service through the service's gate (rate limit, statistics, meters): every gRPC client
 * switchboard makes, compiled in, by a provider or by reflection, gets its channel here.
 */
public final class GrpcChannels implements AutoCloseable {
    private final ClientSettings settings;
    private final ConcurrentHashMap<String, ManagedChannel> channels = new ConcurrentHashMap<>();

    public GrpcChannels(ClientSettings settings) {
        this.settings = settings;
    }

    /** The channel for a service's target; fails with the ways to set one when there is none. */
    public Channel channel(String service) {
        String target = settings.target(service)
                .orElseThrow(() -> new IllegalStateException("no gRPC target for service \"" + service + "\"; set"
                        + " builder().target(\"" + service + "\", \"host:port\"), -Dswitchboard." + service
                        + ".target=host:port or SWITCHBOARD_"
                        + service.toUpperCase(Locale.ROOT).replaceAll("[^A-Z0-9]", "_")
                        + "_TARGET"));
        ClientTelemetry telemetry = settings.telemetry();
        GateInterceptor gate = new GateInterceptor(telemetry.gate(service, ServiceKind.GRPC));
        telemetry.debug(() -> service + ": gRPC channel to " + target
                + (settings.channelFactory() != null
                        ? " from the channel factory"
                        : target.startsWith("grpc://") || (!target.startsWith("grpcs://") && settings.plaintext())
                                ? " (plaintext)"
                                : " (TLS)")
                + (channels.containsKey(target) ? ", shared with the other services there" : ""));
        return ClientInterceptors.intercept(channels.computeIfAbsent(target, this::open), gate);
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
