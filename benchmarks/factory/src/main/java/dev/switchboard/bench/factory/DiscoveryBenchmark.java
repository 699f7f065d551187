package dev.switchboard.bench.factory;

import dev.switchboard.core.aws.AwsCatalogue;
import dev.switchboard.core.aws.AwsServiceReader;
import dev.switchboard.runtime.registry.ServiceEntry;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * AWS discovery, warm: the same call as {@link DiscoveryCold}, repeated in one JVM. The class path
 * file is {@code -Ddiscovery.classpath=…} (default {@code target/discovery-classpath.txt}, relative to
 * the working directory, which JMH's forks inherit).
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 4, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
@State(Scope.Benchmark)
public class DiscoveryBenchmark {
    private List<Path> jars;
    private AwsCatalogue catalogue;

    @Setup
    public void setup() throws Exception {
        jars = DiscoveryCold.jars(Path.of(System.getProperty("discovery.classpath", "target/discovery-classpath.txt")));
        catalogue = AwsCatalogue.bundled();
        int found = new AwsServiceReader(catalogue).read(jars).size();
        if (found < 20) {
            throw new IllegalStateException("expected at least 20 services on the class path, found " + found);
        }
    }

    /** The whole call, catalogue included: {@code new AwsServiceReader(AwsCatalogue.bundled()).read(jars)}. */
    @Benchmark
    public List<ServiceEntry> catalogueAndRead() throws Exception {
        return new AwsServiceReader(AwsCatalogue.bundled()).read(jars);
    }

    /** The scan alone, with the catalogue already parsed. */
    @Benchmark
    public List<ServiceEntry> readOnly() throws Exception {
        return new AwsServiceReader(catalogue).read(jars);
    }
}
