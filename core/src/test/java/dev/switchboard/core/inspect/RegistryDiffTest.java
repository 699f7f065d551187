package dev.switchboard.core.inspect;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.runtime.registry.HttpRule;
import dev.switchboard.runtime.registry.MethodInfo;
import dev.switchboard.runtime.registry.Registry;
import dev.switchboard.runtime.registry.ServiceEntry;
import dev.switchboard.runtime.registry.ServiceKind;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class RegistryDiffTest {

    private static MethodInfo rpc(String name, String in, String out, boolean cs, boolean ss, HttpRule... http) {
        return new MethodInfo(name, in, out, cs, ss, false, null, List.of(http), null);
    }

    private static Registry registry(MethodInfo... methods) {
        return Registry.of(
                "f",
                List.of(ServiceEntry.builder("user", ServiceKind.GRPC)
                        .methods(List.of(methods))
                        .build()));
    }

    private static final MethodInfo GET =
            rpc("GetUser", "a.GetUserRequest", "a.User", false, false, new HttpRule("GET", "/v1/users/{id}", ""));

    private static List<String> breaking(RegistryDiff diff) {
        return diff.breaking().stream().map(c -> c.kind() + " " + c.subject()).toList();
    }

    @Test
    @DisplayName("a removed method breaks; an added one does not")
    void methodsAddedAndRemoved() {
        MethodInfo list = rpc("ListUsers", "a.ListUsersRequest", "a.ListUsersResponse", false, false);

        assertThat(breaking(RegistryDiff.of(registry(GET, list), registry(GET))))
                .containsExactly("removed user.ListUsers");
        RegistryDiff added = RegistryDiff.of(registry(GET), registry(GET, list));
        assertThat(added.breaking()).isEmpty();
        assertThat(added.changes())
                .extracting(RegistryDiff.Change::kind, RegistryDiff.Change::subject)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("added", "user.ListUsers"));
    }

    @Test
    @DisplayName("a removed service breaks; an added one does not")
    void servicesAddedAndRemoved() {
        Registry none = Registry.of("f", List.of());

        assertThat(breaking(RegistryDiff.of(registry(GET), none))).containsExactly("removed service user");
        assertThat(RegistryDiff.of(none, registry(GET)).breaking()).isEmpty();
        assertThat(RegistryDiff.of(none, registry(GET)).changes()).hasSize(1);
    }

    @Test
    @DisplayName("a changed request or response type breaks")
    void typesChanged() {
        MethodInfo newInput =
                rpc("GetUser", "a.LookupRequest", "a.User", false, false, new HttpRule("GET", "/v1/users/{id}", ""));
        MethodInfo newOutput =
                rpc("GetUser", "a.GetUserRequest", "a.Person", false, false, new HttpRule("GET", "/v1/users/{id}", ""));

        assertThat(breaking(RegistryDiff.of(registry(GET), registry(newInput))))
                .containsExactly("changed user.GetUser input");
        assertThat(breaking(RegistryDiff.of(registry(GET), registry(newOutput))))
                .containsExactly("changed user.GetUser output");
    }

    @Test
    @DisplayName("changed client or server streaming breaks")
    void streamingChanged() {
        MethodInfo streamed =
                rpc("GetUser", "a.GetUserRequest", "a.User", false, true, new HttpRule("GET", "/v1/users/{id}", ""));
        MethodInfo clientStreamed =
                rpc("GetUser", "a.GetUserRequest", "a.User", true, false, new HttpRule("GET", "/v1/users/{id}", ""));

        assertThat(breaking(RegistryDiff.of(registry(GET), registry(streamed))))
                .containsExactly("changed user.GetUser server streaming");
        assertThat(breaking(RegistryDiff.of(registry(GET), registry(clientStreamed))))
                .containsExactly("changed user.GetUser client streaming");
    }

    @Test
    @DisplayName("a changed HTTP path or verb, or a removed binding, breaks; a new binding does not")
    void httpRulesChanged() {
        MethodInfo path =
                rpc("GetUser", "a.GetUserRequest", "a.User", false, false, new HttpRule("GET", "/v2/users/{id}", ""));
        MethodInfo verb =
                rpc("GetUser", "a.GetUserRequest", "a.User", false, false, new HttpRule("POST", "/v1/users/{id}", ""));
        MethodInfo unbound = rpc("GetUser", "a.GetUserRequest", "a.User", false, false);
        MethodInfo more = rpc(
                "GetUser",
                "a.GetUserRequest",
                "a.User",
                false,
                false,
                new HttpRule("GET", "/v1/users/{id}", ""),
                new HttpRule("POST", "/v1/users:get", "*"));

        assertThat(breaking(RegistryDiff.of(registry(GET), registry(path))))
                .containsExactly("changed user.GetUser http path");
        assertThat(breaking(RegistryDiff.of(registry(GET), registry(verb))))
                .containsExactly("changed user.GetUser http verb");
        assertThat(breaking(RegistryDiff.of(registry(GET), registry(unbound))))
                .containsExactly("removed user.GetUser http");
        assertThat(RegistryDiff.of(registry(GET), registry(more)).breaking()).isEmpty();
        assertThat(RegistryDiff.of(registry(GET), registry(more)).changes()).hasSize(1);
    }

    @Test
    @DisplayName("two services of one registry compare method by method")
    void comparesTwoServices() {
        ServiceEntry v1 = ServiceEntry.builder("user", ServiceKind.GRPC)
                .methods(List.of(GET))
                .build();
        ServiceEntry v2 = ServiceEntry.builder("user-v2", ServiceKind.GRPC)
                .methods(List.of())
                .build();

        assertThat(breaking(RegistryDiff.of(v1, v2))).containsExactly("removed user→user-v2.GetUser");
    }

    @Test
    @DisplayName("each format prints every change with its rule, and the count of breaking ones by the category")
    void rendersFormats() {
        RegistryDiff diff = RegistryDiff.of(registry(GET), registry());

        assertThat(diff.render(Format.TABLE))
                .contains("CHANGE   SUBJECT       DETAIL  BREAKING  RULE           FILE")
                .contains("removed  user.GetUser  method  yes       RPC_NO_DELETE")
                .endsWith("1 change(s), 1 breaking by buf's PACKAGE rules\n");
        assertThat(diff.render(Format.JSON))
                .contains("\"category\" : \"PACKAGE\"")
                .contains("\"subject\" : \"user.GetUser\"")
                .contains("\"rule\" : \"RPC_NO_DELETE\"")
                .contains("\"breaking\" : 1");
        assertThat(diff.render(Format.YAML)).contains("subject: user.GetUser").contains("breaking: 1");
        assertThat(RegistryDiff.of(registry(GET), registry(GET)).render(Format.TABLE))
                .isEqualTo("no changes\n");
    }
}
