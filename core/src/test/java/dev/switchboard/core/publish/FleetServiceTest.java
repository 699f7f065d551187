package dev.switchboard.core.publish;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.switchboard.core.diag.FindingException;
import dev.switchboard.core.diag.InputException;
import dev.switchboard.core.diag.Reporter;
import dev.switchboard.core.inspect.BreakingOptions;
import dev.switchboard.core.inspect.Format;
import dev.switchboard.runtime.registry.Registry;
import dev.switchboard.runtime.registry.ServiceEntry;
import dev.switchboard.runtime.registry.ServiceKind;
import dev.switchboard.zookeeper.PublishResult;
import dev.switchboard.zookeeper.ZooKeeperConnection;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.stream.Stream;
import org.apache.curator.test.InstanceSpec;
import org.apache.curator.test.TestingServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class FleetServiceTest {
    private TestingServer server;
    private final List<String> log = new ArrayList<>();
    private final Reporter reporter = new Reporter() {
        @Override
        public void info(String message) {
            log.add(message);
        }

        @Override
        public void warn(String message) {
            log.add("WARN " + message);
        }

        @Override
        public void error(String message) {
            log.add("ERROR " + message);
        }
    };
    private final FleetService service = new FleetService(FleetNames.CLI, reporter);

    @TempDir
    Path dir;

    @BeforeEach
    void start() throws Exception {
        server = new TestingServer(true);
    }

    @AfterEach
    void stop() throws Exception {
        server.close();
    }

    private ZooKeeperConnection connection() throws InputException {
        return FleetConnections.of(
                server.getConnectString(), "/switchboard/shop", Optional.empty(), List.of(), FleetNames.CLI, v -> null);
    }

    private static Registry registry(String fingerprint, String... names) {
        return Registry.of(
                fingerprint,
                Stream.of(names)
                        .map(n -> ServiceEntry.builder(n, ServiceKind.HTTP).build())
                        .toList());
    }

    private PublishResult publish(Registry registry, boolean allowBreaking) throws Exception {
        return service.publish(new FleetService.PublishRequest(
                registry, connection(), "alice@build", 20, allowBreaking, BreakingOptions.DEFAULT));
    }

    @Test
    @DisplayName("Publishing says what it published; the same fingerprint again publishes nothing and says so")
    void publishesOnceThenNothing() throws Exception {
        assertThat(publish(registry("aaa", "users"), false).published().version())
                .isEqualTo(1);
        PublishResult again = publish(registry("aaa", "users"), false);

        assertThat(again.unchanged()).isTrue();
        assertThat(log)
                .anySatisfy(l -> assertThat(l).startsWith("switchboard: published version 1 to 127.0.0.1:"))
                .anySatisfy(l -> assertThat(l).contains("already has fingerprint aaa; nothing published"));
    }

    @Test
    @DisplayName("The gate refuses a breaking change, naming it and the switch; allowing breaking changes passes it")
    void gate() throws Exception {
        publish(registry("aaa", "users", "orders"), false);

        assertThatThrownBy(() -> publish(registry("bbb", "users"), false))
                .isInstanceOfSatisfying(FindingException.class, e -> {
                    assertThat(e.summary())
                            .contains("1 breaking change(s) against version 1")
                            .contains("nothing was published")
                            .contains("--allow-breaking");
                    assertThat(e.findings()).anySatisfy(f -> assertThat(f).contains("orders"));
                });
        assertThat(service.fleet(connection()).current()).isEqualTo(1);

        assertThat(publish(registry("bbb", "users"), true).published().version())
                .isEqualTo(2);
        assertThat(log).anySatisfy(l -> assertThat(l).startsWith("WARN switchboard: publishing 1 breaking change(s)"));
    }

    @Test
    @DisplayName("The fleet lists versions newest first with the version in force marked, as a table or JSON")
    void fleetListing() throws Exception {
        publish(registry("aaa", "users"), false);
        publish(registry("bbb", "users", "orders"), false);
        FleetListing listing = service.fleet(connection());

        assertThat(listing.current()).isEqualTo(2);
        String table = FleetView.render(listing, Format.TABLE);
        assertThat(table.lines().toList()).first().asString().endsWith("/switchboard/shop: version 2 in force (*)");
        assertThat(table).containsPattern("\\*\\s+2\\s+bbb\\s+\\S+\\s+alice@build\\s+2\\s+1\\s+0\\s+0\\s+0");
        assertThat(FleetView.render(listing, Format.JSON))
                .contains("\"current\" : 2")
                .contains("\"publisher\" : \"alice@build\"");
    }

    @Test
    @DisplayName("Rollback moves the fleet back and says from which version to which")
    void rollback() throws Exception {
        publish(registry("aaa", "users"), false);
        publish(registry("bbb", "users", "orders"), false);

        assertThat(service.rollback(connection(), OptionalLong.empty()).version())
                .isEqualTo(1);
        assertThat(log).anySatisfy(l -> assertThat(l).contains("back from version 2 to version 1 (fingerprint aaa"));
    }

    static Stream<Arguments> badSettings() {
        return Stream.of(
                Arguments.of(
                        null,
                        "/switchboard/shop",
                        null,
                        List.of("--zookeeper: no ZooKeeper to talk to", "e.g. --zookeeper=")),
                Arguments.of("zk1:2181/extra", "/switchboard/shop", null, List.of("--zookeeper:", "give host:port")),
                Arguments.of("127.0.0.1:2181", "switchboard/shop", null, List.of("--path:", "an absolute path")),
                Arguments.of("127.0.0.1:2181", "/switchboard/", null, List.of("--path:", "without a trailing '/'")),
                Arguments.of(
                        "127.0.0.1:2181",
                        "/switchboard/shop",
                        "missing.txt",
                        List.of("--auth-file:", "does not exist", "SWITCHBOARD_ZOOKEEPER_AUTH")),
                Arguments.of(
                        "127.0.0.1:2181",
                        "/switchboard/shop",
                        "nocolon.txt",
                        List.of("--auth-file:", "nocolon.txt:1:1", "user:password")));
    }

    @ParameterizedTest(name = "[{index}] connect={0} path={1} auth={2}")
    @MethodSource("badSettings")
    @DisplayName("A bad setting names the switch, what is wrong and the fix")
    void badSettingsArePlaced(String connect, String path, String authFile, List<String> fragments) throws Exception {
        Files.writeString(dir.resolve("nocolon.txt"), "justauser\n");
        Optional<Path> auth = Optional.ofNullable(authFile).map(dir::resolve);
        assertThatThrownBy(() -> FleetConnections.of(connect, path, auth, List.of(), FleetNames.CLI, v -> null))
                .isInstanceOfSatisfying(
                        InputException.class,
                        e -> assertThat(e.problems().toString()).contains(fragments));
    }

    @Test
    @DisplayName("An unreachable ZooKeeper is a finding that names the switch and what to check")
    void unreachable() throws Exception {
        ZooKeeperConnection nowhere = FleetConnections.of(
                        "127.0.0.1:" + InstanceSpec.getRandomPort(),
                        "/switchboard/shop",
                        Optional.empty(),
                        List.of(),
                        FleetNames.CLI,
                        Map.<String, String>of()::get)
                .withTimeouts(java.time.Duration.ofMillis(500), java.time.Duration.ofSeconds(5));
        assertThatThrownBy(() -> service.fleet(nowhere))
                .isInstanceOfSatisfying(
                        FindingException.class,
                        e -> assertThat(e.summary())
                                .contains("did not answer within 500 ms")
                                .contains("(--zookeeper)"));
    }
}
