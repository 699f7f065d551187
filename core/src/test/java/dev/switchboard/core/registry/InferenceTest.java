package dev.switchboard.core.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.switchboard.core.diag.InputException;
import dev.switchboard.runtime.registry.Capability;
import dev.switchboard.runtime.registry.Dependency;
import dev.switchboard.runtime.registry.MethodInfo;
import dev.switchboard.runtime.registry.ServiceEntry;
import dev.switchboard.runtime.registry.ServiceKind;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class InferenceTest {

    private static ServiceEntry service(String name, String... methods) {
        return ServiceEntry.builder(name, ServiceKind.GRPC)
                .methods(Arrays.stream(methods)
                        .map(m -> new MethodInfo(m, "in", "out", false, m.startsWith("Tail"), false, null, null, null))
                        .toList())
                .build();
    }

    private static List<String> capabilities(ServiceEntry entry) {
        return entry.capabilities().stream().map(Capability::name).toList();
    }

    @Test
    @DisplayName("the default rules find CRUD, list, search, batch, auth and streaming in method names")
    void defaultRules() {
        Inference inference = new Inference(InferenceRules.defaults());

        List<ServiceEntry> out = inference.apply(List.of(
                service("users", "CreateUser", "GetUser", "UpdateUser", "DeleteUser", "ListUsers"),
                service("search", "SearchOrders", "BatchGetOrders", "Login"),
                service("logs", "TailLogs")));

        assertThat(capabilities(out.get(0)))
                .containsExactlyInAnyOrder("create", "crud", "delete", "list", "read", "update");
        assertThat(out.get(0).capabilities()).contains(new Capability("crud", "rule:crud"));
        assertThat(capabilities(out.get(1))).containsExactlyInAnyOrder("auth", "batch", "search");
        assertThat(capabilities(out.get(2))).containsExactly("stream");
    }

    @Test
    @DisplayName("a prefix matches whole words only, in UpperCamel, lowerCamel and snake case")
    void prefixesMatchWholeWords() {
        assertThat(Inference.startsWithWord("CreateUser", "create")).isTrue();
        assertThat(Inference.startsWithWord("createBucket", "create")).isTrue();
        assertThat(Inference.startsWithWord("create_user", "create")).isTrue();
        assertThat(Inference.startsWithWord("Get", "get")).isTrue();
        assertThat(Inference.startsWithWord("Address", "add")).isFalse();
        assertThat(Inference.startsWithWord("Settle", "set")).isFalse();
    }

    @Test
    @DisplayName(
            "a project's rules file extends the defaults, replaces a rule of the same name, and declares dependencies")
    void projectRulesExtendDefaults(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("rules.yaml");
        Files.writeString(file, """
                capabilities:
                  - name: export
                    prefixes: [export]
                  - name: read
                    prefixes: [peek]
                dependencies:
                  - {service: users, dependsOn: audit}
                """);

        InferenceRules rules = InferenceRules.load(file, false, "rules.yaml", new ArrayList<>());
        ServiceEntry out = new Inference(rules)
                .apply(List.of(service("users", "ExportUsers", "PeekUser", "GetUser")))
                .get(0);

        assertThat(capabilities(out)).containsExactlyInAnyOrder("export", "read");
        assertThat(out.capabilities()).contains(new Capability("read", "rule:read"));
        assertThat(out.dependencies()).containsExactly(new Dependency("audit", "rule:declared"));
    }

    @Test
    @DisplayName("with replaceDefaultRules only the project's rules apply")
    void projectRulesReplaceDefaults(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("rules.json");
        Files.writeString(file, "{\"capabilities\":[{\"name\":\"export\",\"prefixes\":[\"export\"]}]}");

        InferenceRules rules = InferenceRules.load(file, true, "rules.json", new ArrayList<>());
        ServiceEntry out = new Inference(rules)
                .apply(List.of(service("users", "ExportUsers", "GetUser")))
                .get(0);

        assertThat(capabilities(out)).containsExactly("export");
    }

    @Test
    @DisplayName("a typo in the rules file is an error at its line and column listing the known fields")
    void rulesTypoIsPlaced(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("rules.yaml");
        Files.writeString(file, "capabilities:\n  - name: export\n    prefixs: [export]\n");

        assertThatThrownBy(() -> InferenceRules.load(file, false, "src/rules.yaml", new ArrayList<>()))
                .isInstanceOfSatisfying(
                        InputException.class,
                        e -> assertThat(e.problems().get(0).toString())
                                .startsWith("src/rules.yaml:3:")
                                .contains("unknown field \"prefixs\"")
                                .contains("prefixes"));
    }

    @Test
    @DisplayName("a rule that can match nothing is refused")
    void emptyRuleIsRefused(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("rules.yaml");
        Files.writeString(file, "capabilities:\n  - name: nothing\n");

        assertThatThrownBy(() -> InferenceRules.load(file, false, "rules.yaml", new ArrayList<>()))
                .isInstanceOf(InputException.class)
                .hasMessageContaining("capability rule \"nothing\" matches nothing");
    }

    @Test
    @DisplayName("an empty rules file that replaces the defaults leaves no rule, and the warning says so")
    void emptyReplacingFileWarns(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("rules.yaml");
        Files.writeString(file, "# to do\n");
        List<String> notes = new ArrayList<>();

        InferenceRules rules = InferenceRules.load(file, true, "rules.yaml", notes);

        assertThat(rules.capabilities()).isEmpty();
        assertThat(notes)
                .containsExactly("rules.yaml: the rules file is empty and replaces the default rules, so no capability"
                        + " is inferred; fill it in, or set <replaceDefaultRules>false");
    }
}
