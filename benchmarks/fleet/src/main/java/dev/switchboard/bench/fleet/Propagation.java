package dev.switchboard.bench.fleet;

import dev.switchboard.runtime.live.LiveRegistry;
import dev.switchboard.runtime.registry.MethodInfo;
import dev.switchboard.runtime.registry.ProtoInfo;
import dev.switchboard.runtime.registry.Registry;
import dev.switchboard.runtime.registry.RegistryCodec;
import dev.switchboard.runtime.registry.RegistryFormat;
import dev.switchboard.runtime.registry.ServiceEntry;
import dev.switchboard.runtime.registry.ServiceKind;
import dev.switchboard.zookeeper.PublishResult;
import dev.switchboard.zookeeper.RegistryStore;
import dev.switchboard.zookeeper.ZooKeeperConnection;
import dev.switchboard.zookeeper.ZooKeeperFollower;
import dev.switchboard.zookeeper.ZooKeeperLocation;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.apache.curator.test.InstanceSpec;
import org.apache.curator.test.TestingCluster;

/**
 * Propagation: {@code followers} followers (each its own Curator client) of a three-server ensemble;
 * for each of {@code publishes} publishes, the time from {@code publish} returning to the last follower
 * serving the new version. Then one googleapis-sized publish (1,700 services): the publish's time, the
 * bytes stored, and the time until every follower serves it.
 *
 * <p>Usage: {@code Propagation [followers] [publishes] [googleapisFollowers]} (100, 20, 10).
 */
public final class Propagation {
    private static final String PATH = "/switchboard/bench";
    // Held strongly so the level sticks: the per-swap INFO lines of 100 followers would time the console.
    private static final Logger QUIET = Logger.getLogger("dev.switchboard");

    public static void main(String[] args) throws Exception {
        int followers = args.length > 0 ? Integer.parseInt(args[0]) : 100;
        int publishes = args.length > 1 ? Integer.parseInt(args[1]) : 20;
        int googleapisFollowers = args.length > 2 ? Integer.parseInt(args[2]) : 10;
        QUIET.setLevel(Level.WARNING);
        // A ZooKeeper server of the ensemble that fails would end the whole JVM; say where instead.
        org.apache.zookeeper.util.ServiceUtils.setSystemExitProcedure(
                code -> new IllegalStateException("a ZooKeeper server asked to exit with " + code).printStackTrace());
        List<InstanceSpec> servers = new ArrayList<>();
        for (int id = 1; id <= 3; id++) {
            // maxClientCnxns 0: ZooKeeper's default of 60 connections per client address would refuse all
            // followers past 180, since every one of them comes from 127.0.0.1.
            servers.add(new InstanceSpec(null, -1, -1, -1, true, id, -1, 0));
        }
        try (TestingCluster cluster = new TestingCluster(servers)) {
            cluster.start();
            ZooKeeperConnection connection = ZooKeeperConnection.of(
                            new ZooKeeperLocation(cluster.getConnectString(), PATH))
                    .withTimeouts(Duration.ofSeconds(15), Duration.ofSeconds(30));
            try (RegistryStore store = RegistryStore.connect(connection)) {
                store.publish(json(small(0)), "bench", 20, 512 * 1024);
                propagation(connection, store, followers, publishes);
                googleapis(connection, store, googleapisFollowers);
            }
        }
        System.exit(0);
    }

    private static void propagation(ZooKeeperConnection connection, RegistryStore store, int count, int publishes)
            throws Exception {
        List<LiveRegistry> fleet = new ArrayList<>();
        ConcurrentHashMap<String, Long> served = new ConcurrentHashMap<>();
        CountDownLatch[] latch = {new CountDownLatch(0)};
        long started = System.nanoTime();
        for (int i = 0; i < count; i++) {
            LiveRegistry live = follow(connection);
            String id = "f" + i;
            live.addListener(change -> {
                served.put(id + "@" + change.current().fingerprint(), System.nanoTime());
                latch[0].countDown();
            });
            fleet.add(live);
        }
        System.out.printf(
                Locale.ROOT, "%d followers started in %d ms%n", count, (System.nanoTime() - started) / 1_000_000);
        double[] last = new double[publishes];
        double[] lastFromCall = new double[publishes];
        double[] publishMs = new double[publishes];
        List<Double> each = new ArrayList<>();
        for (int p = 1; p <= publishes; p++) {
            latch[0] = new CountDownLatch(count);
            Registry registry = small(p);
            byte[] bytes = json(registry);
            long called = System.nanoTime();
            store.publish(bytes, "bench", 20, 512 * 1024);
            long returned = System.nanoTime();
            if (!latch[0].await(60, TimeUnit.SECONDS)) {
                throw new IllegalStateException("publish " + p + ": " + latch[0].getCount() + " followers did not switch");
            }
            double max = 0;
            long lastServed = 0;
            for (int i = 0; i < count; i++) {
                long at = served.get("f" + i + "@" + registry.fingerprint());
                lastServed = Math.max(lastServed, at);
                // A follower can switch before publish returns: retention prunes after the pointer moved.
                double ms = Math.max(0, (at - returned) / 1e6);
                each.add(ms);
                max = Math.max(max, ms);
            }
            last[p - 1] = max;
            lastFromCall[p - 1] = (lastServed - called) / 1e6;
            publishMs[p - 1] = (returned - called) / 1e6;
            System.out.printf(
                    Locale.ROOT,
                    "publish %2d: took %.1f ms; last of %d followers %.1f ms after it returned, %.1f ms after it was"
                            + " called%n",
                    p,
                    publishMs[p - 1],
                    count,
                    max,
                    lastFromCall[p - 1]);
        }
        Arrays.sort(last);
        Arrays.sort(lastFromCall);
        Arrays.sort(publishMs);
        double[] all = each.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        System.out.printf(
                Locale.ROOT,
                "RESULT followers=%d publishes=%d; from publish returning to the last follower: p50=%.1f ms"
                        + " p99=%.1f ms; from publish called: p50=%.1f ms p99=%.1f ms; publish itself p50=%.1f ms;"
                        + " any follower after return p50=%.1f ms p99=%.1f ms%n",
                count,
                publishes,
                percentile(last, 50),
                percentile(last, 99),
                percentile(lastFromCall, 50),
                percentile(lastFromCall, 99),
                percentile(publishMs, 50),
                percentile(all, 50),
                percentile(all, 99));
        for (LiveRegistry live : fleet) {
            live.close();
        }
    }

    private static void googleapis(ZooKeeperConnection connection, RegistryStore store, int count) throws Exception {
        List<LiveRegistry> fleet = new ArrayList<>();
        CountDownLatch latch = new CountDownLatch(count);
        for (int i = 0; i < count; i++) {
            LiveRegistry live = follow(connection);
            live.addListener(change -> {
                if (change.current().services().size() == 1_700) {
                    latch.countDown();
                }
            });
            fleet.add(live);
        }
        byte[] json = googleapisSized();
        long start = System.nanoTime();
        PublishResult result = store.publish(json, "bench", 20, 512 * 1024);
        long published = System.nanoTime();
        if (!latch.await(120, TimeUnit.SECONDS)) {
            throw new IllegalStateException(latch.getCount() + " followers did not take the googleapis registry");
        }
        long followed = System.nanoTime();
        byte[] back = store.read(result.published().version());
        long readBack = System.nanoTime();
        System.out.printf(
                Locale.ROOT,
                "RESULT googleapis services=%d json=%d bytes stored=%d bytes in %d chunks; publish %.0f ms;"
                        + " %d followers serving it %.0f ms after publish returned; read back %.0f ms, identical=%s%n",
                result.published().services(),
                result.published().bytes(),
                result.published().storedBytes(),
                result.published().chunks(),
                (published - start) / 1e6,
                count,
                (followed - published) / 1e6,
                (readBack - followed) / 1e6,
                Arrays.equals(back, json));
        for (LiveRegistry live : fleet) {
            live.close();
        }
    }

    private static LiveRegistry follow(ZooKeeperConnection connection) {
        ZooKeeperFollower follower = new ZooKeeperFollower(
                connection, Duration.ofSeconds(30), ZooKeeperFollower.defaultInstanceId(), LiveRegistry.DEFAULT_MAX_BYTES);
        return LiveRegistry.following(
                follower, Optional.empty(), Propagation.class.getClassLoader(), true, LiveRegistry.DEFAULT_MAX_BYTES);
    }

    private static double percentile(double[] sorted, int p) {
        int index = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, index))];
    }

    /** 50 HTTP services, each described with the publish number, so every publish changes all of them. */
    private static Registry small(int publish) {
        List<ServiceEntry> services = new ArrayList<>();
        for (int s = 0; s < 50; s++) {
            services.add(ServiceEntry.builder("svc" + s, ServiceKind.HTTP)
                    .description("publish " + publish)
                    .build());
        }
        return Registry.of("bench-" + publish, services);
    }

    private static byte[] json(Registry registry) {
        return RegistryCodec.writeBytes(registry, RegistryFormat.JSON);
    }

    /** 1,700 gRPC services of 12 methods, with seeded random names that compress as badly as real ones. */
    private static byte[] googleapisSized() {
        Random random = new Random(1700);
        List<ServiceEntry> services = new ArrayList<>();
        for (int s = 0; s < 1_700; s++) {
            String pkg = "google." + word(random) + ".v" + (1 + random.nextInt(3));
            String service = word(random) + "Service" + s;
            List<MethodInfo> methods = new ArrayList<>();
            for (int m = 0; m < 12; m++) {
                String method = word(random) + word(random);
                methods.add(new MethodInfo(
                        method, pkg + "." + method + "Request", pkg + "." + method + "Response", false, false,
                        false, null, List.of(), false));
            }
            services.add(ServiceEntry.builder(pkg + "." + service, ServiceKind.GRPC)
                    .group(word(random))
                    .description("The " + word(random) + " API")
                    .proto(new ProtoInfo(
                            pkg.replace('.', '/') + "/" + word(random) + ".proto", pkg, service, "com." + pkg,
                            "com." + pkg + "." + service + "Grpc", word(random) + "Proto", true))
                    .methods(methods)
                    .build());
        }
        return json(Registry.of("googleapis-bench", services));
    }

    private static String word(Random random) {
        int length = 4 + random.nextInt(8);
        StringBuilder word = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            word.append((char) ('a' + random.nextInt(26)));
        }
        return word.toString();
    }
}
