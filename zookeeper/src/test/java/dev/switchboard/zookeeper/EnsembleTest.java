package dev.switchboard.zookeeper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.switchboard.runtime.live.LiveRegistry;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.curator.test.InstanceSpec;
import org.apache.curator.test.TestingCluster;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Three real ZooKeeper servers in the test JVM, on loopback: what the fleet does as servers go and come. */
class EnsembleTest {
    private static final String PATH = "/switchboard/shop";
    private static final Duration WAIT = Duration.ofSeconds(40);

    private TestingCluster cluster;
    private final List<AutoCloseable> open = new ArrayList<>();

    @BeforeEach
    void startCluster() throws Exception {
        cluster = new TestingCluster(specs(3));
        cluster.start();
    }

    /**
     * Servers on nine distinct loopback ports. {@code new TestingCluster(3)} picks each port by opening and
     * closing a socket, so two of one server's ports could be the same one handed out twice ("Client and
     * election port must be different"); here every socket stays open until all nine are known.
     */
    private static List<InstanceSpec> specs(int servers) throws IOException {
        List<ServerSocket> held = new ArrayList<>();
        try {
            for (int i = 0; i < servers * 3; i++) {
                held.add(new ServerSocket(0, 1, InetAddress.getLoopbackAddress()));
            }
            List<InstanceSpec> specs = new ArrayList<>();
            for (int i = 0; i < servers; i++) {
                specs.add(new InstanceSpec(
                        null,
                        held.get(3 * i).getLocalPort(),
                        held.get(3 * i + 1).getLocalPort(),
                        held.get(3 * i + 2).getLocalPort(),
                        true,
                        i + 1));
            }
            return specs;
        } finally {
            for (ServerSocket socket : held) {
                socket.close();
            }
        }
    }

    @AfterEach
    void stopCluster() throws Exception {
        for (int i = open.size() - 1; i >= 0; i--) {
            open.get(i).close();
        }
        cluster.close();
    }

    private ZooKeeperConnection connection() {
        return ZooKeeperConnection.of(new ZooKeeperLocation(cluster.getConnectString(), PATH))
                .withTimeouts(Registries.TIMEOUT, Duration.ofSeconds(6));
    }

    private RegistryStore store() {
        RegistryStore store = RegistryStore.connect(connection());
        open.add(store);
        return store;
    }

    private LiveRegistry follow() {
        ZooKeeperFollower follower = new ZooKeeperFollower(
                connection(),
                Duration.ofSeconds(5),
                ZooKeeperFollower.defaultInstanceId(),
                LiveRegistry.DEFAULT_MAX_BYTES);
        LiveRegistry live = LiveRegistry.following(
                follower, Optional.empty(), getClass().getClassLoader(), true, LiveRegistry.DEFAULT_MAX_BYTES);
        open.add(live);
        return live;
    }

    private static void publish(RegistryStore store, String label, String... names) {
        store.publish(
                Registries.json(label, names), "alice@build", RegistryStore.DEFAULT_KEEP, Layout.DEFAULT_CHUNK_BYTES);
    }

    private static void awaitAll(List<LiveRegistry> followers, String fingerprint) {
        Await.until(
                "every follower to serve " + fingerprint,
                WAIT,
                () -> followers.stream()
                        .allMatch(f -> fingerprint.equals(f.current().fingerprint())));
    }

    @Test
    @DisplayName("With one of three servers stopped, publishing and following go on")
    void oneServerDown() throws Exception {
        publish(store(), "one", "users");
        List<LiveRegistry> followers = List.of(follow(), follow(), follow());

        List<InstanceSpec> servers = new ArrayList<>(cluster.getInstances());
        assertThat(cluster.killServer(servers.get(0))).isTrue();

        publish(store(), "two", "users", "orders");
        awaitAll(followers, "fp-two");
    }

    @Test
    @DisplayName(
            "With the quorum lost, followers keep serving and publishing fails clearly; once it is back they catch up")
    void quorumLost() throws Exception {
        RegistryStore store = store();
        publish(store, "one", "users");
        List<LiveRegistry> followers = List.of(follow(), follow());

        List<InstanceSpec> servers = new ArrayList<>(cluster.getInstances());
        cluster.killServer(servers.get(0));
        cluster.killServer(servers.get(1));

        assertThatThrownBy(() -> publish(store, "two", "users", "orders"))
                .isInstanceOfSatisfying(
                        FleetException.class, e -> assertThat(e.reason()).isEqualTo(FleetException.Reason.UNREACHABLE))
                .hasMessageContaining("lost its quorum")
                .hasMessageContaining("nothing was changed");
        assertThatThrownBy(this::store).hasMessageContaining("did not answer within 2000 ms");
        assertThat(followers)
                .allSatisfy(f -> assertThat(f.current().fingerprint()).isEqualTo("fp-one"));

        cluster.restartServer(servers.get(0));
        cluster.restartServer(servers.get(1));
        Await.until("the ensemble to take a publish again", WAIT, () -> {
            try (RegistryStore again = RegistryStore.connect(connection())) {
                publish(again, "two", "users", "orders");
                return true;
            } catch (FleetException e) {
                return false;
            }
        });
        awaitAll(followers, "fp-two");
    }
}
