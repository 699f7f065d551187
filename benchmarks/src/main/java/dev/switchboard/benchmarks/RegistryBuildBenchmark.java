package dev.switchboard.benchmarks;

import dev.switchboard.core.registry.RegistryBuilder;
import dev.switchboard.core.registry.RegistryOutcome;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * {@link RegistryBuilder#build} warm, inside one JVM, on generated trees of 100 and 1,000 protos.
 *
 * <ul>
 *   <li>{@code fullRebuild}: the registry directory is emptied before every call, so each call scans,
 *       parses, links, maps, infers, fingerprints and writes: the work of a cold {@code mvn
 *       generate-sources} without the JVM's class loading and JIT warm-up.
 *   <li>{@code noOp}: the registry on disk is current, so each call scans, finds the inputs unchanged
 *       and stops: the work of every rerun with unchanged inputs (the budget is under 50 ms in the
 *       goal).
 * </ul>
 *
 * <p>One fork and few, long iterations so the whole class runs in a few minutes on 2 cores; the
 * figures are for comparison between versions on one machine, not absolute truths.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xms2g", "-Xmx2g"})
@Warmup(iterations = 3, time = 3)
@Measurement(iterations = 5, time = 3)
@State(Scope.Benchmark)
public class RegistryBuildBenchmark {

    @Param({"100", "1000"})
    public int files;

    private BenchProject project;
    private final RegistryBuilder builder = new RegistryBuilder();

    /** Full rebuilds: the registry directory is emptied before each call. */
    @State(Scope.Thread)
    public static class Absent {
        // Per-invocation setup is sound here: one call takes tens to hundreds of milliseconds, far
        // above the microseconds JMH's invocation bookkeeping costs.
        @Setup(Level.Invocation)
        public void deleteRegistry(RegistryBuildBenchmark benchmark) throws Exception {
            benchmark.project.deleteRegistry();
        }
    }

    @Setup(Level.Trial)
    public void generate() throws Exception {
        project = BenchProject.of(files);
        project.deleteRegistry();
        RegistryOutcome first = builder.build(project.request());
        int services = first.registry().services().size();
        if (!first.written() || services != files) {
            throw new IllegalStateException("expected a fresh registry with " + files + " services, got written="
                    + first.written() + " with " + services);
        }
    }

    // Longer warm-up than the no-op: at 1,000 files one call takes ~0.3-0.5 s, so three 3-second
    // iterations are only ~20 calls, and C2 on 2 cores is still compiling Wire's linker after them.
    @Benchmark
    @Warmup(iterations = 8, time = 3)
    public RegistryOutcome fullRebuild(Absent absent) throws Exception {
        RegistryOutcome outcome = builder.build(project.request());
        if (!outcome.written()) {
            throw new IllegalStateException("the registry was not rebuilt although it had been deleted");
        }
        return outcome;
    }

    @Benchmark
    public RegistryOutcome noOp() throws Exception {
        RegistryOutcome outcome = builder.build(project.request());
        if (outcome.written()) {
            throw new IllegalStateException("the registry was rewritten although nothing changed");
        }
        return outcome;
    }
}
