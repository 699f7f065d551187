package dev.switchboard.cli;

import dev.switchboard.runtime.registry.Registry;
import dev.switchboard.runtime.registry.RegistryCodec;
import dev.switchboard.runtime.registry.RegistryFormat;
import dev.switchboard.runtime.registry.ServiceEntry;
import dev.switchboard.runtime.registry.ServiceKind;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.curator.test.TestingServer;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** publish, fleet and rollback as users run them, against a real ZooKeeper server on loopback. */
class FleetIT {
    @TempDir
    Path directory;

    private TestingServer server;

    @BeforeEach
    void start() throws Exception {
        server = new TestingServer(true);
    }

    @AfterEach
    void stop() throws Exception {
        server.close();
    }

    private Path registry(String name, String fingerprint, String... services) throws Exception {
        Registry registry = Registry.of(
                fingerprint,
                Stream.of(services)
                        .map(s -> ServiceEntry.builder(s, ServiceKind.HTTP).build())
                        .toList());
        Path file = directory.resolve(name);
        Files.write(file, RegistryCodec.writeBytes(registry, RegistryFormat.JSON));
        return file;
    }

    private Cli.Result run(String... args) {
        List<String> command = new ArrayList<>(List.of(Cli.java(), "-jar", Cli.JAR.toString()));
        command.addAll(List.of(args));
        command.addAll(List.of("--zookeeper", server.getConnectString(), "--path", "/switchboard/shop"));
        return Cli.run(new ProcessBuilder(command).directory(directory.toFile()), Map.of());
    }

    @Test
    @DisplayName("publish, publish unchanged, a refused breaking change, fleet as JSON and a fleet rollback")
    void publishFleetRollback() throws Exception {
        Cli.Result first = run(
                "publish",
                "--registry",
                registry("one.json", "aaa", "users", "orders").toString());
        Cli.Result unchanged = run("publish", "--registry", "one.json");
        Cli.Result refused = run(
                "publish", "--registry", registry("two.json", "bbb", "users").toString());
        Cli.Result allowed = run("publish", "--registry", "two.json", "--allow-breaking");
        Cli.Result fleet = run("fleet", "--format", "json");
        Cli.Result rollback = run("rollback");
        Cli.Result table = run("fleet");

        SoftAssertions soft = new SoftAssertions();
        soft.assertThat(first.exit()).as(first.toString()).isZero();
        soft.assertThat(first.stdout()).isEmpty();
        soft.assertThat(first.stderr()).contains("switchboard: published version 1 to 127.0.0.1:");
        soft.assertThat(unchanged.exit()).as(unchanged.toString()).isZero();
        soft.assertThat(unchanged.stderr()).contains("already has fingerprint aaa; nothing published");
        soft.assertThat(refused.exit()).as(refused.toString()).isEqualTo(1);
        soft.assertThat(refused.stderr())
                .contains("1 breaking change(s) against version 1")
                .contains("--allow-breaking")
                .contains("orders")
                .doesNotContain("Exception");
        soft.assertThat(allowed.exit()).as(allowed.toString()).isZero();
        soft.assertThat(fleet.exit()).as(fleet.toString()).isZero();
        soft.assertThat(fleet.stdout()).contains("\"current\" : 2").contains("\"fingerprint\" : \"aaa\"");
        soft.assertThat(rollback.exit()).as(rollback.toString()).isZero();
        soft.assertThat(rollback.stderr()).contains("back from version 2 to version 1");
        soft.assertThat(table.stdout()).contains("version 1 in force (*)");
        soft.assertAll();
    }

    @Test
    @DisplayName("A ZooKeeper that does not answer exits 1 naming the option; a bad path exits 2 naming --path")
    void unreachableAndBadPath() throws Exception {
        server.stop();
        Cli.Result unreachable = run("fleet");
        List<String> command = new ArrayList<>(List.of(
                Cli.java(),
                "-jar",
                Cli.JAR.toString(),
                "fleet",
                "--zookeeper",
                "127.0.0.1:2181",
                "--path",
                "relative"));
        Cli.Result badPath = Cli.run(new ProcessBuilder(command).directory(directory.toFile()), Map.of());

        SoftAssertions soft = new SoftAssertions();
        soft.assertThat(unreachable.exit()).as(unreachable.toString()).isEqualTo(1);
        soft.assertThat(unreachable.stderr()).contains("did not answer within").contains("(--zookeeper)");
        soft.assertThat(badPath.exit()).as(badPath.toString()).isEqualTo(2);
        soft.assertThat(badPath.stderr()).contains("--path:").contains("an absolute path");
        soft.assertAll();
    }
}
