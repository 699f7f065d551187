package dev.switchboard.maven.mojo;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.maven.plugin.MojoFailureException;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The compare goal passes its two settings to the engine and fails as the chosen category says. */
class CompareMojoTest {
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

    /** The goal against the registry of a tree that also had {@code CancelOrder}, which is now gone. */
    private CompareMojo goal(String category) throws Exception {
        Path proto = dir.resolve("src/main/proto/acme/order/v1/order.proto");
        Files.createDirectories(proto.getParent());
        Files.writeString(proto, ORDERS.formatted("  rpc CancelOrder(Order) returns (Order);\n"));
        RegistryMojo registry = MojoHarness.configure(new RegistryMojo(), dir);
        registry.execute();
        Files.copy(dir.resolve("target/switchboard/registry.json"), dir.resolve("previous.json"));
        Files.writeString(proto, ORDERS.formatted(""));
        CompareMojo compare = MojoHarness.configure(new CompareMojo(), dir);
        MojoHarness.set(compare, "against", "previous.json");
        MojoHarness.set(compare, "failOnBreaking", true);
        MojoHarness.set(compare, "category", category);
        MojoHarness.set(compare, "output", dir.resolve("target/compare.txt").toFile());
        return compare;
    }

    @Test
    @DisplayName("a deleted rpc fails the build in PACKAGE, naming the rule and the file, and passes in WIRE")
    void categoryDecides() throws Exception {
        assertThatThrownBy(goal("PACKAGE")::execute)
                .isInstanceOf(MojoFailureException.class)
                .hasMessageContaining("removed order.CancelOrder (RPC_NO_DELETE, acme/order/v1/order.proto)");
        Files.delete(dir.resolve("previous.json"));
        assertThatCode(goal("wire")::execute).doesNotThrowAnyException();
    }

    @Test
    @DisplayName("an unknown category fails naming the property and the nearest category")
    void unknownCategory() throws Exception {
        assertThatThrownBy(goal("WIRES")::execute)
                .isInstanceOf(MojoFailureException.class)
                .hasMessageContaining("switchboard.compare.category: \"WIRES\" is not a breaking-change category;"
                        + " use one of FILE, PACKAGE, WIRE_JSON, WIRE (nearest: WIRE")
                .hasMessageNotContaining("Exception");
    }
}
