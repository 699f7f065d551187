package dev.switchboard.zookeeper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import org.apache.curator.framework.CuratorFramework;
import org.apache.curator.framework.CuratorFrameworkFactory;
import org.apache.curator.retry.RetryOneTime;
import org.apache.curator.test.TestingServer;
import org.apache.zookeeper.KeeperException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class RegistryStoreTest {
    private static final String PATH = "/switchboard/shop";

    private TestingServer server;
    private final List<RegistryStore> stores = new ArrayList<>();

    @BeforeEach
    void startServer() throws Exception {
        server = new TestingServer(true);
    }

    @AfterEach
    void stopServer() throws Exception {
        stores.forEach(RegistryStore::close);
        server.close();
    }

    private ZooKeeperConnection connection() {
        return ZooKeeperConnection.of(new ZooKeeperLocation(server.getConnectString(), PATH))
                .withTimeouts(Registries.TIMEOUT, Duration.ofSeconds(10));
    }

    private RegistryStore store(ZooKeeperConnection connection) {
        RegistryStore store = RegistryStore.connect(connection);
        stores.add(store);
        return store;
    }

    private RegistryStore store() {
        return store(connection());
    }

    private static PublishResult publish(RegistryStore store, byte[] json) {
        return store.publish(json, "alice@build", RegistryStore.DEFAULT_KEEP, Layout.DEFAULT_CHUNK_BYTES);
    }

    @Test
    @DisplayName("A published registry reads back byte for byte, with who published it and what it changed")
    void publishesAndReadsBack() {
        RegistryStore store = store();
        PublishResult first = publish(store, Registries.json("one", "users", "orders"));
        PublishResult second = publish(store, Registries.json("two", "users", "billing"));

        assertThat(first.unchanged()).isFalse();
        assertThat(first.published().version()).isEqualTo(1);
        assertThat(first.published().added()).containsExactly("orders", "users");
        assertThat(second.published().version()).isEqualTo(2);
        assertThat(second.previous()).map(VersionInfo::version).contains(1L);
        assertThat(second.published().added()).containsExactly("billing");
        assertThat(second.published().removed()).containsExactly("orders");
        assertThat(second.published().changed()).containsExactly("users");
        assertThat(second.published().publisher()).isEqualTo("alice@build");
        assertThat(second.published().fingerprint()).isEqualTo("fp-two");
        assertThat(store.current()).map(VersionInfo::version).contains(2L);
        assertThat(store.read(1)).isEqualTo(Registries.json("one", "users", "orders"));
    }

    @Test
    @DisplayName("A registry whose fingerprint is in force publishes nothing and says so")
    void unchangedPublishesNothing() {
        RegistryStore store = store();
        publish(store, Registries.json("one", "users"));
        PublishResult again = publish(store, Registries.json("one", "users"));

        assertThat(again.unchanged()).isTrue();
        assertThat(again.published().version()).isEqualTo(1);
        assertThat(store.versions()).hasSize(1);
    }

    @Test
    @DisplayName("An invalid registry is refused before anything is written")
    void invalidRegistryWritesNothing() throws Exception {
        RegistryStore store = store();
        assertThatThrownBy(() -> publish(store, "{\"schemaVersion\": 1, \"services\": [{}]}".getBytes()))
                .isInstanceOf(FleetException.class)
                .hasMessageContaining("services[0]")
                .hasMessageContaining("nothing was published");
        try (CuratorFramework raw = rawClient(Optional.empty())) {
            assertThat(raw.checkExists().forPath(PATH)).isNull();
        }
    }

    @Test
    @DisplayName("A googleapis-sized registry is stored in compressed chunks and reads back byte for byte")
    void googleapisSizedRoundTrip() {
        RegistryStore store = store();
        byte[] json = Registries.googleapisSized(7);
        PublishResult result = publish(store, json);

        assertThat(result.published().services()).isEqualTo(1_700);
        assertThat(result.published().chunks()).isGreaterThan(1);
        assertThat(result.published().storedBytes()).isLessThan(json.length);
        assertThat(store.read(result.published().version())).isEqualTo(json);
    }

    @Test
    @DisplayName("Of two publishers that read the same version in force, exactly one wins; the loser is told which won")
    void racingPublishersOneWins() {
        RegistryStore winner = store();
        RegistryStore loser = store();
        publish(winner, Registries.json("base", "users"));
        loser.beforeWriting(() -> publish(winner, Registries.json("winner", "users", "orders")));

        assertThatThrownBy(() -> publish(loser, Registries.json("loser", "users", "billing")))
                .isInstanceOfSatisfying(
                        FleetException.class, e -> assertThat(e.reason()).isEqualTo(FleetException.Reason.CONFLICT))
                .hasMessageContaining("version 2 (fingerprint fp-winner, published by alice@build")
                .hasMessageContaining("run switchboard fleet");
        assertThat(winner.current()).map(VersionInfo::fingerprint).contains("fp-winner");
        assertThat(winner.versions()).extracting(VersionInfo::fingerprint).containsExactly("fp-winner", "fp-base");
    }

    @Test
    @DisplayName("Publishers that start at once each win at most one version number, and the pointer names a winner")
    void concurrentPublishers() throws Exception {
        int publishers = 6;
        CyclicBarrier start = new CyclicBarrier(publishers);
        ExecutorService pool = Executors.newFixedThreadPool(publishers);
        List<Future<Object>> outcomes = new ArrayList<>();
        for (int i = 0; i < publishers; i++) {
            RegistryStore store = store();
            String label = "p" + i;
            outcomes.add(pool.submit(() -> {
                start.await();
                try {
                    return publish(store, Registries.json(label, "users", label));
                } catch (FleetException e) {
                    return e;
                }
            }));
        }
        List<Long> won = new ArrayList<>();
        for (Future<Object> outcome : outcomes) {
            Object result = outcome.get();
            if (result instanceof PublishResult r) {
                won.add(r.published().version());
            } else {
                FleetException e = (FleetException) result;
                assertThat(e.reason()).isEqualTo(FleetException.Reason.CONFLICT);
                assertThat(e.getMessage()).containsPattern("version \\d+ \\(fingerprint fp-p\\d");
            }
        }
        pool.shutdown();
        RegistryStore reader = store();
        assertThat(won).isNotEmpty().doesNotHaveDuplicates();
        assertThat(reader.current())
                .map(VersionInfo::version)
                .contains(won.stream().max(Long::compare).orElseThrow());
        assertThat(reader.versions()).hasSize(won.size());
    }

    @Test
    @DisplayName("Retention keeps the newest versions and deletes older ones only after the pointer moved")
    void retention() {
        RegistryStore store = store();
        for (int v = 1; v <= 5; v++) {
            store.publish(Registries.json("v" + v, "users"), "alice@build", 3, Layout.DEFAULT_CHUNK_BYTES);
        }
        assertThat(store.versions()).extracting(VersionInfo::version).containsExactly(5L, 4L, 3L);

        store.rollback(OptionalLong.of(3));
        PublishResult sixth =
                store.publish(Registries.json("v6", "users"), "alice@build", 2, Layout.DEFAULT_CHUNK_BYTES);
        assertThat(sixth.deleted()).containsExactly(3L, 4L);
        assertThat(store.versions()).extracting(VersionInfo::version).containsExactly(6L, 5L);
    }

    @Test
    @DisplayName("Rollback moves the pointer one version back, or to the version asked for, and says what is kept")
    void rollback() {
        RegistryStore store = store();
        for (int v = 1; v <= 3; v++) {
            publish(store, Registries.json("v" + v, "users"));
        }
        assertThat(store.rollback(OptionalLong.empty()).version()).isEqualTo(2);
        assertThat(store.current()).map(VersionInfo::version).contains(2L);
        assertThat(store.rollback(OptionalLong.of(3)).version()).isEqualTo(3);
        assertThat(store.rollback(OptionalLong.of(1)).version()).isEqualTo(1);
        assertThatThrownBy(() -> store.rollback(OptionalLong.empty()))
                .hasMessageContaining("version 1 is the oldest kept")
                .hasMessageContaining("nothing older to roll back to");
        assertThatThrownBy(() -> store.rollback(OptionalLong.of(9)))
                .hasMessageContaining("version 9 is not kept")
                .hasMessageContaining("[1, 2, 3]");

        // Publishing after a rollback takes the next free number, not the one after the version in force.
        assertThat(publish(store, Registries.json("v4", "users")).published().version())
                .isEqualTo(4);
    }

    @Test
    @DisplayName("A publish judged against one version fails as a lost race when another is in force by then")
    void publishJudgedAgainstAnOlderVersionLoses() {
        RegistryStore store = store();
        publish(store, Registries.json("v1", "users"));
        publish(store, Registries.json("v2", "users", "orders"));

        assertThatThrownBy(() -> store.publish(
                        Registries.json("v3", "users"),
                        "bob@build",
                        RegistryStore.DEFAULT_KEEP,
                        RegistryStore.DEFAULT_CHUNK_BYTES,
                        OptionalLong.of(1)))
                .isInstanceOfSatisfying(
                        FleetException.class, e -> assertThat(e.reason()).isEqualTo(FleetException.Reason.CONFLICT))
                .hasMessageContaining("version 2 (fingerprint fp-v2");
        assertThat(store.current()).map(VersionInfo::fingerprint).contains("fp-v2");
        assertThat(store.versions()).hasSize(2);
    }

    @Test
    @DisplayName("Rollback refuses a version with a missing chunk and leaves the pointer where it was")
    void rollbackRefusesAnIncompleteVersion() throws Exception {
        RegistryStore store = store();
        publish(store, Registries.json("v1", "users"));
        publish(store, Registries.json("v2", "users", "orders"));
        try (CuratorFramework raw = rawClient(Optional.empty())) {
            raw.delete().forPath(PATH + "/versions/v-0000000001/c-00000");
        }

        assertThatThrownBy(() -> store.rollback(OptionalLong.empty()))
                .isInstanceOfSatisfying(
                        FleetException.class, e -> assertThat(e.reason()).isEqualTo(FleetException.Reason.NOT_FOUND))
                .hasMessageContaining("version 1 under")
                .hasMessageContaining("is incomplete")
                .hasMessageContaining("roll back to another version");
        assertThat(store.current()).map(VersionInfo::version).contains(2L);
    }

    static Stream<Arguments> foreignVersionNodes() {
        return Stream.of(
                Arguments.of("{\"version\": 1", "not JSON: line 1, column 14"),
                Arguments.of("{\"version\": 1}", "a field is missing or not what switchboard writes"),
                Arguments.of(
                        "{\"version\": \"one\"}", "its field \"version\" is missing or not what switchboard writes"));
    }

    @ParameterizedTest
    @MethodSource("foreignVersionNodes")
    @DisplayName("A version node that another tool wrote is reported in words, without Jackson's or Java's type names")
    void foreignVersionNode(String foreign, String whatIsWrong) throws Exception {
        RegistryStore store = store();
        publish(store, Registries.json("v1", "users"));
        try (CuratorFramework raw = rawClient(Optional.empty())) {
            raw.setData().forPath(PATH + "/versions/v-0000000001", foreign.getBytes(StandardCharsets.UTF_8));
        }

        assertThatThrownBy(store::versions)
                .isInstanceOfSatisfying(
                        FleetException.class, e -> assertThat(e.reason()).isEqualTo(FleetException.Reason.INVALID))
                .hasMessage(PATH + "/versions/v-0000000001 does not hold what switchboard writes there (" + whatIsWrong
                        + "); remove it, or publish again");
    }

    @Test
    @DisplayName("Published nodes can be changed only by the publishing identity, and read only by named readers")
    void acls() throws Exception {
        ZooKeeperAuth publisher = ZooKeeperAuth.of("publisher:s3cret", "test");
        ZooKeeperAuth reader = ZooKeeperAuth.of("reader:r3ad", "test");
        RegistryStore store =
                store(connection().withAuth(Optional.of(publisher)).withReaders(List.of(reader.digestId())));
        publish(store, Registries.json("one", "users"));
        String version = PATH + "/versions/" + Layout.versionName(1);

        try (CuratorFramework anonymous = rawClient(Optional.empty())) {
            assertThatThrownBy(() -> anonymous.setData().forPath(version, new byte[0]))
                    .isInstanceOf(KeeperException.NoAuthException.class);
            assertThatThrownBy(
                            () -> anonymous.delete().deletingChildrenIfNeeded().forPath(version))
                    .isInstanceOf(KeeperException.NoAuthException.class);
            assertThatThrownBy(() -> anonymous.setData().forPath(PATH + "/current", "9".getBytes()))
                    .isInstanceOf(KeeperException.NoAuthException.class);
            assertThatThrownBy(() -> anonymous.getData().forPath(version))
                    .isInstanceOf(KeeperException.NoAuthException.class);
        }
        try (CuratorFramework readerClient = rawClient(Optional.of(reader))) {
            assertThat(readerClient.getData().forPath(PATH + "/current")).isEqualTo("1".getBytes());
            assertThatThrownBy(() -> readerClient.setData().forPath(PATH + "/current", "9".getBytes()))
                    .isInstanceOf(KeeperException.NoAuthException.class);
        }
        RegistryStore intruder = store(connection().withAuth(Optional.of(reader)));
        assertThatThrownBy(() -> publish(intruder, Registries.json("two", "users")))
                .isInstanceOfSatisfying(
                        FleetException.class, e -> assertThat(e.reason()).isEqualTo(FleetException.Reason.DENIED))
                .hasMessageContaining("the identity reader may not change it")
                .hasMessageContaining(ZooKeeperAuth.VARIABLE);
        assertThat(store.current()).map(VersionInfo::version).contains(1L);
    }

    @Test
    @DisplayName("With no server answering, connecting fails within the timeout with what to check")
    void unreachable() throws Exception {
        server.stop();
        assertThatThrownBy(this::store)
                .isInstanceOfSatisfying(
                        FleetException.class, e -> assertThat(e.reason()).isEqualTo(FleetException.Reason.UNREACHABLE))
                .hasMessageContaining("did not answer within 2000 ms")
                .hasMessageContaining("lost its quorum")
                .hasMessageContaining("nothing was changed");
    }

    private CuratorFramework rawClient(Optional<ZooKeeperAuth> auth) throws InterruptedException {
        CuratorFrameworkFactory.Builder builder = CuratorFrameworkFactory.builder()
                .connectString(server.getConnectString())
                .retryPolicy(new RetryOneTime(100));
        auth.ifPresent(a -> builder.authorization("digest", a.bytes()));
        CuratorFramework client = builder.build();
        client.start();
        client.blockUntilConnected();
        return client;
    }
}
