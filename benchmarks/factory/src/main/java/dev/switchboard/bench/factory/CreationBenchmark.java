package dev.switchboard.bench.factory;

import dev.switchboard.bench.clients.ServiceClients;
import dev.switchboard.bench.clients.provider.S3Provider;
import dev.switchboard.runtime.ProviderContext;
import dev.switchboard.runtime.resolve.ClientResolver;
import java.util.concurrent.TimeUnit;
import java.util.logging.Logger;
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
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * Budget B2, warm: creating a client again and again in one JVM (the SDK's and switchboard's classes
 * loaded and compiled), each creation timed on its own.
 *
 * <p>Method: every invocation builds one new client (and, on the factory routes, one new factory) and
 * hands it to {@link Created}; a {@code @TearDown(Level.Invocation)} closes it <em>outside</em> the
 * timed region, so no client outlives its invocation (SDK clients hold a scheduled executor and an
 * HTTP client) and closing is not charged to either side. Level.Invocation costs a few timestamps per
 * call, negligible against a creation that takes tens of microseconds or more. Every side builds its
 * settings (credentials provider, endpoint) inside the timed call, as a caller would.
 *
 * <ul>
 *   <li>{@code directS3} — {@code S3Client.builder().region(..).credentialsProvider(..)
 *       .endpointOverride(..).httpClientBuilder(UrlConnectionHttpClient.builder()).build()}, the reference;
 *   <li>{@code factoryS3} — {@code ServiceClients.builder()…build().s3()}, a new factory per call;
 *   <li>{@code providerS3} — {@code S3Provider.newClient(ctx)}: the generated provider on the runtime's
 *       {@code AwsClientSupport.build}, without the factory;
 *   <li>{@code directSqs} — the same builder chain for SQS, the reference of the reflective route;
 *   <li>{@code factorySqsReflective} — {@code ServiceClients.builder()…build().client("sqs")}: sqs is
 *       not compiled in, so this reads the providers (ServiceLoader) and the bundled registry (563 KB of
 *       JSON) for the new factory, then builds through {@code ReflectiveClients};
 *   <li>{@code resolverSqsReflective} — {@code ClientResolver.create("sqs")} on a resolver that has
 *       already read providers and registry: reflection alone, as a long-lived factory pays it for each
 *       further service it was not compiled with.
 * </ul>
 *
 * <p>Routes through switchboard run with the runtime's INFO log line per creation on ({@code
 * logging=info}, the JDK default, written to a null stream) and off ({@code logging=quiet}).
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 6, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(2)
public class CreationBenchmark {

    /** What the invocation created; closed after it, untimed. */
    @State(Scope.Thread)
    public static class Created {
        AutoCloseable open;

        @TearDown(Level.Invocation)
        public void close() throws Exception {
            if (open != null) {
                open.close();
                open = null;
            }
        }
    }

    /** The runtime's logging, for the routes through switchboard. */
    @State(Scope.Benchmark)
    public static class Logging {
        @Param({"quiet", "info"})
        public String logging;

        Logger logger;

        @Setup(Level.Trial)
        public void setup() {
            logger = Fixtures.logging(logging);
        }
    }

    /** A resolver that has read the providers and the bundled registry already. */
    @State(Scope.Benchmark)
    public static class WarmResolver {
        ClientResolver resolver;

        @Setup(Level.Trial)
        public void setup() {
            ProviderContext context = Fixtures.context("sqs");
            resolver = new ClientResolver(context, ServiceClients.class.getClassLoader());
            if (!resolver.known().contains("sqs")) {
                throw new IllegalStateException("sqs is not in the bundled registry");
            }
        }
    }

    @Benchmark
    public S3Client directS3(Created created) {
        S3Client client = S3Client.builder()
                .region(Fixtures.REGION)
                .credentialsProvider(Fixtures.credentials())
                .endpointOverride(Fixtures.ENDPOINT)
                .httpClientBuilder(UrlConnectionHttpClient.builder())
                .build();
        created.open = client;
        return client;
    }

    @Benchmark
    public S3Client factoryS3(Created created, Logging logging) {
        ServiceClients clients = Fixtures.factory("s3");
        created.open = clients;
        return clients.s3();
    }

    @Benchmark
    public S3Client providerS3(Created created, Logging logging) {
        S3Client client = S3Provider.newClient(Fixtures.context("s3"));
        created.open = client;
        return client;
    }

    @Benchmark
    public SqsClient directSqs(Created created) {
        SqsClient client = SqsClient.builder()
                .region(Fixtures.REGION)
                .credentialsProvider(Fixtures.credentials())
                .endpointOverride(Fixtures.ENDPOINT)
                .httpClientBuilder(UrlConnectionHttpClient.builder())
                .build();
        created.open = client;
        return client;
    }

    @Benchmark
    public Object factorySqsReflective(Created created, Logging logging) {
        ServiceClients clients = Fixtures.factory("sqs");
        created.open = clients;
        return clients.client("sqs");
    }

    @Benchmark
    public Object resolverSqsReflective(Created created, Logging logging, WarmResolver warm) {
        Object client = warm.resolver.create("sqs");
        created.open = (AutoCloseable) client;
        return client;
    }
}
