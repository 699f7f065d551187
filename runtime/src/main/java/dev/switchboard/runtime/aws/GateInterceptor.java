package dev.switchboard.runtime.aws;

import dev.switchboard.runtime.calls.ServiceGate;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttribute;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;

/**
 * Puts an SDK client's calls through its service's gate: each call (an execution: one API call, with its
 * retries) is timed and counted from {@code beforeExecution} to {@code afterExecution} or {@code
 * onExecutionFailure}. A sync client takes a permit of the rate limit before each HTTP request it sends
 * (retries too), waiting on the caller's thread, which waits for the answer anyway; an async client's
 * requests are delayed by {@link GatedAsyncHttpClient} instead, which never blocks the caller.
 */
final class GateInterceptor implements ExecutionInterceptor {
    private static final ExecutionAttribute<Long> STARTED = new ExecutionAttribute<>("switchboard.callStarted");

    private final ServiceGate gate;
    private final boolean sync;

    GateInterceptor(ServiceGate gate, boolean sync) {
        this.gate = gate;
        this.sync = sync;
    }

    @Override
    public void beforeExecution(Context.BeforeExecution context, ExecutionAttributes attributes) {
        attributes.putAttribute(STARTED, gate.callStarted());
    }

    @Override
    public void beforeTransmission(Context.BeforeTransmission context, ExecutionAttributes attributes) {
        if (sync) {
            gate.acquire();
        }
    }

    @Override
    public void afterExecution(Context.AfterExecution context, ExecutionAttributes attributes) {
        ended(attributes, false);
    }

    @Override
    public void onExecutionFailure(Context.FailedExecution context, ExecutionAttributes attributes) {
        ended(attributes, true);
    }

    private void ended(ExecutionAttributes attributes, boolean failed) {
        Long started = attributes.getAttribute(STARTED);
        if (started != null) {
            gate.callEnded(started, failed);
        }
    }
}
