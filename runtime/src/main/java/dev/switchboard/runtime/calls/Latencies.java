package dev.switchboard.runtime.calls;

import java.util.concurrent.atomic.AtomicLongArray;

/**
 * Call latencies in buckets that grow with the value, 16 per power of two, so that a percentile is
 * known within 1/16 (6.25 %) of the true value from 16 ns to 36 minutes, at the cost of one atomic
 * increment per call and 5 KiB per service. Values below 16 ns have a bucket each; longer ones go
 * into the last bucket.
 */
final class Latencies {
    private static final int SUB_BITS = 4;
    private static final int SUB = 1 << SUB_BITS;
    private static final int MAX_EXPONENT = 41;
    private static final int BUCKETS = (MAX_EXPONENT - SUB_BITS + 2) * SUB;

    private final AtomicLongArray counts = new AtomicLongArray(BUCKETS);

    void record(long nanos) {
        counts.incrementAndGet(index(Math.max(0, nanos)));
    }

    static int index(long value) {
        if (value < SUB) {
            return (int) value;
        }
        int exponent = 63 - Long.numberOfLeadingZeros(value);
        if (exponent > MAX_EXPONENT) {
            return BUCKETS - 1;
        }
        int sub = (int) (value >>> (exponent - SUB_BITS)) & (SUB - 1);
        return (exponent - SUB_BITS + 1) * SUB + sub;
    }

    /** The largest value a bucket holds. */
    static long upperBound(int index) {
        if (index < SUB) {
            return index;
        }
        int exponent = index / SUB + SUB_BITS - 1;
        long sub = index % SUB;
        return ((SUB + sub + 1) << (exponent - SUB_BITS)) - 1;
    }

    /**
     * The latency below which a fraction {@code p} of the calls so far ended, in nanoseconds (the upper
     * bound of its bucket); 0 when there was no call.
     */
    long percentile(double p) {
        long[] snapshot = new long[BUCKETS];
        long total = 0;
        for (int i = 0; i < BUCKETS; i++) {
            snapshot[i] = counts.get(i);
            total += snapshot[i];
        }
        if (total == 0) {
            return 0;
        }
        long rank = Math.max(1, (long) Math.ceil(p * total));
        long seen = 0;
        for (int i = 0; i < BUCKETS; i++) {
            seen += snapshot[i];
            if (seen >= rank) {
                return upperBound(i);
            }
        }
        return upperBound(BUCKETS - 1);
    }
}
