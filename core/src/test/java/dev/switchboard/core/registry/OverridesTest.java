package dev.switchboard.core.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.switchboard.core.diag.InputException;
import dev.switchboard.runtime.registry.Capability;
import dev.switchboard.runtime.registry.Dependency;
import dev.switchboard.runtime.registry.Endpoint;
import dev.switchboard.runtime.registry.Health;
import dev.switchboard.runtime.registry.RateLimit;
import dev.switchboard.runtime.registry.ServiceEntry;
import dev.switchboard.runtime.registry.ServiceKind;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OverridesTest {
    @TempDir
    Path dir;

    private final List<ServiceEntry> found = List.of(
            ServiceEntry.builder("user", ServiceKind.GRPC)
                    .group("identity")
                    .health(new Health(null, "acme.user.v1.UserService"))
                    .putTag("team", "accounts")
                    .build(),
            ServiceEntry.builder("billing", ServiceKind.GRPC).build());

    private List<ServiceEntry> apply(String name, String text) throws Exception {
        Path file = dir.resolve(name);
        Files.writeString(file, text);
        return Overrides.read(file, name).apply(found, file, name);
    }

    @Test
    @DisplayName("scalars replace, health merges field by field, tags merge, lists are added with source override")
    void mergesFields() throws Exception {
        List<ServiceEntry> out = apply("overrides.yaml", """
                services:
                  user:
                    group: accounts
                    owner: team-id
                    health: {http: /health/user}
                    tags: {tier: "1"}
                    rateLimit: {requestsPerSecond: 5, burst: 10}
                    capabilities: [audit]
                    dependencies: [billing]
                    events: [UserDeleted]
                """);

        ServiceEntry user =
                out.stream().filter(s -> s.name().equals("user")).findFirst().orElseThrow();
        SoftAssertions soft = new SoftAssertions();
        soft.assertThat(user.group()).isEqualTo("accounts");
        soft.assertThat(user.owner()).isEqualTo("team-id");
        soft.assertThat(user.health()).isEqualTo(new Health("/health/user", "acme.user.v1.UserService"));
        soft.assertThat(user.tags()).containsExactly(Map.entry("team", "accounts"), Map.entry("tier", "1"));
        soft.assertThat(user.rateLimit()).isEqualTo(new RateLimit(5, 10));
        soft.assertThat(user.capabilities()).containsExactly(new Capability("audit", "override"));
        soft.assertThat(user.dependencies()).containsExactly(new Dependency("billing", "override"));
        soft.assertThat(user.events())
                .extracting(e -> e.name() + "@" + e.source())
                .containsExactly("UserDeleted@override");
        soft.assertAll();
    }

    @Test
    @DisplayName("a new name with kind http declares a REST-only service")
    void declaresHttpService() throws Exception {
        List<ServiceEntry> out = apply("overrides.json", """
                {"services": {"legacy-crm": {"kind": "http", "group": "crm",
                  "endpoints": [{"verb": "GET", "path": "/v1/customers/{id}", "method": "GetCustomer"}]}}}
                """);

        ServiceEntry crm = out.stream()
                .filter(s -> s.name().equals("legacy-crm"))
                .findFirst()
                .orElseThrow();
        assertThat(crm.kind()).isEqualTo(ServiceKind.HTTP);
        assertThat(crm.group()).isEqualTo("crm");
        assertThat(crm.endpoints()).containsExactly(new Endpoint("GET", "/v1/customers/{id}", "GetCustomer", null));
    }

    @Test
    @DisplayName("an endpoint takes one of the five verbs in any case, or another method as custom, as google.api.http")
    void customVerbs() throws Exception {
        List<ServiceEntry> out = apply("overrides.yaml", """
                services:
                  legacy-crm:
                    kind: http
                    endpoints:
                      - {verb: get, path: "/v1/customers/{id}", method: GetCustomer}
                      - {custom: HEAD, path: "/v1/customers", method: ProbeCustomers}
                """);

        assertThat(out.get(out.size() - 1).endpoints())
                .containsExactly(
                        new Endpoint("GET", "/v1/customers/{id}", "GetCustomer", null),
                        new Endpoint("HEAD", "/v1/customers", "ProbeCustomers", null));
    }

    @Test
    @DisplayName("every bad endpoint is an error at the field it is about, all in one report")
    void badEndpointsArePlaced() {
        assertThatThrownBy(() -> apply("overrides.yaml", """
                        services:
                          legacy-crm:
                            kind: http
                            endpoints:
                              - {verb: GET, custom: HEAD, path: /a, method: A}
                              - {custom: "NOT A VERB", path: /b, method: B}
                              - {verb: POST, path: relative, method: C}
                              - {verb: PUT, path: /d}
                        """))
                .isInstanceOfSatisfying(
                        InputException.class,
                        e -> assertThat(e.problems())
                                .extracting(Object::toString)
                                .containsExactly(
                                        "overrides.yaml:5:29: endpoint 1 of service \"legacy-crm\" has both verb and"
                                                + " custom; keep `verb` for GET, PUT, POST, DELETE, PATCH, or `custom` for"
                                                + " another method",
                                        "overrides.yaml:6:18: endpoint 2 of service \"legacy-crm\" has custom verb"
                                                + " \"NOT A VERB\", which is not an HTTP method name; use letters only,"
                                                + " such as HEAD or OPTIONS",
                                        "overrides.yaml:7:28: endpoint 3 of service \"legacy-crm\" has path"
                                                + " \"relative\", which is not absolute; give `path:` starting with '/',"
                                                + " such as \"/v1/customers/{id}\"",
                                        "overrides.yaml:8:9: endpoint 4 of service \"legacy-crm\" has no method; add"
                                                + " `method:` with the name callers pass to call(method, request)"));
    }

    @Test
    @DisplayName(
            "an unknown service is an error at its line naming the nearest known names; all problems come together")
    void unknownServiceIsPlaced() {
        assertThatThrownBy(() -> apply("overrides.yaml", """
                        services:
                          usr:
                            group: x
                          billing:
                            kind: aws
                        """))
                .isInstanceOfSatisfying(
                        InputException.class,
                        e -> assertThat(e.problems())
                                .extracting(Object::toString)
                                .containsExactly(
                                        "overrides.yaml:2:3: service \"usr\" is not in the registry (nearest: user); correct the"
                                                + " name, or add `kind: http` and its `endpoints` to declare a REST-only service",
                                        "overrides.yaml:4:3: service \"billing\" is of kind grpc; an override cannot make it aws;"
                                                + " remove `kind` from this override"));
    }

    @Test
    @DisplayName("a misspelt field is an error at its line listing the known fields")
    void misspeltFieldIsPlaced() {
        assertThatThrownBy(() -> apply("overrides.yaml", "services:\n  user:\n    grup: x\n"))
                .isInstanceOfSatisfying(
                        InputException.class,
                        e -> assertThat(e.problems().get(0).toString())
                                .startsWith("overrides.yaml:3:")
                                .contains("unknown field \"grup\"")
                                .contains("group"));
    }

    @Test
    @DisplayName("malformed YAML is an error at its line")
    void malformedYamlIsPlaced() {
        assertThatThrownBy(() -> apply("overrides.yaml", "services:\n  user:\n    tags: [unclosed\n"))
                .isInstanceOfSatisfying(
                        InputException.class,
                        e -> assertThat(e.problems().get(0).line()).isGreaterThanOrEqualTo(3));
    }
}
