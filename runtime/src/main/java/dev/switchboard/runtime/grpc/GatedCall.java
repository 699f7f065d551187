package dev.switchboard.runtime.grpc;

import dev.switchboard.runtime.calls.RateLimitExceededException;
import dev.switchboard.runtime.calls.ServiceGate;
import io.grpc.Attributes;
import io.grpc.ClientCall;
import io.grpc.ForwardingClientCallListener;
import io.grpc.Metadata;
import io.grpc.Status;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executor;

/**
 * A call that starts when its service's rate limit has a permit for it. With a permit free it starts at
 * once and passes everything straight through; else it is started later on switchboard's timer thread,
 * and what the caller does in between (request, send, half-close, cancel) is kept and replayed in order.
 * No thread waits: a blocking stub's caller waits for the answer as it always does. A call the limit
 * refuses closes with {@code RESOURCE_EXHAUSTED} and the limit's message.
 */
final class GatedCall<Q, R> extends ClientCall<Q, R> {
    private final ClientCall<Q, R> call;
    private final ServiceGate gate;
    private final Executor callExecutor;
    private volatile boolean started;
    private boolean refused;
    private List<Runnable> pending = new ArrayList<>();

    /**
     * @param callExecutor where the call's listener runs (a blocking stub's own executor), or null for
     *     gRPC's default; a refusal is delivered there, or on the timer thread
     */
    GatedCall(ClientCall<Q, R> call, ServiceGate gate, Executor callExecutor) {
        this.call = call;
        this.gate = gate;
        this.callExecutor = callExecutor;
    }

    @Override
    public void start(Listener<R> listener, Metadata headers) {
        long startedAt = gate.callStarted();
        Listener<R> counted = new ForwardingClientCallListener.SimpleForwardingClientCallListener<>(listener) {
            @Override
            public void onClose(Status status, Metadata trailers) {
                gate.callEnded(startedAt, !status.isOk());
                super.onClose(status, trailers);
            }
        };
        long wait;
        try {
            wait = gate.reserve();
        } catch (RateLimitExceededException e) {
            synchronized (this) {
                refused = true;
                pending = null;
            }
            close(
                    counted,
                    Status.RESOURCE_EXHAUSTED.withDescription(e.getMessage()).withCause(e));
            return;
        }
        if (wait == 0) {
            synchronized (this) {
                pending = null;
            }
            started = true;
            call.start(counted, headers);
        } else {
            ServiceGate.later(() -> begin(counted, headers), wait);
        }
    }

    /** Starts the call on the timer thread, then replays what the caller did meanwhile, in order. */
    private void begin(Listener<R> listener, Metadata headers) {
        try {
            call.start(listener, headers);
        } catch (RuntimeException e) {
            synchronized (this) {
                refused = true;
                pending = null;
            }
            close(
                    listener,
                    Status.INTERNAL
                            .withDescription("starting the call failed: " + e)
                            .withCause(e));
            return;
        }
        while (true) {
            List<Runnable> batch;
            synchronized (this) {
                if (pending.isEmpty()) {
                    pending = null;
                    started = true;
                    return;
                }
                batch = pending;
                pending = new ArrayList<>();
            }
            batch.forEach(Runnable::run);
        }
    }

    /**
     * Closes a call that never started where its listener runs: a blocking stub's caller waits on its own
     * executor and would never hear of a close delivered anywhere else.
     */
    private void close(Listener<R> listener, Status status) {
        Runnable close = () -> listener.onClose(status, new Metadata());
        if (callExecutor != null) {
            callExecutor.execute(close);
        } else {
            ServiceGate.later(close, 0);
        }
    }

    private void run(Runnable operation) {
        if (!started) {
            synchronized (this) {
                if (refused) {
                    return;
                }
                if (pending != null) {
                    pending.add(operation);
                    return;
                }
            }
        }
        operation.run();
    }

    @Override
    public void request(int numMessages) {
        run(() -> call.request(numMessages));
    }

    @Override
    public void cancel(String message, Throwable cause) {
        run(() -> call.cancel(message, cause));
    }

    @Override
    public void halfClose() {
        run(call::halfClose);
    }

    @Override
    public void sendMessage(Q message) {
        run(() -> call.sendMessage(message));
    }

    @Override
    public void setMessageCompression(boolean enabled) {
        run(() -> call.setMessageCompression(enabled));
    }

    @Override
    public boolean isReady() {
        return started && call.isReady();
    }

    @Override
    public Attributes getAttributes() {
        return call.getAttributes();
    }
}
