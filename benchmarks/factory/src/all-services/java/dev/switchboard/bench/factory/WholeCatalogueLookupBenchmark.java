package dev.switchboard.bench.factory;

import dev.switchboard.bench.clients.ServiceClients;
import dev.switchboard.runtime.SyncHttpClient;
import java.net.URI;
import java.util.concurrent.ConcurrentHashMap;
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
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;

/**
 * B1 on the whole-catalogue factory (414 services compiled in): {@code client("s3")} and {@code s3()}
 * after first use, next to {@code ConcurrentHashMap.get} over the same 414 names. Compiled only in the
 * whole-catalogue probe project (the run script copies it there); same method as LookupBenchmark.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(2)
@State(Scope.Benchmark)
public class WholeCatalogueLookupBenchmark {
    private ServiceClients clients;
    private final ConcurrentHashMap<String, Object> map = new ConcurrentHashMap<>();
    private String s3Key;
    private java.util.logging.Logger logger;

    @Setup
    public void setup() {
        logger = java.util.logging.Logger.getLogger("dev.switchboard");
        logger.setLevel(java.util.logging.Level.WARNING);
        clients = ServiceClients.builder()
                .region(Region.US_EAST_1)
                .credentials(StaticCredentialsProvider.create(
                        AwsBasicCredentials.create("AKIAFAKEFAKEFAKE0000", "fake/secret")))
                .endpointOverride("s3", URI.create("http://127.0.0.1:1"))
                .httpClient(SyncHttpClient.URL_CONNECTION)
                .build();
        Object s3 = clients.s3();
        for (String name : clients.services()) {
            map.put(name, new Object());
        }
        map.put("s3", s3);
        s3Key = new String("s3".toCharArray());
        s3Key.hashCode();
        if (clients.client(new String("s3".toCharArray())) != s3 || map.size() < 400) {
            throw new IllegalStateException("unexpected fixture: " + map.size() + " services");
        }
    }

    @TearDown
    public void tearDown() {
        clients.close();
    }

    @Benchmark
    public Object chmGet() {
        return map.get(s3Key);
    }

    @Benchmark
    public Object factoryClientCompiledIn() {
        return clients.client(s3Key);
    }

    @Benchmark
    public Object typedAccessor() {
        return clients.s3();
    }
}
