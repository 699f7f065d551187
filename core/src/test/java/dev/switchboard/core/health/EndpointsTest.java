package dev.switchboard.core.health;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.switchboard.core.diag.InputException;
import dev.switchboard.runtime.health.HealthTarget;
import dev.switchboard.runtime.registry.Health;
import dev.switchboard.runtime.registry.ServiceEntry;
import dev.switchboard.runtime.registry.ServiceKind;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EndpointsTest {
    private static final List<ServiceEntry> SERVICES = List.of(
            ServiceEntry.builder("user", ServiceKind.GRPC)
                    .health(new Health(null, "acme.user.v1.UserService"))
                    .build(),
            ServiceEntry.builder("billing", ServiceKind.HTTP).build(),
            ServiceEntry.builder("s3", ServiceKind.AWS).build(),
            ServiceEntry.builder("orders", ServiceKind.GRPC).build());

    @TempDir
    Path dir;

    private EndpointRequest request(Map<String, String> configured, Path file, Map<String, String> properties) {
        return new EndpointRequest(
                configured, file, file == null ? null : "endpoints-staging.properties", properties::get, key -> null);
    }

    @Test
    @DisplayName("a -D property beats the endpoints file, which beats <endpoints>; services without one are listed")
    void precedence() throws Exception {
        Path file = Files.writeString(
                dir.resolve("endpoints-staging.properties"),
                "# staging\nuser = grpc://10.0.0.1:9090\n\nbilling=http://10.0.0.2:8080/api\n");
        Endpoints endpoints = Endpoints.resolve(
                SERVICES,
                request(
                        Map.of("user", "grpc://pom:1", "s3", "https://s3.pom:443"),
                        file,
                        Map.of("switchboard.billing.endpoint", "http://127.0.0.1:7000")));

        assertThat(endpoints.targets())
                .extracting(HealthTarget::service, HealthTarget::endpoint)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("billing", URI.create("http://127.0.0.1:7000")),
                        org.assertj.core.groups.Tuple.tuple("s3", URI.create("https://s3.pom:443")),
                        org.assertj.core.groups.Tuple.tuple("user", URI.create("grpc://10.0.0.1:9090")));
        assertThat(endpoints.targets().get(2).health()).isEqualTo(new Health(null, "acme.user.v1.UserService"));
        assertThat(endpoints.without()).containsExactly("orders");
    }

    @Test
    @DisplayName(
            "unknown names and bad URLs are reported together, each at its line or parameter with the nearest name")
    void problems() throws IOException {
        Path file = Files.writeString(
                dir.resolve("endpoints-staging.properties"),
                "usr=grpc://10.0.0.1:9090\nbilling=ftp://10.0.0.2\nno separator here\n");

        assertThatThrownBy(() -> Endpoints.resolve(
                        SERVICES,
                        request(
                                Map.of("ordrs", "grpc://127.0.0.1:1"),
                                file,
                                Map.of("switchboard.user.endpoint", "grpc://127.0.0.1"))))
                .isInstanceOf(InputException.class)
                .satisfies(e -> assertThat(((InputException) e).problems())
                        .extracting(Object::toString)
                        .containsExactly(
                                "<endpoints><ordrs>: \"ordrs\" is not a service of the registry (nearest: orders);"
                                        + " use a name `mvn switchboard:services` lists",
                                "endpoints-staging.properties:1:1: \"usr\" is not a service of the registry"
                                        + " (nearest: user, s3); use a name `mvn switchboard:services` lists",
                                "endpoints-staging.properties:2:1: \"ftp://10.0.0.2\" is not an endpoint URL;"
                                        + " write http://host:port, https://host:port, grpc://host:port or"
                                        + " grpcs://host:port",
                                "endpoints-staging.properties:3:1: \"no separator here\" is not <service>=URL;"
                                        + " write one service a line, e.g. user=grpc://127.0.0.1:9090",
                                "switchboard.user.endpoint: \"grpc://127.0.0.1\" is not an endpoint URL; write"
                                        + " http://host:port, https://host:port, grpc://host:port or"
                                        + " grpcs://host:port"));
    }
}
