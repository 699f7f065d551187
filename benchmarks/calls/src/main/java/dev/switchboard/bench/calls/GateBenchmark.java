package dev.switchboard.bench.calls;

import dev.switchboard.runtime.ClientSettings;
import dev.switchboard.runtime.calls.ServiceGate;
import dev.switchboard.runtime.registry.ServiceKind;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * What the gate itself costs per call, without the HTTP round trip whose noise hides it in {@link
 * CallPathBenchmark}: the start, the permit and the end of one call, as every hook makes them.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class GateBenchmark {
    private ServiceGate statisticsOnly;
    private ServiceGate unlimitedLimiter;

    @Setup
    public void gates() {
        statisticsOnly = ClientSettings.builder()
                .lookups(property -> null, variable -> null)
                .build()
                .telemetry()
                .gate("sqs", ServiceKind.AWS);
        unlimitedLimiter = ClientSettings.builder()
                .lookups(property -> null, variable -> null)
                .rateLimit("sqs", 1e9, 0)
                .build()
                .telemetry()
                .gate("sqs", ServiceKind.AWS);
    }

    @Benchmark
    public void statisticsOnly() {
        long started = statisticsOnly.callStarted();
        statisticsOnly.acquire();
        statisticsOnly.callEnded(started, false);
    }

    @Benchmark
    public void statisticsAndUnlimitedLimiter() {
        long started = unlimitedLimiter.callStarted();
        unlimitedLimiter.acquire();
        unlimitedLimiter.callEnded(started, false);
    }
}
