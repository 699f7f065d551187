package dev.switchboard.zookeeper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.switchboard.runtime.live.LiveRegistry;
import dev.switchboard.runtime.live.RegistryChange;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.curator.framework.CuratorFramework;
import org.apache.curator.framework.CuratorFrameworkFactory;
import org.apache.curator.retry.RetryOneTime;
import org.apache.curator.test.InstanceSpec;
import org.apache.curator.test.TestingServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ZooKeeperFollowerTest {
    private static final String PATH = "/switchboard/shop";
    private static final Duration WAIT = Duration.ofSeconds(20);

    @TempDir
    Path dir;

    private TestingServer server;
    private final List<AutoCloseable> open = new ArrayList<>();

    @AfterEach
    void closeAll() throws Exception {
        for (int i = open.size() - 1; i >= 0; i--) {
            open.get(i).close();
        }
        if (server != null) {
            server.close();
        }
    }

    private ZooKeeperConnection connection(String connect) {
        return ZooKeeperConnection.of(new ZooKeeperLocation(connect, PATH))
                .withTimeouts(Registries.TIMEOUT, Duration.ofSeconds(4));
    }

    private RegistryStore store() {
        RegistryStore store = RegistryStore.connect(connection(server.getConnectString()));
        open.add(store);
        return store;
    }

    private static void publish(RegistryStore store, byte[] json) {
        store.publish(json, "alice@build", RegistryStore.DEFAULT_KEEP, Layout.DEFAULT_CHUNK_BYTES);
    }

    private Followed follow(String connect, Optional<Path> fallback, boolean failFast) {
        ZooKeeperFollower follower = new ZooKeeperFollower(
                connection(connect),
                Duration.ofMillis(1500),
                ZooKeeperFollower.defaultInstanceId(),
                LiveRegistry.DEFAULT_MAX_BYTES);
        LiveRegistry live = LiveRegistry.following(
                follower, fallback, getClass().getClassLoader(), failFast, LiveRegistry.DEFAULT_MAX_BYTES);
        open.add(live);
        Followed followed = new Followed(follower, live, new CopyOnWriteArrayList<>());
        live.addListener(followed.changes::add);
        return followed;
    }

    private record Followed(ZooKeeperFollower follower, LiveRegistry live, List<RegistryChange> changes) {
        String fingerprint() {
            return live.current().fingerprint();
        }

        void awaitFingerprint(String expected) {
            Await.until("the follower to serve " + expected, WAIT, () -> expected.equals(fingerprint()));
        }
    }

    @Test
    @DisplayName(
            "A follower serves the version in force and swaps in the next one with the same change event as a file")
    void followsPublishes() {
        server = startServer();
        RegistryStore store = store();
        publish(store, Registries.json("one", "users", "orders"));
        Followed f = follow(server.getConnectString(), Optional.empty(), true);
        assertThat(f.fingerprint()).isEqualTo("fp-one");

        publish(store, Registries.json("two", "users", "billing"));
        f.awaitFingerprint("fp-two");
        Await.until("the change event", WAIT, () -> !f.changes().isEmpty());

        assertThat(f.changes()).hasSize(1);
        RegistryChange change = f.changes().get(0);
        assertThat(change.added()).containsExactly("billing");
        assertThat(change.removed()).containsExactly("orders");
        assertThat(change.changed()).containsExactly("users");
        assertThat(f.live().sourceName()).isEqualTo("zookeeper " + server.getConnectString() + PATH);
        Await.until(
                "the instance node to name version 2",
                WAIT,
                () -> store.instances().stream()
                        .anyMatch(i -> i.instance().equals(f.follower().instanceId())
                                && i.version() == 2
                                && "fp-two".equals(i.fingerprint())));
    }

    @Test
    @DisplayName("A googleapis-sized version is followed whole")
    void followsLargeVersion() {
        server = startServer();
        RegistryStore store = store();
        publish(store, Registries.json("one", "users"));
        Followed f = follow(server.getConnectString(), Optional.empty(), true);

        publish(store, Registries.googleapisSized(3));
        f.awaitFingerprint("googleapis-3");
        Await.until("the change event", WAIT, () -> !f.changes().isEmpty());
        assertThat(f.live().current().services()).hasSize(1_700);
        assertThat(f.changes().get(0).added()).hasSize(1_700);
    }

    @Test
    @DisplayName(
            "A version that does not validate is logged and ignored; the last good stays and the next good is taken")
    void invalidVersionIgnored() throws Exception {
        server = startServer();
        RegistryStore store = store();
        publish(store, Registries.json("one", "users"));
        Followed f = follow(server.getConnectString(), Optional.empty(), true);

        byte[] invalid = "{\"schemaVersion\": 1, \"services\": [{\"name\": \"x\"}]}".getBytes();
        try (CuratorFramework raw = rawClient(server.getConnectString())) {
            byte[] stored = Layout.compress(invalid);
            VersionInfo info = new VersionInfo(
                    2,
                    "fp-bad",
                    "mallory",
                    "now",
                    invalid.length,
                    stored.length,
                    1,
                    Layout.sha256(invalid),
                    1,
                    List.of(),
                    List.of(),
                    List.of());
            Layout layout = new Layout(PATH);
            raw.create().forPath(layout.version(2), Layout.toJson(info));
            raw.create().forPath(layout.chunk(2, 0), stored);
            raw.setData().forPath(layout.pointer(), Layout.pointerData(2));
        }
        Await.until("the invalid version to be refused", WAIT, () -> f.live().rejected() == 1);
        assertThat(f.fingerprint()).isEqualTo("fp-one");
        assertThat(f.changes()).isEmpty();

        publish(store, Registries.json("three", "users", "orders"));
        f.awaitFingerprint("fp-three");
    }

    @Test
    @DisplayName("Rolling the fleet back swaps every follower back")
    void rollbackReachesFollowers() {
        server = startServer();
        RegistryStore store = store();
        publish(store, Registries.json("one", "users"));
        publish(store, Registries.json("two", "users", "orders"));
        Followed a = follow(server.getConnectString(), Optional.empty(), true);
        Followed b = follow(server.getConnectString(), Optional.empty(), true);

        store.rollback(OptionalLong.empty());
        a.awaitFingerprint("fp-one");
        b.awaitFingerprint("fp-one");
        Await.until("the change event", WAIT, () -> !a.changes().isEmpty());
        assertThat(a.changes().get(0).removed()).containsExactly("orders");
        Await.until(
                "both instances to report version 1",
                WAIT,
                () -> store.instances().stream().filter(i -> i.version() == 1).count() == 2);
    }

    @Test
    @DisplayName(
            "Started with ZooKeeper down, a follower serves the registry file, then switches when ZooKeeper answers")
    void startsWithZooKeeperDown() throws Exception {
        int port = InstanceSpec.getRandomPort();
        String connect = "127.0.0.1:" + port;
        Path file = dir.resolve("registry.json");
        Files.write(file, Registries.json("file", "users"));
        Followed f = follow(connect, Optional.of(file), false);
        assertThat(f.fingerprint()).isEqualTo("fp-file");

        server = new TestingServer(port, true);
        publish(store(), Registries.json("zk", "users", "orders"));
        f.awaitFingerprint("fp-zk");
        Await.until("the change event", WAIT, () -> !f.changes().isEmpty());
        assertThat(f.changes())
                .singleElement()
                .satisfies(c -> assertThat(c.added()).containsExactly("orders"));
    }

    @Test
    @DisplayName("With failFast, a ZooKeeper that does not answer at start is an error naming it")
    void failFast() {
        String connect = "127.0.0.1:" + InstanceSpec.getRandomPort();
        assertThatThrownBy(() -> follow(connect, Optional.empty(), true))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("cannot use the registry of zookeeper " + connect + PATH)
                .hasMessageContaining("did not answer within 1500 ms")
                .hasMessageContaining("failFast is set");
    }

    @Test
    @DisplayName("Connection loss keeps the last good registry; after the server is back the follower catches up")
    void connectionLossKeepsLastGood() throws Exception {
        server = startServer();
        publish(store(), Registries.json("one", "users"));
        Followed f = follow(server.getConnectString(), Optional.empty(), true);

        server.stop();
        Thread.sleep(1000);
        assertThat(f.fingerprint()).isEqualTo("fp-one");

        server.restart();
        try (RegistryStore again = RegistryStore.connect(connection(server.getConnectString()))) {
            publish(again, Registries.json("two", "users", "orders"));
        }
        f.awaitFingerprint("fp-two");
    }

    @Test
    @DisplayName("After a session expiry the follower catches up and its instance node comes back")
    void sessionExpiry() throws Exception {
        server = startServer();
        RegistryStore store = store();
        publish(store, Registries.json("one", "users"));
        Followed f = follow(server.getConnectString(), Optional.empty(), true);
        String id = f.follower().instanceId();
        Await.until(
                "the instance node",
                WAIT,
                () -> store.instances().stream().anyMatch(i -> i.instance().equals(id)));

        f.follower().client().getZookeeperClient().getZooKeeper().getTestable().injectSessionExpiration();
        publish(store, Registries.json("two", "users", "orders"));

        f.awaitFingerprint("fp-two");
        Await.until(
                "the instance node to be back with version 2",
                WAIT,
                () -> store.instances().stream().anyMatch(i -> i.instance().equals(id) && i.version() == 2));
    }

    private static TestingServer startServer() {
        try {
            return new TestingServer(true);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static CuratorFramework rawClient(String connect) throws InterruptedException {
        CuratorFramework client = CuratorFrameworkFactory.newClient(connect, new RetryOneTime(100));
        client.start();
        client.blockUntilConnected();
        return client;
    }
}
