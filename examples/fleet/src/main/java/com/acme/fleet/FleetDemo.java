package com.acme.fleet;

import dev.switchboard.core.diag.Reporter;
import dev.switchboard.core.inspect.BreakingOptions;
import dev.switchboard.core.inspect.Format;
import dev.switchboard.core.publish.FleetConnections;
import dev.switchboard.core.publish.FleetNames;
import dev.switchboard.core.publish.FleetService;
import dev.switchboard.core.publish.FleetView;
import dev.switchboard.runtime.ClientSettings;
import dev.switchboard.runtime.live.LiveRegistry;
import dev.switchboard.runtime.registry.Registry;
import dev.switchboard.runtime.registry.RegistryCodec;
import dev.switchboard.runtime.registry.RegistryFormat;
import dev.switchboard.runtime.registry.ServiceEntry;
import dev.switchboard.runtime.registry.ServiceKind;
import dev.switchboard.runtime.resolve.DynamicClients;
import dev.switchboard.zookeeper.ZooKeeperConnection;
import java.io.PrintStream;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.TreeSet;
import org.apache.curator.test.TestingServer;

/**
 * The fleet in one process: an embedded ZooKeeper, the registry the build wrote published to it, two
 * application instances following it, a second publish that adds a service, the fleet listing, a rollback.
 *
 * <p>An application does what {@link #instance} does through its generated wrapper:
 * {@code DynamicServiceClients.builder().zookeeper(connect, PATH).build()}, which calls
 * {@link DynamicClients#liveRegistry} with the same settings.
 */
public final class FleetDemo {
    static final String PATH = "/switchboard/shop";

    private FleetDemo() {}

    public static void main(String[] args) throws Exception {
        run(Path.of(args.length > 0 ? args[0] : "target/switchboard/registry.json"), System.out);
    }

    /** Runs the demo, printing what happens on {@code out}. */
    static void run(Path registryFile, PrintStream out) throws Exception {
        Reporter reporter = reporter(out);
        try (TestingServer zookeeper = new TestingServer(true)) {
            String connect = zookeeper.getConnectString();
            out.println("== an embedded ZooKeeper at " + connect);
            ZooKeeperConnection connection =
                    FleetConnections.of(connect, PATH, Optional.empty(), List.of(), FleetNames.CLI, name -> null);
            FleetService fleet = new FleetService(FleetNames.CLI, reporter);

            out.println("== publish the registry the build wrote");
            Registry first = RegistryCodec.read(registryFile);
            publish(fleet, connection, first);

            out.println("== two instances follow it");
            List<LiveRegistry> instances = new ArrayList<>();
            for (String name : List.of("shop-a", "shop-b")) {
                LiveRegistry live = instance(connect, name);
                live.addListener(change -> out.println("   " + name + " switched: " + change));
                instances.add(live);
                out.println("   " + name + " serves " + names(live.current()));
            }

            out.println("== publish a second version that adds a service");
            List<ServiceEntry> services = new ArrayList<>(first.services());
            services.add(ServiceEntry.builder("payments", ServiceKind.HTTP)
                    .description("Payments, served over REST")
                    .build());
            Registry second = Registry.of(fingerprint(services), services);
            publish(fleet, connection, second);
            await(() -> instances.stream().allMatch(i -> second.equals(i.current())));

            out.println("== the fleet");
            await(() -> fleet.fleet(connection).versions().get(0).instances().size() == 2);
            out.print(FleetView.render(fleet.fleet(connection), Format.TABLE));

            out.println("== roll the fleet back");
            fleet.rollback(connection, OptionalLong.empty());
            await(() -> instances.stream().allMatch(i -> first.equals(i.current())));
            for (int i = 0; i < instances.size(); i++) {
                out.println("   shop-" + (char) ('a' + i) + " serves " + names(instances.get(i).current()));
                instances.get(i).close();
            }
        }
    }

    /** One application instance: what {@code DynamicServiceClients.builder().zookeeper(…)} builds. */
    static LiveRegistry instance(String connect, String name) {
        System.setProperty("switchboard.zookeeper.instance", name);
        try {
            ClientSettings settings =
                    ClientSettings.builder().registryZookeeper(connect, PATH).build();
            return DynamicClients.liveRegistry(settings, FleetDemo.class.getClassLoader(), true);
        } finally {
            System.clearProperty("switchboard.zookeeper.instance");
        }
    }

    private static void publish(FleetService fleet, ZooKeeperConnection connection, Registry registry)
            throws Exception {
        fleet.publish(new FleetService.PublishRequest(
                registry, connection, "demo@example", 20, false, BreakingOptions.DEFAULT));
    }

    /** The build fingerprints the inputs; here the services stand in for them. */
    private static String fingerprint(List<ServiceEntry> services) throws Exception {
        byte[] json = RegistryCodec.writeBytes(Registry.of(null, services), RegistryFormat.JSON);
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(json));
    }

    private static TreeSet<String> names(Registry registry) {
        TreeSet<String> names = new TreeSet<>();
        registry.services().forEach(s -> names.add(s.name()));
        return names;
    }

    /** Followers switch on their own threads; the demo waits for them, up to 30 s. */
    private static void await(Check check) throws Exception {
        long deadline = System.nanoTime() + 30_000_000_000L;
        while (!check.holds()) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("the instances did not switch within 30 s");
            }
            Thread.sleep(20);
        }
    }

    @FunctionalInterface
    private interface Check {
        boolean holds() throws Exception;
    }

    private static Reporter reporter(PrintStream out) {
        return new Reporter() {
            @Override
            public void info(String message) {
                out.println("   " + message);
            }

            @Override
            public void warn(String message) {
                out.println("   WARNING " + message);
            }

            @Override
            public void error(String message) {
                out.println("   ERROR " + message);
            }
        };
    }

}
