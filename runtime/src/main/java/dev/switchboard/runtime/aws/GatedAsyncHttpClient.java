package dev.switchboard.runtime.aws;

import dev.switchboard.runtime.calls.RateLimitExceededException;
import dev.switchboard.runtime.calls.ServiceGate;
import java.util.concurrent.CompletableFuture;
import software.amazon.awssdk.http.async.AsyncExecuteRequest;
import software.amazon.awssdk.http.async.SdkAsyncHttpClient;
import software.amazon.awssdk.utils.AttributeMap;

/**
 * An async SDK client's HTTP client, holding each request back until its service's rate limit has a
 * permit for it: a request with a free permit goes at once, one that must wait is started later on
 * switchboard's timer thread, and one refused fails its future. The caller's thread never waits; the
 * SDK's attempt timeout, which starts when the request is handed here, still applies.
 */
final class GatedAsyncHttpClient implements SdkAsyncHttpClient {
    private final SdkAsyncHttpClient delegate;
    private final ServiceGate gate;

    private GatedAsyncHttpClient(SdkAsyncHttpClient delegate, ServiceGate gate) {
        this.delegate = delegate;
        this.gate = gate;
    }

    @Override
    public CompletableFuture<Void> execute(AsyncExecuteRequest request) {
        long wait;
        try {
            wait = gate.reserve();
        } catch (RateLimitExceededException e) {
            // The SDK learns of a failed request through its response handler, not the returned future.
            request.responseHandler().onError(e);
            return CompletableFuture.failedFuture(e);
        }
        if (wait == 0) {
            return delegate.execute(request);
        }
        CompletableFuture<Void> result = new CompletableFuture<>();
        ServiceGate.later(
                () -> {
                    if (result.isDone()) {
                        // The SDK gave up on the attempt (its timeout, a cancellation) while it waited.
                        return;
                    }
                    try {
                        CompletableFuture<Void> sent = delegate.execute(request);
                        sent.whenComplete((ignored, failure) -> {
                            if (failure == null) {
                                result.complete(null);
                            } else {
                                result.completeExceptionally(failure);
                            }
                        });
                        // The SDK cancels an attempt by failing the future it was given: pass that on.
                        result.whenComplete((ignored, failure) -> {
                            if (failure != null) {
                                sent.completeExceptionally(failure);
                            }
                        });
                    } catch (RuntimeException e) {
                        request.responseHandler().onError(e);
                        result.completeExceptionally(e);
                    }
                },
                wait);
        return result;
    }

    @Override
    public String clientName() {
        return delegate.clientName();
    }

    @Override
    public void close() {
        delegate.close();
    }

    /**
     * Builds the chosen HTTP client and gates it; {@link #used} tells afterwards whether the SDK built
     * it, or a customizer put another HTTP client in its place.
     */
    static final class Builder implements SdkAsyncHttpClient.Builder<Builder> {
        private final SdkAsyncHttpClient.Builder<?> delegate;
        private final ServiceGate gate;
        private volatile boolean used;

        Builder(SdkAsyncHttpClient.Builder<?> delegate, ServiceGate gate) {
            this.delegate = delegate;
            this.gate = gate;
        }

        @Override
        public SdkAsyncHttpClient buildWithDefaults(AttributeMap defaults) {
            used = true;
            return new GatedAsyncHttpClient(delegate.buildWithDefaults(defaults), gate);
        }

        boolean used() {
            return used;
        }
    }
}
