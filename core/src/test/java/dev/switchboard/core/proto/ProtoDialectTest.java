package dev.switchboard.core.proto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.switchboard.core.diag.InputException;
import dev.switchboard.core.diag.Problem;
import dev.switchboard.core.testing.ProtoProject;
import dev.switchboard.runtime.registry.MethodInfo;
import dev.switchboard.runtime.registry.Registry;
import dev.switchboard.runtime.registry.RegistryCodec;
import dev.switchboard.runtime.registry.RegistryFormat;
import dev.switchboard.runtime.registry.ServiceEntry;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Protos that protoc accepts and Wire alone does not (editions, proto2 groups) load, and give the registry
 * of their proto3 or proto2 equivalents. Every fixture here compiles with protoc 33.6.
 */
class ProtoDialectTest {
    private static final Set<String> IGNORED = Set.of("google.protobuf", "google.api", "switchboard");

    /** The orders service in proto3, the reference the editions forms are compared with. */
    private static final String P3 = """
                syntax = "proto3";
                package acme.shop.v1;
                import "google/api/annotations.proto";
                option java_package = "com.acme.shop.v1";
                // Orders and their lines.
                service OrderService {
                  rpc GetOrder(GetOrderRequest) returns (Order) {
                    option idempotency_level = NO_SIDE_EFFECTS;
                    option (google.api.http) = { get: "/v1/orders/{id}" };
                  }
                  rpc CancelOrder(CancelOrderRequest) returns (Order) { option deprecated = true; }
                  rpc WatchOrders(GetOrderRequest) returns (stream OrderShippedEvent);
                }
                message GetOrderRequest { string id = 1; }
                message CancelOrderRequest { string id = 1; reserved 2; reserved "reason"; }
                message Order {
                  string id = 1;
                  Status status = 2;
                  repeated int32 lines = 3;
                  Detail detail = 4;
                  message Detail { optional int32 weight = 1; }
                  map<string, string> labels = 5;
                  oneof payment { string card = 6; int32 voucher = 7; }
                }
                enum Status { STATUS_UNSPECIFIED = 0; STATUS_OPEN = 1; }
                message OrderShippedEvent { Order order = 1; }
                """;

    /** The same in edition 2023: features, a {@code *_features.proto} import, a reserved name as an identifier. */
    private static final String E23 = """
                edition = "2023";
                package acme.shop.v1;
                import "google/api/annotations.proto";
                import "google/protobuf/java_features.proto";
                option java_package = "com.acme.shop.v1";
                option features.field_presence = IMPLICIT;
                // Orders and their lines.
                service OrderService {
                  rpc GetOrder(GetOrderRequest) returns (Order) {
                    option idempotency_level = NO_SIDE_EFFECTS;
                    option (google.api.http) = { get: "/v1/orders/{id}" };
                  }
                  rpc CancelOrder(CancelOrderRequest) returns (Order) { option deprecated = true; }
                  rpc WatchOrders(GetOrderRequest) returns (stream OrderShippedEvent);
                }
                message GetOrderRequest { string id = 1 [features.(pb.java).utf8_validation = VERIFY]; }
                message CancelOrderRequest { string id = 1; reserved 2; reserved reason; }
                message Order {
                  string id = 1;
                  Status status = 2;
                  repeated int32 lines = 3 [features.repeated_field_encoding = PACKED, deprecated = false];
                  Detail detail = 4 [features.message_encoding = LENGTH_PREFIXED];
                  message Detail { int32 weight = 1 [features.field_presence = EXPLICIT]; }
                  map<string, string> labels = 5;
                  oneof payment { string card = 6; int32 voucher = 7; }
                }
                enum Status { option features.enum_type = OPEN; STATUS_UNSPECIFIED = 0; STATUS_OPEN = 1; }
                message OrderShippedEvent { Order order = 1; }
                """;

    /** The same in edition 2024: {@code import option}, {@code export} and {@code local}. */
    private static final String E24 = """
                edition = "2024";
                package acme.shop.v1;
                import "google/api/annotations.proto";
                import option "google/protobuf/java_features.proto";
                option java_package = "com.acme.shop.v1";
                option features.field_presence = IMPLICIT;
                // Orders and their lines.
                service OrderService {
                  rpc GetOrder(GetOrderRequest) returns (Order) {
                    option idempotency_level = NO_SIDE_EFFECTS;
                    option (google.api.http) = { get: "/v1/orders/{id}" };
                  }
                  rpc CancelOrder(CancelOrderRequest) returns (Order) { option deprecated = true; }
                  rpc WatchOrders(GetOrderRequest) returns (stream OrderShippedEvent);
                }
                export message GetOrderRequest { string id = 1 [features.(pb.java).utf8_validation = VERIFY]; }
                local message CancelOrderRequest { string id = 1; reserved 2; reserved reason; }
                export message Order {
                  string id = 1;
                  Status status = 2;
                  repeated int32 lines = 3;
                  Detail detail = 4;
                  message Detail { int32 weight = 1 [features.field_presence = EXPLICIT]; }
                  map<string, string> labels = 5;
                  oneof payment { string card = 6; int32 voucher = 7; }
                }
                export enum Status { STATUS_UNSPECIFIED = 0; STATUS_OPEN = 1; }
                message OrderShippedEvent { Order order = 1; }
                """;

    /** A proto3 file using a message and an open enum of the orders file. */
    private static final String REPORT = """
                syntax = "proto3";
                package acme.report.v1;
                import "acme/shop/v1/orders.proto";
                service ReportService { rpc Report(ReportRequest) returns (ReportRequest); }
                message ReportRequest { acme.shop.v1.Status status = 1; acme.shop.v1.Order order = 2; }
                """;

    /** proto2 groups, one in a oneof, and an HTTP path through a group's field. */
    private static final String GROUPS = """
                syntax = "proto2";
                package legacy;
                import "google/api/annotations.proto";
                service SearchService {
                  rpc Search(SearchRequest) returns (SearchResponse) {
                    option (google.api.http) = { get: "/v1/search/{query.text}" };
                  }
                }
                message SearchRequest {
                  optional group Query = 1 { optional string text = 2; }
                  oneof page { group Cursor = 3 { optional string token = 4; } }
                }
                message SearchResponse {
                  repeated group Result = 1 { optional string url = 2; optional int32 rank = 3; }
                }
                """;

    /** What protoc makes of those groups: nested messages and fields named in lower case. */
    private static final String NESTED = """
                syntax = "proto2";
                package legacy;
                import "google/api/annotations.proto";
                service SearchService {
                  rpc Search(SearchRequest) returns (SearchResponse) {
                    option (google.api.http) = { get: "/v1/search/{query.text}" };
                  }
                }
                message SearchRequest {
                  optional Query query = 1;
                  message Query { optional string text = 2; }
                  oneof page { Cursor cursor = 3; }
                  message Cursor { optional string token = 4; }
                }
                message SearchResponse {
                  repeated Result result = 1;
                  message Result { optional string url = 2; optional int32 rank = 3; }
                }
                """;

    /** A proto2 enum that does not start at zero. */
    private static final String CODES = """
                syntax = "proto2";
                package legacy;
                enum Code { CODE_OK = 1; CODE_LOST = 2; }
                """;

    /** A proto2 file with a required field, defaults, an extension range and an extension. */
    private static final String STOCK2 = """
                syntax = "proto2";
                package legacy;
                import "legacy/codes.proto";
                service StockService { rpc Count(CountRequest) returns (CountResponse); }
                message CountRequest {
                  optional string sku = 1;
                  required int32 shelf = 2 [default = 1];
                  optional Code code = 3;
                  extensions 100 to 200;
                }
                enum Unit { UNIT_PIECE = 1; UNIT_BOX = 2; }
                message CountResponse { optional int64 count = 1; optional Unit unit = 2 [default = UNIT_BOX]; }
                extend CountRequest { optional string note = 100; }
                """;

    /** The same migrated to edition 2023: closed enums, a proto2 enum, defaults, extensions. */
    private static final String STOCKE = """
                edition = "2023";
                package legacy;
                import "legacy/codes.proto";
                option features.enum_type = CLOSED;
                option features.utf8_validation = NONE;
                service StockService { rpc Count(CountRequest) returns (CountResponse); }
                message CountRequest {
                  string sku = 1;
                  int32 shelf = 2 [default = 1, features.field_presence = LEGACY_REQUIRED];
                  Code code = 3;
                  extensions 100 to 200;
                }
                enum Unit { UNIT_PIECE = 1; UNIT_BOX = 2; }
                message CountResponse { int64 count = 1; Unit unit = 2 [default = UNIT_BOX]; }
                extend CountRequest { string note = 100; }
                """;

    @TempDir
    Path dir;

    private static List<ServiceEntry> read(ProtoProject project) throws InputException {
        ProtoServiceReader reader = new ProtoServiceReader(project.inputs());
        List<Problem> problems = new ArrayList<>();
        List<ProtoSource> sources = reader.sources(problems, problems);
        assertThat(problems).isEmpty();
        return reader.read(sources, IGNORED).services();
    }

    private static String registry(ProtoProject project) throws InputException {
        return RegistryCodec.write(Registry.of("f", read(project)), RegistryFormat.JSON);
    }

    private ProtoProject project(String name) {
        return new ProtoProject(dir.resolve(name)).withGoogleCommonProtos();
    }

    static Stream<Arguments> editions() {
        return Stream.of(Arguments.of(Named.of("edition 2023", E23)), Arguments.of(Named.of("edition 2024", E24)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("editions")
    @DisplayName("an editions file gives the registry of its proto3 equivalent, and proto3 files may use its types")
    void editionsLikeProto3(String orders) throws Exception {
        String proto3 = registry(
                project("proto3").proto("acme/shop/v1/orders.proto", P3).proto("acme/report/v1/report.proto", REPORT));
        String editions = registry(project("editions")
                .proto("acme/shop/v1/orders.proto", orders)
                .proto("acme/report/v1/report.proto", REPORT));

        assertThat(editions).isEqualTo(proto3).contains("\"idempotency\" : \"NO_SIDE_EFFECTS\"");
    }

    @Test
    @DisplayName("proto2 groups give the registry of the nested messages and fields protoc makes of them")
    void groupsLikeNestedMessages() throws Exception {
        String nested = registry(project("nested").proto("legacy/search.proto", NESTED));
        String groups = registry(project("groups").proto("legacy/search.proto", GROUPS));

        assertThat(groups).isEqualTo(nested).contains("/v1/search/{query.text}");
    }

    @Test
    @DisplayName(
            "a proto2 file migrated to edition 2023 (closed enums, defaults, extensions) gives the proto2 registry")
    void migratedEditionsLikeProto2() throws Exception {
        String proto2 = registry(new ProtoProject(dir.resolve("proto2"))
                .proto("legacy/codes.proto", CODES)
                .proto("legacy/stock.proto", STOCK2));
        String editions = registry(new ProtoProject(dir.resolve("editions"))
                .proto("legacy/codes.proto", CODES)
                .proto("legacy/stock.proto", STOCKE));

        assertThat(editions).isEqualTo(proto2).contains("\"input\" : \"legacy.CountRequest\"");
    }

    @Test
    @DisplayName("editions files and groups load from dependency jars and import paths too")
    void importedFromJarsAndImportPaths() throws Exception {
        ProtoProject project = project("imports")
                .jar("lib/shop-api.jar", Map.of("acme/shop/v1/orders.proto", E23))
                .importPaths("vendor")
                .file("vendor/legacy/search.proto", GROUPS)
                .proto("acme/report/v1/report.proto", REPORT)
                .proto("finder.proto", """
                        syntax = "proto2";
                        package finder;
                        import "legacy/search.proto";
                        service Finder { rpc Find(legacy.SearchRequest) returns (legacy.SearchResponse); }
                        """);

        List<ServiceEntry> services = read(project);

        assertThat(services).extracting(ServiceEntry::name).containsExactly("finder", "report");
        assertThat(services.get(0).methods())
                .extracting(MethodInfo::input, MethodInfo::output)
                .containsExactly(tuple("legacy.SearchRequest", "legacy.SearchResponse"));
    }

    static Stream<Arguments> rewrites() {
        return Stream.of(
                rewrite(
                        "a proto3 file is left as it is",
                        "syntax = \"proto3\";\nmessage M {}",
                        "syntax = \"proto3\";\nmessage M {}"),
                rewrite("the edition becomes proto3 syntax", "edition = \"2023\";\n", "syntax=\"proto3\"; \n"),
                rewrite(
                        "an edition written tight takes the room after it",
                        "edition=\"2024\";  package a;",
                        "syntax=\"proto3\"; package a;"),
                rewrite(
                        "a features option statement goes",
                        "edition = \"2023\";\noption features.field_presence = IMPLICIT; option java_package = \"a\";",
                        "syntax=\"proto3\"; \n"
                                + " ".repeat("option features.field_presence = IMPLICIT; ".length())
                                + "option java_package = \"a\";"),
                rewrite(
                        "a features entry goes with its comma; the other options stay",
                        "edition = \"2023\";\nmessage M { string a = 1 [features.x = Y, deprecated = true, features.(pb.java).z = 1]; }",
                        "syntax=\"proto3\"; \nmessage M { string a = 1 ["
                                + " ".repeat("features.x = Y, ".length())
                                + "deprecated = true"
                                + " ".repeat(", features.(pb.java).z = 1".length())
                                + "]; }"),
                rewrite(
                        "a list of nothing but features goes whole",
                        "edition = \"2023\";\nenum E { A = 0 [features.x = Y]; }",
                        "syntax=\"proto3\"; \nenum E { A = 0                 ; }"),
                rewrite(
                        "reserved names written as identifiers go; reserved numbers stay",
                        "edition = \"2023\";\nmessage M { reserved foo, bar; reserved 2 to 4; }",
                        "syntax=\"proto3\"; \nmessage M {                    reserved 2 to 4; }"),
                rewrite(
                        "export and local go; a field named local stays",
                        "edition = \"2024\";\nexport message M { local x = 1; }\nlocal enum E { A = 0; }",
                        "syntax=\"proto3\"; \n       message M { local x = 1; }\n      enum E { A = 0; }"),
                rewrite(
                        "import option becomes a plain import; a features file import goes",
                        "edition = \"2024\";\nimport option \"a/o.proto\";\nimport \"google/protobuf/cpp_features.proto\";",
                        "syntax=\"proto3\"; \nimport        \"a/o.proto\";\n                                            "),
                rewrite(
                        "features in comments and strings are left alone",
                        "edition = \"2023\";\n// option features.x = Y;\noption java_package = \"features.x\";",
                        "syntax=\"proto3\"; \n// option features.x = Y;\noption java_package = \"features.x\";"));
    }

    private static Arguments rewrite(String name, String text, String wire) {
        return Arguments.of(Named.of(name, text), wire);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rewrites")
    @DisplayName("an editions file is rewritten for Wire in place: no line or column moves")
    void rewritesInPlace(String text, String wire) {
        List<Problem> problems = new ArrayList<>();

        WireDialect.View view = WireDialect.view(text, "a.proto", problems);

        assertThat(view.text()).isEqualTo(wire);
        assertThat(problems).isEmpty();
    }
}
