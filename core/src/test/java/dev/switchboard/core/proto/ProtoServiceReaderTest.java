package dev.switchboard.core.proto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.switchboard.core.diag.InputException;
import dev.switchboard.core.diag.Problem;
import dev.switchboard.core.testing.ProtoProject;
import dev.switchboard.runtime.registry.Dependency;
import dev.switchboard.runtime.registry.Endpoint;
import dev.switchboard.runtime.registry.Event;
import dev.switchboard.runtime.registry.Health;
import dev.switchboard.runtime.registry.HttpRule;
import dev.switchboard.runtime.registry.MethodInfo;
import dev.switchboard.runtime.registry.RateLimit;
import dev.switchboard.runtime.registry.ServiceEntry;
import dev.switchboard.runtime.registry.ServiceKind;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProtoServiceReaderTest {
    private static final Set<String> IGNORED = Set.of("google.protobuf", "google.api", "switchboard");

    @TempDir
    Path dir;

    private ProtoServices read(ProtoProject project) throws InputException {
        ProtoServiceReader reader = new ProtoServiceReader(project.inputs());
        List<Problem> problems = new ArrayList<>();
        List<ProtoSource> sources = reader.sources(problems, problems);
        assertThat(problems).isEmpty();
        return reader.read(sources, IGNORED);
    }

    private static ServiceEntry service(ProtoServices services, String name) {
        return services.services().stream()
                .filter(s -> s.name().equals(name))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no service " + name + " in " + services.services()));
    }

    private ProtoProject crossPackageTree() {
        return new ProtoProject(dir)
                .proto("acme/common/v1/money.proto", """
                        syntax = "proto3";
                        package acme.common.v1;
                        message Money { string currency = 1; int64 units = 2; }
                        """)
                .proto("acme/billing/v1/billing.proto", """
                        syntax = "proto3";
                        package acme.billing.v1;
                        import "acme/common/v1/money.proto";
                        option java_package = "com.acme.billing.v1";
                        // Invoices.
                        service BillingService {
                          rpc GetInvoice(GetInvoiceRequest) returns (Invoice);
                        }
                        message GetInvoiceRequest { string id = 1; }
                        message Invoice { string id = 1; acme.common.v1.Money total = 2; }
                        """)
                .proto("acme/user/v1/user.proto", """
                        syntax = "proto3";
                        package acme.user.v1;
                        import "acme/billing/v1/billing.proto";
                        option java_package = "com.acme.user.v1";
                        option java_multiple_files = true;

                        // Accounts and profiles.
                        service UserService {
                          rpc GetUser(GetUserRequest) returns (User);
                          rpc WatchUsers(GetUserRequest) returns (stream User);
                          rpc Upload(stream User) returns (GetUserRequest) { option deprecated = true; }
                        }
                        message GetUserRequest { string id = 1; }
                        message User { string id = 1; Profile profile = 2; }
                        message Profile { map<string, acme.billing.v1.Invoice> invoices = 1; }
                        message UserCreatedEvent { User user = 1; }
                        """);
    }

    @Test
    @DisplayName("one grpc entry per proto service, named, versioned and located as grpc-java generates it")
    void mapsServices() throws Exception {
        ProtoServices services = read(crossPackageTree());

        assertThat(services.services()).extracting(ServiceEntry::name).containsExactly("billing", "user");
        ServiceEntry user = service(services, "user");
        SoftAssertions soft = new SoftAssertions();
        soft.assertThat(user.kind()).isEqualTo(ServiceKind.GRPC);
        soft.assertThat(user.version()).isEqualTo("v1");
        soft.assertThat(user.displayName()).isEqualTo("UserService");
        soft.assertThat(user.description()).isEqualTo("Accounts and profiles.");
        soft.assertThat(user.proto().file()).isEqualTo("acme/user/v1/user.proto");
        soft.assertThat(user.proto().protoPackage()).isEqualTo("acme.user.v1");
        soft.assertThat(user.proto().service()).isEqualTo("acme.user.v1.UserService");
        soft.assertThat(user.proto().javaPackage()).isEqualTo("com.acme.user.v1");
        soft.assertThat(user.proto().stubClass()).isEqualTo("com.acme.user.v1.UserServiceGrpc");
        soft.assertThat(user.proto().outerClass()).isEqualTo("com.acme.user.v1.UserOuterClass");
        soft.assertThat(user.proto().multipleFiles()).isTrue();
        soft.assertThat(service(services, "billing").proto().outerClass()).isEqualTo("com.acme.billing.v1.Billing");
        soft.assertAll();
    }

    @Test
    @DisplayName("UTF-8 text beyond ASCII reads as written, a replacement character (U+FFFD) written in a comment"
            + " included, and a byte-order mark is skipped")
    void readsUtf8Text() throws Exception {
        ProtoProject project =
                new ProtoProject(dir).proto("acme/greet/v1/greet.proto", """
                        syntax = "proto3";
                        package acme.greet.v1;
                        // Grüße, 你好, 👋.
                        service GreetService { rpc Greet(Hello) returns (Hello); }
                        message Hello { string text = 1; }
                        """).proto("acme/mark/v1/mark.proto", """
                        syntax = "proto3";
                        package acme.mark.v1;
                        // Shown as � where a byte was lost.
                        service MarkService { rpc Mark(Marked) returns (Marked); }
                        message Marked { string text = 1; }
                        """);
        Path withBom = project.sourceRoot().resolve("acme/mark/v1/mark.proto");
        byte[] text = Files.readAllBytes(withBom);
        byte[] bom = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
        byte[] marked = new byte[bom.length + text.length];
        System.arraycopy(bom, 0, marked, 0, bom.length);
        System.arraycopy(text, 0, marked, bom.length, text.length);
        Files.write(withBom, marked);

        ProtoServices services = read(project);

        assertThat(service(services, "greet").description()).isEqualTo("Grüße, 你好, 👋.");
        assertThat(service(services, "mark").description()).isEqualTo("Shown as \uFFFD where a byte was lost.");
        assertThat(service(services, "mark").proto().file()).isEqualTo("acme/mark/v1/mark.proto");
    }

    @Test
    @DisplayName("methods carry their types, streaming and deprecation; streams and …Event messages are events")
    void mapsMethodsAndEvents() throws Exception {
        ServiceEntry user = service(read(crossPackageTree()), "user");

        assertThat(user.methods())
                .containsExactly(
                        new MethodInfo(
                                "GetUser",
                                "acme.user.v1.GetUserRequest",
                                "acme.user.v1.User",
                                false,
                                false,
                                false,
                                null,
                                List.of(),
                                null),
                        new MethodInfo(
                                "WatchUsers",
                                "acme.user.v1.GetUserRequest",
                                "acme.user.v1.User",
                                false,
                                true,
                                false,
                                null,
                                List.of(),
                                null),
                        new MethodInfo(
                                "Upload",
                                "acme.user.v1.User",
                                "acme.user.v1.GetUserRequest",
                                true,
                                false,
                                true,
                                null,
                                List.of(),
                                null));
        assertThat(user.events())
                .containsExactly(new Event("UserCreatedEvent", "message"), new Event("WatchUsers", "stream"));
    }

    @Test
    @DisplayName(
            "a type from another service's package, even through a map field, makes a dependency; a package without a service does not")
    void infersDependenciesFromTypes() throws Exception {
        ProtoServices services = read(crossPackageTree());

        assertThat(service(services, "user").dependencies())
                .containsExactly(new Dependency("billing", "type:acme.billing.v1.Invoice"));
        assertThat(service(services, "billing").dependencies()).isEmpty();
    }

    @Test
    @DisplayName("proto2 files load like proto3 ones")
    void readsProto2() throws Exception {
        ProtoProject project = new ProtoProject(dir).proto("legacy.proto", """
                syntax = "proto2";
                package legacy;
                service LegacyInventory {
                  rpc Count(CountRequest) returns (CountResponse);
                }
                message CountRequest { optional string sku = 1; required int32 shelf = 2 [default = 1]; }
                message CountResponse { optional int64 count = 1; }
                """);

        ServiceEntry legacy = read(project).services().get(0);

        assertThat(legacy.name()).isEqualTo("legacy-inventory");
        assertThat(legacy.version()).isNull();
        assertThat(legacy.proto().javaPackage()).isEqualTo("legacy");
        assertThat(legacy.methods()).extracting(MethodInfo::input).containsExactly("legacy.CountRequest");
    }

    @Test
    @DisplayName(
            "google.api.http rules from the real common-protos jar become rules and endpoints, additional bindings included")
    void readsHttpRules() throws Exception {
        ProtoProject project = new ProtoProject(dir).withGoogleCommonProtos().proto("users.proto", """
                syntax = "proto3";
                package acme.users.v2;
                import "google/api/annotations.proto";
                service UserService {
                  rpc GetUser(GetUserRequest) returns (User) {
                    option (google.api.http) = {
                      get: "/v2/users/{id}"
                      additional_bindings { post: "/v2/users:lookup" body: "*" }
                      additional_bindings { custom: { kind: "HEAD" path: "/v2/users/{id}" } }
                    };
                    option idempotency_level = NO_SIDE_EFFECTS;
                  }
                  rpc UpdateUser(User) returns (User) {
                    option (google.api.http) = { patch: "/v2/users/{id}" body: "*" };
                  }
                }
                message GetUserRequest { string id = 1; }
                message User { string id = 1; }
                """);

        ServiceEntry users = read(project).services().get(0);

        assertThat(users.methods().get(0).http())
                .containsExactly(
                        new HttpRule("GET", "/v2/users/{id}", ""),
                        new HttpRule("POST", "/v2/users:lookup", "*"),
                        new HttpRule("HEAD", "/v2/users/{id}", ""));
        assertThat(users.methods().get(0).idempotency()).isEqualTo("NO_SIDE_EFFECTS");
        assertThat(users.endpoints())
                .containsExactly(
                        new Endpoint("GET", "/v2/users/{id}", "GetUser", ""),
                        new Endpoint("POST", "/v2/users:lookup", "GetUser", "*"),
                        new Endpoint("HEAD", "/v2/users/{id}", "GetUser", ""),
                        new Endpoint("PATCH", "/v2/users/{id}", "UpdateUser", "*"));
    }

    @Test
    @DisplayName("a '**' before a last variable, as Google's Firestore API writes its parent paths, is a valid rule")
    void acceptsDoubleStarBeforeLastVariable() throws Exception {
        ProtoProject project = new ProtoProject(dir).withGoogleCommonProtos().proto("documents.proto", """
                syntax = "proto3";
                package acme.documents.v1;
                import "google/api/annotations.proto";
                service Documents {
                  rpc ListDocuments(ListDocumentsRequest) returns (ListDocumentsResponse) {
                    option (google.api.http) = {
                      get: "/v1/{parent=projects/*/databases/*/documents/*/**}/{collection_id}"
                    };
                  }
                }
                message ListDocumentsRequest { string parent = 1; string collection_id = 2; }
                message ListDocumentsResponse {}
                """);

        ServiceEntry documents = read(project).services().get(0);

        assertThat(documents.methods().get(0).http())
                .containsExactly(
                        new HttpRule("GET", "/v1/{parent=projects/*/databases/*/documents/*/**}/{collection_id}", ""));
    }

    @Test
    @DisplayName("a project that depends on switchboard-options (to compile its protos with protoc) imports the"
            + " options from that jar, with no clash with the plugin's own copy")
    void optionsJarAsADependency() throws Exception {
        Path jar = dir.resolve("switchboard-options.jar");
        try (java.util.zip.ZipOutputStream zip = new java.util.zip.ZipOutputStream(Files.newOutputStream(jar))) {
            zip.putNextEntry(new java.util.zip.ZipEntry("switchboard/options.proto"));
            try (var options = ProtoLoader.class.getClassLoader().getResourceAsStream(OptionsRoot.OPTIONS)) {
                options.transferTo(zip);
            }
            zip.closeEntry();
        }
        ProtoProject project = new ProtoProject(dir.resolve("p")).archive(jar).proto("pay.proto", """
                syntax = "proto3";
                package acme.pay.v1;
                import "switchboard/options.proto";
                service PaymentService {
                  option (switchboard.group) = "money";
                  rpc Pay(PayRequest) returns (PayResponse);
                }
                message PayRequest {}
                message PayResponse {}
                """);

        assertThat(read(project).services())
                .singleElement()
                .satisfies(s -> assertThat(s.group()).isEqualTo("money"));
    }

    @Test
    @DisplayName("switchboard/options.proto is importable with no configuration and its options fill the entry")
    void readsSwitchboardOptions() throws Exception {
        ProtoProject project = new ProtoProject(dir).proto("pay.proto", """
                syntax = "proto3";
                package acme.pay.v1;
                import "switchboard/options.proto";
                service PaymentService {
                  option (switchboard.name) = "payments";
                  option (switchboard.group) = "money";
                  option (switchboard.owner) = "team-pay";
                  option (switchboard.health_http) = "/health/pay";
                  option (switchboard.health_grpc) = "";
                  option (switchboard.metrics_path) = "/metrics/pay";
                  option (switchboard.tag) = "tier=1";
                  option (switchboard.tag) = "pci=true";
                  option (switchboard.event) = "PaymentSettled";
                  option (switchboard.capability) = "audit";
                  option (switchboard.rate_limit) = { requests_per_second: 12.5 burst: 30 };
                  rpc Pay(PayRequest) returns (PayResponse);
                }
                message PayRequest {}
                message PayResponse {}
                """);

        ServiceEntry pay = read(project).services().get(0);

        SoftAssertions soft = new SoftAssertions();
        soft.assertThat(pay.name()).isEqualTo("payments");
        soft.assertThat(pay.group()).isEqualTo("money");
        soft.assertThat(pay.owner()).isEqualTo("team-pay");
        soft.assertThat(pay.health()).isEqualTo(new Health("/health/pay", ""));
        soft.assertThat(pay.metrics()).isEqualTo("/metrics/pay");
        soft.assertThat(pay.tags()).containsExactly(Map.entry("pci", "true"), Map.entry("tier", "1"));
        soft.assertThat(pay.events()).containsExactly(new Event("PaymentSettled", "option"));
        soft.assertThat(pay.capabilities())
                .extracting(c -> c.name() + "@" + c.source())
                .containsExactly("audit@option");
        soft.assertThat(pay.rateLimit()).isEqualTo(new RateLimit(12.5, 30));
        soft.assertAll();
    }

    @Test
    @DisplayName(
            "services whose derived names clash get their version or package added, in a stable order, with a note")
    void resolvesNameClashes() throws Exception {
        ProtoProject project = new ProtoProject(dir)
                .proto("a/user/v1/user.proto", "syntax = \"proto3\"; package a.user.v1; service UserService {}")
                .proto("a/user/v2/user.proto", "syntax = \"proto3\"; package a.user.v2; service UserService {}")
                .proto("b/admin/v1/user.proto", "syntax = \"proto3\"; package b.admin.v1; service User {}");

        ProtoServices services = read(project);

        assertThat(services.services())
                .extracting(s -> s.name() + "=" + s.proto().service())
                .containsExactly(
                        "admin-user=b.admin.v1.User", "user=a.user.v1.UserService", "user-v2=a.user.v2.UserService");
        assertThat(services.notes())
                .filteredOn(n -> n.contains("is registered as"))
                .containsExactly(
                        "service a.user.v2.UserService (src/main/proto/a/user/v2/user.proto:1:39) is registered as"
                                + " \"user-v2\" because \"user\" is taken by a.user.v1.UserService"
                                + " (src/main/proto/a/user/v1/user.proto:1:39); set option (switchboard.name) on either"
                                + " to choose names yourself",
                        "service b.admin.v1.User (src/main/proto/b/admin/v1/user.proto:1:40) is registered as"
                                + " \"admin-user\" because \"user\" is taken by a.user.v1.UserService"
                                + " (src/main/proto/a/user/v1/user.proto:1:39); set option (switchboard.name) on either"
                                + " to choose names yourself");
    }

    @Test
    @DisplayName("registry names are lower-case words joined by '-'")
    void derivesNames() {
        assertThat(ServiceNames.registryName("UserService")).isEqualTo("user");
        assertThat(ServiceNames.registryName("NotificationService")).isEqualTo("notification");
        assertThat(ServiceNames.registryName("UserProfileService")).isEqualTo("user-profile");
        assertThat(ServiceNames.registryName("HTTPGateway")).isEqualTo("http-gateway");
        assertThat(ServiceNames.registryName("S3Service")).isEqualTo("s3");
        assertThat(ServiceNames.registryName("Service")).isEqualTo("service");
        assertThat(ServiceNames.version("acme.user.v1beta2")).isEqualTo("v1beta2");
    }

    @Test
    @DisplayName("syntax errors in several files are all reported, each with file:line:col")
    void reportsEverySyntaxError() {
        ProtoProject project = new ProtoProject(dir)
                .proto("one.proto", "syntax = \"proto3\";\npackage one;\nmessage A { string x = 1 }\n")
                .proto(
                        "two.proto",
                        "syntax = \"proto3\";\npackage two;\nservice S { rpc Go(A) returns (A) }\nmessage A {");

        assertThatThrownBy(() -> read(project))
                .isInstanceOfSatisfying(
                        InputException.class,
                        e -> assertThat(e.problems())
                                .extracting(Problem::toString)
                                .satisfiesExactly(
                                        one -> assertThat(one)
                                                .startsWith("src/main/proto/one.proto:3:")
                                                .contains("expected ';'"),
                                        two -> assertThat(two).startsWith("src/main/proto/two.proto:")));
    }

    @Test
    @DisplayName("unresolved types and a missing import are reported together, the import with its line and a fix")
    void reportsLinkErrorsTogether() {
        ProtoProject project = new ProtoProject(dir)
                .proto("a.proto", "syntax = \"proto3\";\npackage a;\nmessage A { Missing m = 1; }\n")
                .proto("b.proto", "syntax = \"proto3\";\npackage b;\n\nimport \"nowhere/x.proto\";\nmessage B {}\n");

        assertThatThrownBy(() -> read(project))
                .isInstanceOfSatisfying(
                        InputException.class,
                        e -> assertThat(e.problems())
                                .extracting(Problem::toString)
                                .anySatisfy(p -> assertThat(p)
                                        .startsWith("src/main/proto/a.proto:3:13: unable to resolve Missing"))
                                .anySatisfy(p -> assertThat(p)
                                        .startsWith(
                                                "src/main/proto/b.proto:4:1: import \"nowhere/x.proto\" cannot be found")
                                        .contains("<protoImportPaths>")));
    }

    @Test
    @DisplayName("a syntax error does not hide link errors of files that do not import the broken one")
    void syntaxErrorsDoNotHideLinkErrors() {
        ProtoProject project = new ProtoProject(dir)
                .proto("broken.proto", "syntax = \"proto3\";\npackage b;\nmessage B { string x = 1 }\n")
                .proto(
                        "leans.proto",
                        "syntax = \"proto3\";\npackage l;\nimport \"broken.proto\";\nmessage L { b.B b = 1; }\n")
                .proto("other.proto", "syntax = \"proto3\";\npackage o;\nmessage O { Missing m = 1; }\n");

        assertThatThrownBy(() -> read(project))
                .isInstanceOfSatisfying(
                        InputException.class,
                        e -> assertThat(e.problems())
                                .extracting(Problem::toString)
                                .satisfiesExactly(
                                        broken -> assertThat(broken).startsWith("src/main/proto/broken.proto:3:"),
                                        other -> assertThat(other)
                                                .startsWith(
                                                        "src/main/proto/other.proto:3:13: unable to resolve Missing")
                                                .doesNotContain(dir.toString())));
    }

    @Test
    @DisplayName("a service defined in two files is reported with both places")
    void reportsDuplicateServices() {
        ProtoProject project = new ProtoProject(dir)
                .proto("x1.proto", "syntax = \"proto3\";\npackage x;\nservice Twice {}\n")
                .proto("x2.proto", "syntax = \"proto3\";\npackage x;\n\nservice Twice {}\n");

        assertThatThrownBy(() -> read(project))
                .isInstanceOfSatisfying(
                        InputException.class,
                        e -> assertThat(e.problems())
                                .extracting(Problem::toString)
                                .containsExactly(
                                        "src/main/proto/x2.proto:4:1: service x.Twice is already defined at "
                                                + "src/main/proto/x1.proto:3:1; rename one of them or exclude one file with <excludes>"));
    }

    @Test
    @DisplayName("excluded files are not services but stay importable")
    void excludesStayImportable() throws Exception {
        new ProtoProject(dir)
                .proto("shared/types.proto", "syntax = \"proto3\";\npackage shared;\nservice Hidden {}\nmessage T {}\n")
                .proto(
                        "api.proto",
                        "syntax = \"proto3\";\npackage api;\nimport \"shared/types.proto\";\n"
                                + "service Api { rpc Go(shared.T) returns (shared.T); }\n");
        ProtoInputs inputs = new ProtoInputs(
                dir,
                List.of(dir.resolve("src/main/proto")),
                List.of(),
                List.of(),
                List.of(),
                List.of("shared/**"),
                List.of(),
                null);
        ProtoServiceReader reader = new ProtoServiceReader(inputs);

        ProtoServices services = reader.read(reader.sources(new ArrayList<>(), new ArrayList<>()), IGNORED);

        assertThat(services.services()).extracting(ServiceEntry::name).containsExactly("api");
    }

    @Test
    @DisplayName("files are shown as their whole path gives them, under a root above the project or one with ..")
    void showsFilesOfRootsAboveTheProject() throws Exception {
        Path base = Files.createDirectories(dir.resolve("a/project/api")).getParent();
        Path other = Files.createDirectories(dir.resolve("other"));
        String twice = "syntax = \"proto3\";\npackage p;\nmessage M {}\n";
        Files.writeString(base.resolve("api/x.proto"), twice);
        Files.writeString(other.resolve("y.proto"), twice);
        Path dotted = base.resolve("../../other");
        ProtoInputs inputs = new ProtoInputs(
                base, List.of(dir.resolve("a"), dotted), List.of(), List.of(), List.of(), List.of(), List.of(), null);
        ProtoServiceReader reader = new ProtoServiceReader(inputs);

        // Duplicates are placed by the paths the parse stage shows, and name the first definition's.
        assertThatThrownBy(() -> reader.read(reader.sources(new ArrayList<>(), new ArrayList<>()), IGNORED))
                .isInstanceOfSatisfying(
                        InputException.class,
                        e -> assertThat(e.problems())
                                .extracting(Problem::toString)
                                .containsExactly(ProtoSourceScanner.display(
                                                base, dotted.resolve("y.proto").toAbsolutePath())
                                        + ":3:1: type p.M is already defined at api/x.proto:3:1; rename one of them or"
                                        + " exclude one file with <excludes>"));
    }
}
