package dev.switchboard.runtime.grpc;

import dev.switchboard.runtime.calls.ServiceGate;
import io.grpc.CallOptions;
import io.grpc.Channel;
import io.grpc.ClientCall;
import io.grpc.ClientInterceptor;
import io.grpc.MethodDescriptor;

/**
 * Puts every call of a service's stubs (blocking, async and future alike) through the service's gate:
 * the call waits for a permit of its rate limit without holding a thread, and is timed and counted until
 * it closes.
 */
final class GateInterceptor implements ClientInterceptor {
    private final ServiceGate gate;

    GateInterceptor(ServiceGate gate) {
        this.gate = gate;
    }

    @Override
    public <Q, R> ClientCall<Q, R> interceptCall(MethodDescriptor<Q, R> method, CallOptions options, Channel next) {
        return new GatedCall<>(next.newCall(method, options), gate, options.getExecutor());
    }
}
