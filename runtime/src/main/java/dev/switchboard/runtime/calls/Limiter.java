package dev.switchboard.runtime.calls;

import java.time.Duration;

/** A rate limiter as a gate uses it, so that the gate names no class of the library behind it. */
interface Limiter {

    /**
     * Reserves one permit: 0 when it is free now, the nanoseconds until it is when the caller must wait
     * first, or -1 when none comes free within the timeout (nothing is reserved then).
     */
    long reserve();

    /** Applies a new limit or timeout to the permits from now on; callers keep the same limiter. */
    void change(ServiceLimit limit, Duration timeout);
}
