package dev.switchboard.core.inspect;

import static dev.switchboard.core.inspect.BreakingCategory.FILE;
import static dev.switchboard.core.inspect.BreakingCategory.PACKAGE;
import static dev.switchboard.core.inspect.BreakingCategory.WIRE;
import static dev.switchboard.core.inspect.BreakingCategory.WIRE_JSON;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import dev.switchboard.core.diag.InputException;
import dev.switchboard.core.diag.Problem;
import dev.switchboard.core.proto.ProtoServiceReader;
import dev.switchboard.core.proto.ProtoSource;
import dev.switchboard.core.testing.ProtoProject;
import dev.switchboard.runtime.registry.Registry;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * buf's breaking-change rules for services and rpcs, case by case as buf's documentation gives them
 * (buf.build/docs/breaking/rules), with switchboard's own HTTP rules: each case is a previous and a
 * current proto tree, loaded as a build loads them, and the exact findings of each category.
 */
class BreakingRulesTest {
    private static final Set<String> IGNORED = Set.of("google.protobuf", "google.api", "switchboard");
    private static final String ORDERS = "acme/shop/v1/orders.proto";
    private static final String BILLING = "acme/shop/v1/billing.proto";
    private static final String GET = "  rpc GetOrder(GetOrderRequest) returns (Order);\n";
    private static final String LIST = "  rpc ListOrders(GetOrderRequest) returns (Order);\n";
    private static final String NOTE = "  rpc AddNote(Note) returns (Order) {\n"
            + "    option (google.api.http) = { post: \"/v1/orders/{id}/notes\" body: \"*\" };\n  }\n";

    @TempDir
    static Path dir;

    private static final Map<Map<String, String>, Registry> LOADED = new HashMap<>();

    /** The orders file of package {@code pkg} with the given rpcs and any more services. */
    private static String orders(String pkg, String rpcs, String more) {
        return """
                syntax = "proto3";
                package %s;
                import "google/api/annotations.proto";
                service OrderService {
                %s}
                %s
                message GetOrderRequest { string id = 1; }
                message Order { string id = 1; }
                message Lookup { string id = 1; }
                message Note { string id = 1; string text = 2; }
                """.formatted(pkg, rpcs, more);
    }

    private static String orders(String rpcs) {
        return orders("acme.shop.v1", rpcs, "");
    }

    private static String billing(String pkg) {
        return """
                syntax = "proto3";
                package %s;
                service BillingService { rpc Charge(Invoice) returns (Invoice); }
                message Invoice { string id = 1; }
                """.formatted(pkg);
    }

    private static final String BILLING_SERVICE =
            "service BillingService { rpc Charge(Invoice) returns (Invoice); }\nmessage Invoice { string id = 1; }";

    /**
     * @param file the breaking findings of {@code FILE}, each {@code RULE subject}
     */
    record Case(
            String name,
            Map<String, String> previous,
            Map<String, String> current,
            List<String> file,
            List<String> pkg,
            List<String> wireJson,
            List<String> wire) {}

    static List<Case> cases() {
        String http = "  rpc GetOrder(GetOrderRequest) returns (Order) {\n"
                + "    option (google.api.http) = { get: \"/v1/orders/{id}\" };\n  }\n";
        return List.of(
                new Case(
                        "a service deleted from a file that stays",
                        Map.of(ORDERS, orders("acme.shop.v1", GET, BILLING_SERVICE)),
                        Map.of(ORDERS, orders(GET)),
                        List.of("SERVICE_NO_DELETE service billing"),
                        List.of("PACKAGE_SERVICE_NO_DELETE service billing"),
                        List.of(),
                        List.of()),
                new Case(
                        "a service moved to another file of its package",
                        Map.of(ORDERS, orders("acme.shop.v1", GET, BILLING_SERVICE)),
                        Map.of(ORDERS, orders(GET), BILLING, billing("acme.shop.v1")),
                        List.of("SERVICE_NO_DELETE service billing"),
                        List.of(),
                        List.of(),
                        List.of()),
                new Case(
                        "a file deleted with its service, its package staying",
                        Map.of(ORDERS, orders(GET), BILLING, billing("acme.shop.v1")),
                        Map.of(ORDERS, orders(GET)),
                        List.of("FILE_NO_DELETE file " + BILLING),
                        List.of("PACKAGE_SERVICE_NO_DELETE service billing"),
                        List.of(),
                        List.of()),
                new Case(
                        "a package deleted with its file and service",
                        Map.of(ORDERS, orders(GET), "acme/billing/v1/billing.proto", billing("acme.billing.v1")),
                        Map.of(ORDERS, orders(GET)),
                        List.of("FILE_NO_DELETE file acme/billing/v1/billing.proto"),
                        List.of("PACKAGE_NO_DELETE package acme.billing.v1"),
                        List.of(),
                        List.of()),
                new Case(
                        "an rpc deleted",
                        Map.of(ORDERS, orders(GET + LIST)),
                        Map.of(ORDERS, orders(GET)),
                        List.of("RPC_NO_DELETE order.ListOrders"),
                        List.of("RPC_NO_DELETE order.ListOrders"),
                        List.of(),
                        List.of()),
                new Case(
                        "an rpc's request type changed",
                        Map.of(ORDERS, orders(GET)),
                        Map.of(ORDERS, orders("  rpc GetOrder(Lookup) returns (Order);\n")),
                        List.of("RPC_SAME_REQUEST_TYPE order.GetOrder input"),
                        List.of("RPC_SAME_REQUEST_TYPE order.GetOrder input"),
                        List.of("RPC_SAME_REQUEST_TYPE order.GetOrder input"),
                        List.of("RPC_SAME_REQUEST_TYPE order.GetOrder input")),
                new Case(
                        "an rpc's response type changed",
                        Map.of(ORDERS, orders(GET)),
                        Map.of(ORDERS, orders("  rpc GetOrder(GetOrderRequest) returns (Lookup);\n")),
                        List.of("RPC_SAME_RESPONSE_TYPE order.GetOrder output"),
                        List.of("RPC_SAME_RESPONSE_TYPE order.GetOrder output"),
                        List.of("RPC_SAME_RESPONSE_TYPE order.GetOrder output"),
                        List.of("RPC_SAME_RESPONSE_TYPE order.GetOrder output")),
                new Case(
                        "an rpc made client streaming",
                        Map.of(ORDERS, orders(GET)),
                        Map.of(ORDERS, orders("  rpc GetOrder(stream GetOrderRequest) returns (Order);\n")),
                        List.of("RPC_SAME_CLIENT_STREAMING order.GetOrder client streaming"),
                        List.of("RPC_SAME_CLIENT_STREAMING order.GetOrder client streaming"),
                        List.of("RPC_SAME_CLIENT_STREAMING order.GetOrder client streaming"),
                        List.of("RPC_SAME_CLIENT_STREAMING order.GetOrder client streaming")),
                new Case(
                        "an rpc made server streaming",
                        Map.of(ORDERS, orders(GET)),
                        Map.of(ORDERS, orders("  rpc GetOrder(GetOrderRequest) returns (stream Order);\n")),
                        List.of("RPC_SAME_SERVER_STREAMING order.GetOrder server streaming"),
                        List.of("RPC_SAME_SERVER_STREAMING order.GetOrder server streaming"),
                        List.of("RPC_SAME_SERVER_STREAMING order.GetOrder server streaming"),
                        List.of("RPC_SAME_SERVER_STREAMING order.GetOrder server streaming")),
                new Case(
                        "an rpc's idempotency level set",
                        Map.of(ORDERS, orders(GET)),
                        Map.of(
                                ORDERS,
                                orders("  rpc GetOrder(GetOrderRequest) returns (Order) {"
                                        + " option idempotency_level = IDEMPOTENT; }\n")),
                        List.of("RPC_SAME_IDEMPOTENCY_LEVEL order.GetOrder idempotency"),
                        List.of("RPC_SAME_IDEMPOTENCY_LEVEL order.GetOrder idempotency"),
                        List.of("RPC_SAME_IDEMPOTENCY_LEVEL order.GetOrder idempotency"),
                        List.of("RPC_SAME_IDEMPOTENCY_LEVEL order.GetOrder idempotency")),
                new Case(
                        "an rpc's idempotency level written as the default it had",
                        Map.of(ORDERS, orders(GET)),
                        Map.of(
                                ORDERS,
                                orders("  rpc GetOrder(GetOrderRequest) returns (Order) {"
                                        + " option idempotency_level = IDEMPOTENCY_UNKNOWN; }\n")),
                        List.of(),
                        List.of(),
                        List.of(),
                        List.of()),
                new Case(
                        "an HTTP path changed",
                        Map.of(ORDERS, orders(http)),
                        Map.of(ORDERS, orders(http.replace("/v1/", "/v2/"))),
                        List.of("HTTP_RULE_SAME_PATH order.GetOrder http path"),
                        List.of("HTTP_RULE_SAME_PATH order.GetOrder http path"),
                        List.of("HTTP_RULE_SAME_PATH order.GetOrder http path"),
                        List.of()),
                new Case(
                        "an HTTP verb changed",
                        Map.of(ORDERS, orders(http)),
                        Map.of(ORDERS, orders(http.replace("get:", "delete:"))),
                        List.of("HTTP_RULE_SAME_VERB order.GetOrder http verb"),
                        List.of("HTTP_RULE_SAME_VERB order.GetOrder http verb"),
                        List.of("HTTP_RULE_SAME_VERB order.GetOrder http verb"),
                        List.of()),
                new Case(
                        "an HTTP body changed",
                        Map.of(ORDERS, orders(NOTE)),
                        Map.of(ORDERS, orders(NOTE.replace("body: \"*\"", "body: \"text\""))),
                        List.of("HTTP_RULE_SAME_BODY order.AddNote http body"),
                        List.of("HTTP_RULE_SAME_BODY order.AddNote http body"),
                        List.of("HTTP_RULE_SAME_BODY order.AddNote http body"),
                        List.of()),
                new Case(
                        "an HTTP binding deleted",
                        Map.of(ORDERS, orders(http)),
                        Map.of(ORDERS, orders(GET)),
                        List.of("HTTP_RULE_NO_DELETE order.GetOrder http"),
                        List.of("HTTP_RULE_NO_DELETE order.GetOrder http"),
                        List.of("HTTP_RULE_NO_DELETE order.GetOrder http"),
                        List.of()),
                new Case(
                        "a service, an rpc and an HTTP binding added; an rpc deprecated",
                        Map.of(ORDERS, orders(GET)),
                        Map.of(
                                ORDERS,
                                orders(
                                        "acme.shop.v1",
                                        http.replace("{\n", "{\n    option deprecated = true;\n") + LIST,
                                        BILLING_SERVICE)),
                        List.of(),
                        List.of(),
                        List.of(),
                        List.of()));
    }

    static Stream<Arguments> findings() {
        return cases().stream()
                .flatMap(c -> Stream.of(
                        Arguments.of(c.name(), FILE, c, c.file()),
                        Arguments.of(c.name(), PACKAGE, c, c.pkg()),
                        Arguments.of(c.name(), WIRE_JSON, c, c.wireJson()),
                        Arguments.of(c.name(), WIRE, c, c.wire())));
    }

    private static synchronized Registry load(Map<String, String> tree) throws InputException {
        Registry loaded = LOADED.get(tree);
        if (loaded != null) {
            return loaded;
        }
        ProtoProject project = new ProtoProject(dir.resolve("tree" + LOADED.size())).withGoogleCommonProtos();
        tree.forEach(project::proto);
        ProtoServiceReader reader = new ProtoServiceReader(project.inputs());
        List<Problem> problems = new ArrayList<>();
        List<ProtoSource> sources = reader.sources(problems, problems);
        assertThat(problems).isEmpty();
        loaded = Registry.of("f", reader.read(sources, IGNORED).services());
        LOADED.put(tree, loaded);
        return loaded;
    }

    private static List<String> breaking(Case c, BreakingOptions options) throws InputException {
        return BreakingRules.check(load(c.previous()), load(c.current()), options).stream()
                .map(f -> f.rule() + " " + f.subject())
                .toList();
    }

    @ParameterizedTest(name = "{0}, {1}")
    @MethodSource("findings")
    @DisplayName("each category finds exactly what buf's rules find")
    void findsWhatBufFinds(String name, BreakingCategory category, Case c, List<String> expected) throws Exception {
        assertThat(breaking(c, new BreakingOptions(category, false))).containsExactlyElementsOf(expected);
    }

    @Test
    @DisplayName("a finding names its rule, the rpc or service, and the file it was in; a moved service is noted")
    void findingsNameRuleSubjectAndFile() throws Exception {
        Case moved = cases().get(1);

        List<RegistryDiff.Change> changes =
                BreakingRules.changes(load(moved.previous()), load(moved.current()), BreakingOptions.DEFAULT);

        assertThat(changes)
                .extracting(
                        RegistryDiff.Change::kind,
                        RegistryDiff.Change::subject,
                        RegistryDiff.Change::detail,
                        RegistryDiff.Change::breaking,
                        RegistryDiff.Change::place)
                .containsExactly(
                        tuple("moved", "service billing", "moved from " + ORDERS + " to " + BILLING, false, ORDERS));
        Case deletedRpc = cases().get(4);
        assertThat(BreakingRules.check(
                        load(deletedRpc.previous()), load(deletedRpc.current()), new BreakingOptions(FILE, false)))
                .extracting(RegistryDiff.Change::rule, RegistryDiff.Change::subject, RegistryDiff.Change::place)
                .containsExactly(tuple(BreakingRule.RPC_NO_DELETE, "order.ListOrders", ORDERS));
    }

    @Test
    @DisplayName("with ignoreUnstablePackages, changes in an unstable package are listed but do not break")
    void exemptsUnstablePackages() throws Exception {
        Map<String, String> beta =
                Map.of("acme/shop/v1beta1/orders.proto", orders("acme.shop.v1beta1", GET + LIST, ""));
        Map<String, String> betaAfter = Map.of("acme/shop/v1beta1/orders.proto", orders("acme.shop.v1beta1", GET, ""));
        Case stable = cases().get(4);

        BreakingOptions ignoring = new BreakingOptions(PACKAGE, true);
        RegistryDiff diff = RegistryDiff.of(load(beta), load(betaAfter), ignoring);

        assertThat(diff.breaking()).isEmpty();
        assertThat(diff.changes())
                .extracting(RegistryDiff.Change::rule, RegistryDiff.Change::detail)
                .containsExactly(tuple(
                        BreakingRule.RPC_NO_DELETE, "method (package acme.shop.v1beta1 is unstable, so not checked)"));
        assertThat(BreakingRules.check(load(stable.previous()), load(stable.current()), ignoring))
                .extracting(RegistryDiff.Change::rule)
                .containsExactly(BreakingRule.RPC_NO_DELETE);
        assertThat(BreakingRules.check(load(beta), load(betaAfter), new BreakingOptions(PACKAGE, false)))
                .extracting(RegistryDiff.Change::rule)
                .containsExactly(BreakingRule.RPC_NO_DELETE);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "foo.v1alpha1",
                "foo.v1beta1",
                "foo.v1beta",
                "foo.v1test",
                "foo.v1testfoo",
                "foo.v1p1alpha1",
                "foo.bar.v2alpha3"
            })
    @DisplayName("packages whose last component is an alpha, beta or test version are unstable")
    void unstablePackages(String pkg) {
        assertThat(BreakingOptions.unstable(pkg)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"foo.v1", "v1beta1", "foo.v0alpha1", "foo.v1alphabeta", "foo.v1p1", "foo.beta1", "foo"})
    @DisplayName("stable versions, a version alone, v0 and malformed versions are not unstable")
    void stablePackages(String pkg) {
        assertThat(BreakingOptions.unstable(pkg)).isFalse();
    }

    @Test
    @DisplayName("a category is read in any case; an unknown one names the setting and the nearest category")
    void parsesCategories() throws Exception {
        assertThat(BreakingCategory.parse("wire_json", "switchboard.compare.category"))
                .isEqualTo(WIRE_JSON);
        assertThatThrownBy(() -> BreakingCategory.parse("WIRES", "switchboard.compare.category"))
                .isInstanceOf(InputException.class)
                .hasMessageContaining("switchboard.compare.category: \"WIRES\" is not a breaking-change category;"
                        + " use one of FILE, PACKAGE, WIRE_JSON, WIRE (nearest: WIRE");
    }
}
