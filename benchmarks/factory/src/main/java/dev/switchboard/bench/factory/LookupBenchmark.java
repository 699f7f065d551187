package dev.switchboard.bench.factory;

import dev.switchboard.bench.clients.ServiceClients;
import dev.switchboard.runtime.ClientCache;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import java.util.logging.Logger;
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
import software.amazon.awssdk.services.s3.S3Client;

/**
 * Budget B1: the cached lookups of the generated factory after the first use, next to what they are
 * held against.
 *
 * <ul>
 *   <li>{@code client(name)} for a compiled-in service ({@code s3}: string switch, then the typed
 *       accessor) and for one served by reflection ({@code sqs}: string switch falls through to {@code
 *       ClientCache.get}) vs a plain {@code ConcurrentHashMap.get} holding the same 21 names — budget
 *       ≤ 1.5×;
 *   <li>the typed accessor {@code s3()} vs a plain volatile field read — it should be one.
 * </ul>
 *
 * <p>Keys are fresh {@code String} objects (not the interned literals the generated switch compares
 * with), as names from configuration would be, so no side gets an identity shortcut in {@code
 * equals}; their hash codes are computed (and cached by String) in setup, as a long-lived key's would be.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(2)
@State(Scope.Benchmark)
public class LookupBenchmark {
    private static final Supplier<Object> NEVER = () -> {
        throw new AssertionError("already created");
    };

    private ServiceClients clients;
    private final ConcurrentHashMap<String, Object> map = new ConcurrentHashMap<>();
    private final ClientCache cache = new ClientCache();
    private volatile Object volatileField;
    private Object plainField;
    private String s3Key;
    private String sqsKey;
    private Logger logger;

    @Setup
    public void setup() {
        logger = Fixtures.logging("quiet");
        clients = Fixtures.factory("s3", "sqs");
        S3Client s3 = clients.s3();
        Object sqs = clients.client("sqs");
        for (String name : clients.services()) {
            map.put(name, new Object());
        }
        map.put("s3", s3);
        map.put("sqs", sqs);
        cache.get("s3", () -> s3);
        volatileField = s3;
        plainField = s3;
        s3Key = new String("s3".toCharArray());
        sqsKey = new String("sqs".toCharArray());
        s3Key.hashCode();
        sqsKey.hashCode();
        // Checked with yet other String objects, so that no map inside the factory holds the very
        // key objects the benchmarks look up with (an identity hit would skip equals).
        if (clients.client(new String("s3".toCharArray())) != s3
                || clients.client(new String("sqs".toCharArray())) != sqs
                || map.size() != 21) {
            throw new IllegalStateException("unexpected fixture: " + map.keySet());
        }
    }

    @TearDown
    public void tearDown() {
        clients.close();
        cache.close();
    }

    /** The reference of the budget: {@code ConcurrentHashMap.get}. */
    @Benchmark
    public Object chmGet() {
        return map.get(s3Key);
    }

    /** {@code client("s3")}: compiled in. */
    @Benchmark
    public Object factoryClientCompiledIn() {
        return clients.client(s3Key);
    }

    /** {@code client("sqs")}: not compiled in, created by reflection, then cached in ClientCache. */
    @Benchmark
    public Object factoryClientReflective() {
        return clients.client(sqsKey);
    }

    /** {@code ClientCache.get} alone (what the reflective route ends in). */
    @Benchmark
    public Object clientCacheGet() {
        return cache.get(s3Key, NEVER);
    }

    /** {@code s3()} after first use. */
    @Benchmark
    public S3Client typedAccessor() {
        return clients.s3();
    }

    /** The reference of the accessor: one volatile field read. */
    @Benchmark
    public Object volatileFieldRead() {
        return volatileField;
    }

    /** A plain field read, for scale (JMH's floor on this machine). */
    @Benchmark
    public Object plainFieldRead() {
        return plainField;
    }
}
