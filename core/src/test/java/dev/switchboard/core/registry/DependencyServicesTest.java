package dev.switchboard.core.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.switchboard.core.diag.InputException;
import dev.switchboard.core.diag.Problem;
import dev.switchboard.core.testing.OutputSnapshot;
import dev.switchboard.core.testing.ProtoProject;
import dev.switchboard.runtime.registry.Registry;
import dev.switchboard.runtime.registry.RegistryCodec;
import dev.switchboard.runtime.registry.RegistryFormat;
import dev.switchboard.runtime.registry.ServiceEntry;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Services from the protos of dependency jars, and registries merged from the jars of other modules. */
class DependencyServicesTest {
    static final String BILLING_API = "com.acme:billing-api:3.2.0";

    static final String BILLING_PROTO = """
            syntax = "proto3";
            package acme.billing.v1;
            option java_package = "com.acme.billing.v1";
            option java_multiple_files = true;
            import "acme/billing/v1/money.proto";
            service BillingService {
              rpc Charge(ChargeRequest) returns (Money);
            }
            message ChargeRequest { Money amount = 1; }
            """;

    static final String MONEY_PROTO = """
            syntax = "proto3";
            package acme.billing.v1;
            option java_package = "com.acme.billing.v1";
            message Money { int64 cents = 1; }
            """;

    static final String LEDGER_PROTO = """
            syntax = "proto3";
            package acme.ledger.v1;
            service LedgerService {
              rpc Post(PostRequest) returns (PostRequest);
            }
            message PostRequest { string id = 1; }
            """;

    static Map<String, String> billingJar() {
        return Map.of(
                "acme/billing/v1/billing.proto", BILLING_PROTO,
                "acme/billing/v1/money.proto", MONEY_PROTO,
                "acme/ledger/v1/ledger.proto", LEDGER_PROTO,
                "com/acme/billing/v1/BillingServiceGrpc.class", "not read");
    }

    /** A registry as another module's build bundles it, with one service of the given name. */
    static String bundledRegistry(int schemaVersion, String service) {
        return "{\n  \"schemaVersion\" : " + schemaVersion + ",\n  \"services\" : [ {\n    \"name\" : \"" + service
                + "\",\n    \"kind\" : \"grpc\",\n    \"proto\" : {\n      \"file\" : \"acme/shipping.proto\",\n"
                + "      \"package\" : \"acme.shipping\",\n      \"service\" : \"acme.shipping.ShippingService\",\n"
                + "      \"javaPackage\" : \"com.acme.shipping\",\n"
                + "      \"stubClass\" : \"com.acme.shipping.ShippingServiceGrpc\"\n    }\n  } ]\n}\n";
    }

    private static Registry build(ProtoProject project) throws Exception {
        RegistryOutcome outcome = new RegistryBuilder().build(project.request());
        return RegistryCodec.read(outcome.registryFile());
    }

    @Test
    @DisplayName("the services of a source dependency's protos enter the registry with the artifact they came from")
    void servicesFromADependencyJar(@TempDir Path dir) throws Exception {
        ProtoProject project = new ProtoProject(dir)
                .proto("user.proto", ProtoProject.USER_PROTO)
                .sourceDependency(BILLING_API, "repo/billing-api-3.2.0.jar", billingJar());

        Registry registry = build(project);

        SoftAssertions soft = new SoftAssertions();
        soft.assertThat(registry.services())
                .extracting(ServiceEntry::name)
                .containsExactly("billing", "ledger", "user");
        ServiceEntry billing = registry.service("billing").orElseThrow();
        soft.assertThat(billing.proto().artifact()).isEqualTo(BILLING_API);
        soft.assertThat(billing.proto().file()).isEqualTo("acme/billing/v1/billing.proto");
        soft.assertThat(billing.proto().stubClass()).isEqualTo("com.acme.billing.v1.BillingServiceGrpc");
        soft.assertThat(registry.service("user").orElseThrow().proto().artifact())
                .isNull();
        soft.assertThat(Files.readString(dir.resolve("target/switchboard/registry.json")))
                .contains("\"artifact\" : \"com.acme:billing-api:3.2.0\"");
        soft.assertAll();
    }

    @Test
    @DisplayName("includes and excludes select protos inside the jar; the others stay importable")
    void globsApplyInsideTheJar(@TempDir Path dir) throws Exception {
        ProtoProject project = new ProtoProject(dir)
                .includes("acme/billing/**")
                .excludes("**/money.proto")
                .sourceDependency(BILLING_API, "repo/billing-api-3.2.0.jar", billingJar());

        assertThat(build(project).services()).extracting(ServiceEntry::name).containsExactly("billing");
    }

    @Test
    @DisplayName("a project without dependency sources writes no artifact field, so its registry keeps its bytes")
    void localOnlyRegistriesKeepTheirBytes(@TempDir Path dir) throws Exception {
        ProtoProject project = new ProtoProject(dir).proto("user.proto", ProtoProject.USER_PROTO);

        String written =
                Files.readString(new RegistryBuilder().build(project.request()).registryFile());

        assertThat(written).doesNotContain("artifact");
        assertThat(RegistryCodec.write(
                        RegistryCodec.read(written.getBytes(), RegistryFormat.JSON, "r"), RegistryFormat.JSON))
                .isEqualTo(written);
    }

    @Test
    @DisplayName("a new version of the artifact rebuilds the registry; an unchanged build rewrites nothing")
    void fingerprintCoversTheArtifact(@TempDir Path dir) throws Exception {
        ProtoProject first = new ProtoProject(dir).sourceDependency(BILLING_API, "repo/billing-api.jar", billingJar());
        Registry before = build(first);
        assertThat(new RegistryBuilder().build(first.request()).written())
                .as("unchanged build writes")
                .isFalse();

        Map<String, String> changed = new java.util.TreeMap<>(billingJar());
        changed.put(
                "acme/ledger/v1/ledger.proto",
                LEDGER_PROTO.replace("rpc Post", "rpc Void(PostRequest) returns (PostRequest);\n  rpc Post"));
        ProtoProject second = new ProtoProject(dir).sourceDependency(BILLING_API, "repo/billing-api.jar", changed);
        Registry after = build(second);
        ProtoProject third =
                new ProtoProject(dir).sourceDependency("com.acme:billing-api:3.3.0", "repo/billing-api.jar", changed);
        Registry upgraded = build(third);

        assertThat(after.fingerprint()).isNotEqualTo(before.fingerprint());
        assertThat(after.service("ledger").orElseThrow().methods()).hasSize(2);
        assertThat(upgraded.fingerprint()).isNotEqualTo(after.fingerprint());
        assertThat(upgraded.service("billing").orElseThrow().proto().artifact())
                .isEqualTo("com.acme:billing-api:3.3.0");
    }

    @Test
    @DisplayName("a bundled registry's services are merged, and the overrides file applies to them last")
    void mergesBundledRegistries(@TempDir Path dir) throws Exception {
        ProtoProject project = new ProtoProject(dir)
                .proto("user.proto", ProtoProject.USER_PROTO)
                .registryDependency(
                        "com.acme:shipping-api:1.0", "repo/shipping-api-1.0.jar", bundledRegistry(1, "shipping"))
                .overrides("src/main/switchboard/overrides.yaml", "services:\n  shipping:\n    owner: team-shipping\n");

        Registry registry = build(project);

        assertThat(registry.services()).extracting(ServiceEntry::name).containsExactly("shipping", "user");
        assertThat(registry.service("shipping").orElseThrow().owner()).isEqualTo("team-shipping");
    }

    @Test
    @DisplayName("the same inputs merged twice give the same bytes")
    void mergedRegistryIsStable(@TempDir Path one, @TempDir Path two) throws Exception {
        for (Path dir : List.of(one, two)) {
            new ProtoProject(dir)
                    .proto("user.proto", ProtoProject.USER_PROTO)
                    .registryDependency(
                            "com.acme:shipping-api:1.0", "repo/shipping-api-1.0.jar", bundledRegistry(1, "shipping"))
                    .sourceDependency(BILLING_API, "lib/billing-api.jar", billingJar())
                    .request();
        }
        byte[] first =
                Files.readAllBytes(new RegistryBuilder().build(project(one)).registryFile());
        byte[] second =
                Files.readAllBytes(new RegistryBuilder().build(project(two)).registryFile());
        assertThat(first).isEqualTo(second);
    }

    @Test
    @DisplayName(
            "the fingerprint orders dependency jars by name, so their directories (reactor or repository) do not matter")
    void fingerprintIgnoresWhereJarsLie(@TempDir Path one, @TempDir Path two) throws Exception {
        // The mojo hands the jars over sorted by path: here, once zeta first and once alpha first.
        ProtoProject reactor = new ProtoProject(one)
                .proto("user.proto", ProtoProject.USER_PROTO)
                .jar("a/zeta-1.0.jar", Map.of("z.proto", MONEY_PROTO))
                .jar("b/alpha-1.0.jar", Map.of("a.proto", LEDGER_PROTO));
        ProtoProject standalone = new ProtoProject(two)
                .proto("user.proto", ProtoProject.USER_PROTO)
                .jar("a/alpha-1.0.jar", Map.of("a.proto", LEDGER_PROTO))
                .jar("b/zeta-1.0.jar", Map.of("z.proto", MONEY_PROTO));

        assertThat(build(reactor).fingerprint()).isEqualTo(build(standalone).fingerprint());
    }

    private static RegistryRequest project(Path dir) {
        return new ProtoProject(dir)
                .proto("user.proto", ProtoProject.USER_PROTO)
                .registryDependency(
                        "com.acme:shipping-api:1.0", "repo/shipping-api-1.0.jar", bundledRegistry(1, "shipping"))
                .sourceDependency(BILLING_API, "lib/billing-api.jar", billingJar())
                .request();
    }

    /** Turns the good project of the first run into the bad one. */
    @FunctionalInterface
    interface Breakage {
        void apply(ProtoProject project) throws Exception;
    }

    record BadInput(Breakage breakage, String place, String what, String fix) {}

    static Stream<Arguments> badInputs() {
        return Stream.of(
                bad(
                        "an artifact that holds no protos",
                        p -> p.sourceDependency(
                                "com.acme:billing-grpc:3.2.0",
                                "repo/billing-grpc.jar",
                                Map.of("com/acme/billing/v1/BillingServiceGrpc.class", "x")),
                        "<protoSourceDependencies>: ",
                        "com.acme:billing-grpc:3.2.0 holds no .proto files",
                        "name the artifact that holds the protos"),
                bad(
                        "an artifact whose protos the globs leave out",
                        p -> p.includes("acme/user/**").sourceDependency(BILLING_API, "repo/b.jar", billingJar()),
                        "<protoSourceDependencies>: ",
                        "holds 3 .proto file(s), but <includes> and <excludes> select none of them",
                        "widen <includes>"),
                bad(
                        "a local copy of a dependency's proto",
                        p -> p.proto("acme/billing/v1/billing.proto", BILLING_PROTO)
                                .proto("acme/billing/v1/money.proto", MONEY_PROTO)
                                .excludes("acme/billing/v1/money.proto")
                                .sourceDependency(
                                        BILLING_API,
                                        "repo/b.jar",
                                        Map.of(
                                                "acme/billing/v1/billing.proto", BILLING_PROTO,
                                                "acme/billing/v1/money.proto", MONEY_PROTO)),
                        "src/main/proto/acme/billing/v1/billing.proto: ",
                        "also in com.acme:billing-api:3.2.0!/acme/billing/v1/billing.proto",
                        "delete the local copy and use the artifact's, or remove com.acme:billing-api from"
                                + " <protoSourceDependencies>"),
                bad(
                        "a service defined locally and in a dependency, in files of other names",
                        p -> p.proto("ledger.proto", LEDGER_PROTO.replace("message PostRequest", "message Other"))
                                .sourceDependency(BILLING_API, "repo/b.jar", billingJar()),
                        "src/main/proto/ledger.proto:3:1: ",
                        "service acme.ledger.v1.LedgerService is already defined at"
                                + " com.acme:billing-api:3.2.0!/acme/ledger/v1/ledger.proto:3:1",
                        "a source dependency defines it now: delete the project's copy"),
                bad(
                        "a registry dependency that bundles no registry",
                        p -> p.registryDependency("com.acme:none:1.0", "repo/none.jar", "")
                                .writeJar("repo/none.jar", Map.of("a.txt", "x")),
                        "<registryDependencies>: ",
                        "com.acme:none:1.0 bundles no META-INF/switchboard/registry.json",
                        "build that module with switchboard's registry or generate goal"),
                bad(
                        "a bundled registry of a newer schema version",
                        p -> p.registryDependency(
                                "com.acme:shipping-api:9.0", "repo/s.jar", bundledRegistry(2, "shipping")),
                        "com.acme:shipping-api:9.0!/META-INF/switchboard/registry.json:2:",
                        "2 is newer than this switchboard understands (1)",
                        "upgrade the switchboard runtime and plugin"),
                bad(
                        "a bundled service with the name of a local one",
                        p -> p.registryDependency("com.acme:users:1.0", "repo/u.jar", bundledRegistry(1, "user")),
                        "<registryDependencies>: ",
                        "service \"user\" of com.acme:users:1.0!/META-INF/switchboard/registry.json is also defined by"
                                + " src/main/proto/user.proto:",
                        "set option (switchboard.name) on the project's service"),
                bad(
                        "two bundled registries with one name",
                        p -> p.registryDependency("com.acme:a:1.0", "repo/a.jar", bundledRegistry(1, "shipping"))
                                .registryDependency("com.acme:b:1.0", "repo/b.jar", bundledRegistry(1, "shipping")),
                        "<registryDependencies>: ",
                        "service \"shipping\" of com.acme:b:1.0!/META-INF/switchboard/registry.json is also defined by"
                                + " com.acme:a:1.0!/META-INF/switchboard/registry.json",
                        "remove one artifact from <registryDependencies>"),
                bad(
                        "one artifact taken both ways",
                        p -> p.sourceDependency(
                                        BILLING_API,
                                        "repo/b.jar",
                                        Map.of(
                                                "acme/billing/v1/billing.proto",
                                                BILLING_PROTO,
                                                "acme/billing/v1/money.proto",
                                                MONEY_PROTO))
                                .registryDependency(BILLING_API, "repo/b-registry.jar", bundledRegistry(1, "billing")),
                        "<registryDependencies>: ",
                        "service \"billing\" of com.acme:billing-api:3.2.0!/META-INF/switchboard/registry.json is also"
                                + " defined by com.acme:billing-api:3.2.0!/acme/billing/v1/billing.proto",
                        "take com.acme:billing-api through <protoSourceDependencies> or through <registryDependencies>,"
                                + " not both"));
    }

    private static Arguments bad(String name, Breakage breakage, String place, String what, String fix) {
        return Arguments.of(Named.of(name, new BadInput(breakage, place, what, fix)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badInputs")
    @DisplayName("a bad dependency input fails with one placed problem and its fix, and the earlier registry stays")
    void failsPlacedAndKeepsOutputs(BadInput bad, @TempDir Path dir) throws Exception {
        ProtoProject project = new ProtoProject(dir).proto("user.proto", ProtoProject.USER_PROTO);
        new RegistryBuilder().build(project.request());
        Path outputs = dir.resolve("target/switchboard");
        OutputSnapshot before = OutputSnapshot.of(outputs);

        bad.breakage().apply(project);

        assertThatThrownBy(() -> new RegistryBuilder().build(project.request()))
                .isInstanceOfSatisfying(InputException.class, e -> {
                    SoftAssertions soft = new SoftAssertions();
                    soft.assertThat(e.problems()).as("problems").hasSize(1);
                    String problem = e.problems().stream()
                            .map(Problem::toString)
                            .findFirst()
                            .orElse("");
                    soft.assertThat(problem).startsWith(bad.place()).contains(bad.what(), bad.fix());
                    soft.assertThat(e.getMessage())
                            .as("no internal names or absolute paths")
                            .doesNotContain("Exception", dir.toString());
                    soft.assertAll();
                });
        before.assertUnchanged(outputs);
    }

    static Stream<Arguments> malformedEntries() {
        return Stream.of(
                Arguments.of(Named.of("one part", "billing-api"), "\"billing-api\" is not groupId:artifactId"),
                Arguments.of(Named.of("four parts", "com.acme:billing-api:jar:3.2.0"), "is not groupId:artifactId"),
                Arguments.of(Named.of("an empty part", "com.acme::3.2.0"), "\"com.acme::3.2.0\" is not"),
                Arguments.of(Named.of("a trailing comma", "com.acme:billing-api,"), "\"\" is not groupId"),
                Arguments.of(
                        Named.of("an entry twice", "com.acme:a, com.acme:a:1.0"),
                        "com.acme:a is listed more than once"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("malformedEntries")
    @DisplayName("a malformed dependency entry names the parameter, the entry and the form to use")
    void malformedEntry(String value, String what) {
        String parameter = "<protoSourceDependencies> (switchboard.protoSourceDependencies)";
        assertThatThrownBy(() -> DependencyCoordinates.parse(value, parameter))
                .isInstanceOfSatisfying(InputException.class, e -> {
                    assertThat(e.problems()).hasSize(1);
                    assertThat(e.problems().get(0).toString())
                            .startsWith(parameter + ": ")
                            .contains(what);
                    assertThat(e.problems().get(0).fix()).isNotBlank();
                });
    }

    @Test
    @DisplayName("well-formed entries give coordinates with or without a version")
    void wellFormedEntries() throws Exception {
        assertThat(DependencyCoordinates.parse(
                        " com.acme:billing-api , com.google.api.grpc:proto-google-cloud-pubsub-v1:1.160.0", "p"))
                .containsExactly(
                        new DependencyCoordinates("com.acme", "billing-api", null),
                        new DependencyCoordinates("com.google.api.grpc", "proto-google-cloud-pubsub-v1", "1.160.0"));
        assertThat(DependencyCoordinates.parse("  ", "p")).isEmpty();
    }
}
