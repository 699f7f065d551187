package dev.switchboard.maven.mojo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.curator.test.TestingServer;
import org.apache.maven.plugin.MojoFailureException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The publish, fleet and rollback goals against a real ZooKeeper server. */
class FleetGoalsTest {
    private static final String ORDERS = """
            syntax = "proto3";
            package acme.order.v1;
            service OrderService {
              rpc PlaceOrder(Order) returns (Order);
            %s}
            message Order { string id = 1; }
            """;

    @TempDir
    Path dir;

    private TestingServer server;

    @BeforeEach
    void start() throws Exception {
        server = new TestingServer(true);
        Path proto = dir.resolve("src/main/proto/acme/order/v1/order.proto");
        Files.createDirectories(proto.getParent());
        Files.writeString(proto, ORDERS.formatted("  rpc CancelOrder(Order) returns (Order);\n"));
    }

    @AfterEach
    void stop() throws Exception {
        server.close();
    }

    private PublishMojo publish(boolean allowBreaking) throws Exception {
        PublishMojo mojo = MojoHarness.configure(new PublishMojo(), dir);
        MojoHarness.set(mojo, "zookeeperConnect", server.getConnectString());
        MojoHarness.set(mojo, "zookeeperPath", "/switchboard/orders");
        MojoHarness.set(mojo, "keep", 20);
        MojoHarness.set(mojo, "allowBreaking", allowBreaking);
        MojoHarness.set(mojo, "category", "PACKAGE");
        return mojo;
    }

    private String fleet(String format) throws Exception {
        FleetMojo mojo = new FleetMojo();
        RegistryMojo donor = MojoHarness.configure(new RegistryMojo(), dir);
        for (String field : new String[] {"project", "plugin", "session"}) {
            java.lang.reflect.Field f = AbstractSwitchboardMojo.class.getDeclaredField(field);
            f.setAccessible(true);
            MojoHarness.set(mojo, field, f.get(donor));
        }
        MojoHarness.set(mojo, "zookeeperConnect", server.getConnectString());
        MojoHarness.set(mojo, "zookeeperPath", "/switchboard/orders");
        MojoHarness.set(mojo, "format", format);
        PrintStream out = System.out;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
        try {
            mojo.execute();
        } finally {
            System.setOut(out);
        }
        return captured.toString(StandardCharsets.UTF_8);
    }

    @Test
    @DisplayName(
            "publish brings the registry up to date and publishes it; the gate refuses a deleted rpc until allowed")
    void publishAndGate() throws Exception {
        publish(false).execute();
        assertThat(fleet("json")).contains("\"current\" : 1").contains("\"services\" : 1");

        Files.writeString(dir.resolve("src/main/proto/acme/order/v1/order.proto"), ORDERS.formatted(""));
        assertThatThrownBy(publish(false)::execute)
                .isInstanceOf(MojoFailureException.class)
                .hasMessageContaining("1 breaking change(s) against version 1")
                .hasMessageContaining("-Dswitchboard.publish.allowBreaking=true")
                .hasMessageContaining("RPC_NO_DELETE")
                .hasMessageNotContaining("Exception");

        publish(true).execute();
        assertThat(fleet("table")).contains("version 2 in force (*)");
    }

    @Test
    @DisplayName("rollback with a connect string moves the fleet back, leaving local files alone")
    void fleetRollback() throws Exception {
        publish(false).execute();
        Files.writeString(dir.resolve("src/main/proto/acme/order/v1/order.proto"), ORDERS.formatted(""));
        publish(true).execute();
        byte[] localRegistry = Files.readAllBytes(dir.resolve("target/switchboard/registry.json"));

        RollbackMojo rollback = MojoHarness.configure(new RollbackMojo(), dir);
        MojoHarness.set(rollback, "zookeeperConnect", server.getConnectString());
        MojoHarness.set(rollback, "zookeeperPath", "/switchboard/orders");
        rollback.execute();

        assertThat(fleet("table")).contains("version 1 in force (*)");
        assertThat(dir.resolve("target/switchboard/registry.json")).hasBinaryContent(localRegistry);
    }

    @Test
    @DisplayName("publish without a connect string fails naming the property and an example")
    void missingConnect() throws Exception {
        PublishMojo mojo = publish(false);
        MojoHarness.set(mojo, "zookeeperConnect", null);
        assertThatThrownBy(mojo::execute)
                .isInstanceOf(MojoFailureException.class)
                .hasMessageContaining("switchboard.zookeeper.connect: no ZooKeeper to talk to")
                .hasMessageContaining("e.g. switchboard.zookeeper.connect=zk1:2181");
    }
}
