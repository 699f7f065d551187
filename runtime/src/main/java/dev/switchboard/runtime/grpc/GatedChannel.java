package dev.switchboard.runtime.grpc;

import io.grpc.CallOptions;
import io.grpc.ClientCall;
import io.grpc.ConnectivityState;
import io.grpc.ManagedChannel;
import io.grpc.MethodDescriptor;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * The channel of one target as the stubs of every service there hold it: the shared {@link
 * ManagedChannel} itself for everything but calls, and each call put through the gate of the service
 * it belongs to, found by the gRPC service name of its method. Stubs of different services at one
 * target therefore still share one channel (and {@code getChannel()} is that channel), while each
 * service keeps its own limiter and figures. A call of a gRPC service no switchboard client was made
 * for (a health check on the same channel) passes ungated and uncounted.
 */
final class GatedChannel extends ManagedChannel {
    private final ManagedChannel channel;
    private final Map<String, GateInterceptor> gates = new ConcurrentHashMap<>();

    GatedChannel(ManagedChannel channel) {
        this.channel = channel;
    }

    /** Puts the calls of {@code grpcService} ({@code acme.user.v1.UserService}) through {@code gate}. */
    void gate(String grpcService, GateInterceptor gate) {
        gates.putIfAbsent(grpcService, gate);
    }

    @Override
    public <Q, R> ClientCall<Q, R> newCall(MethodDescriptor<Q, R> method, CallOptions options) {
        GateInterceptor gate = gates.get(method.getServiceName());
        return gate == null ? channel.newCall(method, options) : gate.interceptCall(method, options, channel);
    }

    @Override
    public String authority() {
        return channel.authority();
    }

    @Override
    public ManagedChannel shutdown() {
        channel.shutdown();
        return this;
    }

    @Override
    public boolean isShutdown() {
        return channel.isShutdown();
    }

    @Override
    public boolean isTerminated() {
        return channel.isTerminated();
    }

    @Override
    public ManagedChannel shutdownNow() {
        channel.shutdownNow();
        return this;
    }

    @Override
    public boolean awaitTermination(long timeout, TimeUnit unit) throws InterruptedException {
        return channel.awaitTermination(timeout, unit);
    }

    @Override
    public ConnectivityState getState(boolean requestConnection) {
        return channel.getState(requestConnection);
    }

    @Override
    public void notifyWhenStateChanged(ConnectivityState source, Runnable callback) {
        channel.notifyWhenStateChanged(source, callback);
    }

    @Override
    public void resetConnectBackoff() {
        channel.resetConnectBackoff();
    }

    @Override
    public void enterIdle() {
        channel.enterIdle();
    }
}
