package dev.switchboard.core.proto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.switchboard.core.diag.InputException;
import dev.switchboard.core.diag.Problem;
import dev.switchboard.core.registry.RegistryBuilder;
import dev.switchboard.core.registry.RegistryOutcome;
import dev.switchboard.core.testing.OutputSnapshot;
import dev.switchboard.core.testing.ProtoProject;
import dev.switchboard.runtime.registry.ServiceEntry;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Proto inputs a user gets wrong: each fails the build with one problem that names the place, says what
 * is wrong and how to fix it, and leaves the registry of the earlier good run byte-identical. Doubtful
 * inputs that protoc accepts build, with one placed warning each.
 */
class ProtoBadInputTest {

    /** Turns the good project of the first run into the bad one. */
    @FunctionalInterface
    interface Breakage {
        void apply(ProtoProject project) throws Exception;
    }

    /**
     * @param breakage what the user did
     * @param place how the problem starts: {@code file:line:col} or the XML parameter
     * @param what what is wrong, a fragment of the message
     * @param fix the fix, a fragment of the message
     */
    record BadInput(Breakage breakage, String place, String what, String fix) {}

    static Stream<Arguments> badInputs() {
        return Stream.of(
                bad(
                        "a configured source root that does not exist",
                        p -> p.sourceRoots("src/main/proto", "api/protos"),
                        "<protoSourceRoots>: ",
                        "api/protos does not exist",
                        "or remove it from <protoSourceRoots>"),
                bad(
                        "a source root that is a file",
                        p -> p.file("api.proto", ProtoProject.USER_PROTO).sourceRoots("src/main/proto", "api.proto"),
                        "<protoSourceRoots>: ",
                        "api.proto is a file, not a directory",
                        "name the directory that holds the protos"),
                bad(
                        "an import path that does not exist",
                        p -> p.importPaths("../shared-protos"),
                        "<protoImportPaths>: ",
                        "does not exist",
                        "correct the path, or remove it from <protoImportPaths>"),
                bad(
                        "an http path with an unclosed variable",
                        p -> p.withGoogleCommonProtos().proto("things.proto", http("get: \"/v1/{name\"")),
                        "src/main/proto/things.proto:6:44: ",
                        "http path \"/v1/{name\" of rpc GetThing: '{' has no closing '}'",
                        "close the variable, as in {name}"),
                bad(
                        "an http path that does not start with '/'",
                        p -> p.withGoogleCommonProtos().proto("things.proto", http("get: \"v1/things\"")),
                        "src/main/proto/things.proto:6:40: ",
                        "the path does not start with '/'",
                        "write \"/v1/things\""),
                bad(
                        "an http path with an empty variable",
                        p -> p.withGoogleCommonProtos().proto("things.proto", http("get: \"/v1/{}\"")),
                        "src/main/proto/things.proto:6:44: ",
                        "empty variable {}",
                        "name a field of the request message"),
                bad(
                        "an http variable with '=' and nothing after it",
                        p -> p.withGoogleCommonProtos().proto("things.proto", http("get: \"/v1/{name=}\"")),
                        "src/main/proto/things.proto:6:49: ",
                        "variable name has '=' but no segments after it",
                        "write {name=*} for one segment"),
                bad(
                        "an http path with two '**'",
                        p -> p.withGoogleCommonProtos().proto("things.proto", http("get: \"/v1/**/things/**\"")),
                        "src/main/proto/things.proto:6:54: ",
                        "a path may hold one '**' (the first is at character 5), since two cannot be told apart",
                        "use '*' to match one segment"),
                bad(
                        "an http path with a query string",
                        p -> p.withGoogleCommonProtos().proto("things.proto", http("get: \"/v1/things?all=1\"")),
                        "src/main/proto/things.proto:6:50: ",
                        "character '?' is not allowed here",
                        "request fields not bound in the path become query parameters"),
                bad(
                        "an http path that ends with '/'",
                        p -> p.withGoogleCommonProtos().proto("things.proto", http("get: \"/v1/things/\"")),
                        "src/main/proto/things.proto:6:50: ",
                        "empty segment",
                        "remove the extra '/'"),
                bad(
                        "an http variable naming a field the request lacks",
                        p -> p.withGoogleCommonProtos().proto("things.proto", http("get: \"/v1/{nmae}\"")),
                        "src/main/proto/things.proto:6:45: ",
                        "{nmae} names no field of acme.things.v1.GetThingRequest",
                        "(nearest: name)"),
                bad(
                        "an http variable naming a nested field the request lacks",
                        p -> p.withGoogleCommonProtos().proto("things.proto", http("get: \"/v1/{parent.idd}\"")),
                        "src/main/proto/things.proto:6:45: ",
                        "{parent.idd} names no field of acme.things.v1.Parent (at \"idd\")",
                        "(nearest: id)"),
                bad(
                        "an http variable naming a repeated field",
                        p -> p.withGoogleCommonProtos().proto("things.proto", http("get: \"/v1/{tags}\"")),
                        "src/main/proto/things.proto:6:45: ",
                        "{tags} names a repeated field, but a path variable binds one value",
                        "bind a single field of acme.things.v1.GetThingRequest"),
                bad(
                        "an http body naming a field the request lacks",
                        p -> p.withGoogleCommonProtos()
                                .proto("things.proto", http("post: \"/v1/things\" body: \"thing\"")),
                        "src/main/proto/things.proto:6:59: ",
                        "http body \"thing\" of rpc GetThing names no field of acme.things.v1.GetThingRequest",
                        "use \"*\" for the whole request or the name of one of its fields"),
                bad(
                        "an http rule with no path",
                        p -> p.withGoogleCommonProtos().proto("things.proto", http("body: \"*\"")),
                        "src/main/proto/things.proto:6:5: ",
                        "rpc GetThing: a google.api.http rule has no path",
                        "give it one of get, put, post, delete, patch or custom"),
                bad(
                        "a file that is not UTF-8",
                        p -> {
                            p.proto("latin1.proto", "");
                            Files.write(
                                    p.sourceRoot().resolve("latin1.proto"),
                                    "syntax = \"proto3\";\n// Gr\u00fc\u00dfe\n".getBytes("ISO-8859-1"));
                        },
                        "src/main/proto/latin1.proto:2:6: ",
                        "not valid UTF-8 text (byte 0xFC at offset 24)",
                        "save the file as UTF-8"),
                bad(
                        "a binary file named .proto",
                        p -> {
                            p.proto("compiled.proto", "");
                            Files.write(p.sourceRoot().resolve("compiled.proto"), new byte[] {0x0a, 0x05, 0x00, 0x12});
                        },
                        "src/main/proto/compiled.proto:2:2: ",
                        "holds a NUL byte at offset 2, so it is a binary file, not proto text",
                        "leave it out with <excludes>"),
                bad(
                        "an import cycle",
                        p -> p.proto("a.proto", "syntax = \"proto3\";\npackage a;\n\nimport \"b.proto\";\n")
                                .proto("b.proto", "syntax = \"proto3\";\npackage b;\nimport \"c.proto\";\n")
                                .proto("c.proto", "syntax = \"proto3\";\npackage c;\nimport \"a.proto\";\n"),
                        "src/main/proto/a.proto:4:1: ",
                        "imports form a cycle: a.proto → b.proto → c.proto → a.proto",
                        "move what the files need from each other into a new file that they both import"),
                bad(
                        "a file that imports itself",
                        p -> p.proto("self.proto", "syntax = \"proto3\";\npackage s;\n  import \"self.proto\";\n"),
                        "src/main/proto/self.proto:3:3: ",
                        "the file imports itself",
                        "remove the import"),
                bad(
                        "an import relative to the importing file",
                        p -> p.file("src/main/shared.proto", "syntax = \"proto3\";\npackage shared;\n")
                                .proto(
                                        "api.proto",
                                        "syntax = \"proto3\";\npackage api;\nimport \"../shared.proto\";\n"),
                        "src/main/proto/api.proto:3:1: ",
                        "import \"../shared.proto\" climbs out with \"..\"",
                        "add its directory to <protoImportPaths>"),
                bad(
                        "an unknown syntax",
                        p -> p.proto("four.proto", "syntax = \"proto4\";\npackage four;\n"),
                        "src/main/proto/four.proto:1:1: ",
                        "syntax = \"proto4\" is not a proto syntax",
                        "use syntax = \"proto3\"; or syntax = \"proto2\";"),
                bad(
                        "an edition protoc does not know",
                        p -> p.proto("ed.proto", "edition = \"2025\";\npackage ed;\n"),
                        "src/main/proto/ed.proto:1:11: ",
                        "edition \"2025\" is not an edition protoc knows",
                        "use edition = \"2024\"; or edition = \"2023\";"),
                bad(
                        "an unknown type in an editions file, after a feature on its line",
                        p -> p.proto("ed.proto", """
                                edition = "2023";
                                package ed;
                                message M { string a = 1 [features.field_presence = IMPLICIT]; Missing b = 2; }
                                """),
                        "src/main/proto/ed.proto:3:64: ",
                        "unable to resolve Missing",
                        "check the type's name and package"),
                bad(
                        "an unknown type in a proto2 group",
                        p -> p.proto("old.proto", """
                                syntax = "proto2";
                                package old;
                                message Search {
                                  optional group Result = 1 { optional Missing url = 2; }
                                }
                                """),
                        "src/main/proto/old.proto:4:31: ",
                        "unable to resolve Missing",
                        "check the type's name and package"),
                bad(
                        "an rpc defined twice",
                        p -> p.proto("twice.proto", """
                                syntax = "proto3";
                                package twice;
                                service Twice {
                                  rpc Go(M) returns (M);
                                  rpc Go(M) returns (M);
                                }
                                message M {}
                                """),
                        "src/main/proto/twice.proto:4:3: ",
                        "rpc Go is defined more than once in service twice.Twice (also at src/main/proto/twice.proto:5:3)",
                        "rename or delete one of them"),
                bad(
                        "two fields with one number",
                        p -> p.proto(
                                "num.proto",
                                "syntax = \"proto3\";\npackage num;\nmessage M { string a = 1; string b = 1; }\n"),
                        "src/main/proto/num.proto:3:13: ",
                        "field number 1 is used more than once in message num.M (also at src/main/proto/num.proto:3:27)",
                        "give each field its own number"),
                bad(
                        "a mistyped type",
                        p -> p.proto("typo.proto", """
                                syntax = "proto3";
                                package typo;
                                service Typo {
                                  rpc Go(Requst) returns (Request);
                                }
                                message Request {}
                                """),
                        "src/main/proto/typo.proto:4:3: ",
                        "unable to resolve Requst",
                        "check the type's name and package, and that the file defining it is imported (nearest:"
                                + " typo.Request)"),
                bad(
                        "an rpc that takes a scalar",
                        p -> p.proto("scalar.proto", """
                                syntax = "proto3";
                                package scalar;
                                service Scalar { rpc Go(string) returns (M); }
                                message M {}
                                """),
                        "src/main/proto/scalar.proto:3:18: ",
                        "expected a message but was string",
                        "an rpc takes and returns messages; wrap the value in a message"),
                bad(
                        "a message defined twice in one file",
                        p -> p.proto("dup.proto", "syntax = \"proto3\";\npackage dup;\nmessage M {}\nmessage M {}\n"),
                        "src/main/proto/dup.proto:4:1: ",
                        "M is already defined at src/main/proto/dup.proto:3:1",
                        "rename one of them, or delete one"),
                bad(
                        "a proto service named like an AWS client",
                        p -> p.withAws().proto("storage.proto", """
                                syntax = "proto3";
                                package acme.storage;

                                service S3 { rpc Put(M) returns (M); }
                                message M {}
                                """),
                        "src/main/proto/storage.proto:4:1: ",
                        "proto service acme.storage.S3 and the AWS client"
                                + " software.amazon.awssdk.services.s3.S3Client both want the name \"s3\"",
                        "set option (switchboard.name) on the proto service"));
    }

    private static Arguments bad(String name, Breakage breakage, String place, String what, String fix) {
        return Arguments.of(Named.of(name, new BadInput(breakage, place, what, fix)));
    }

    /** One rpc with the given {@code google.api.http} rule on line 6, from column 34 ({@code get: "/} puts the path at 40). */
    private static String http(String rule) {
        return """
                syntax = "proto3";
                package acme.things.v1;
                import "google/api/annotations.proto";
                service ThingService {
                  rpc GetThing(GetThingRequest) returns (Thing) {
                    option (google.api.http) = { %s };
                  }
                }
                message GetThingRequest { string name = 1; repeated string tags = 2; Parent parent = 3; }
                message Parent { string id = 1; }
                message Thing { string name = 1; }
                """.formatted(rule);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badInputs")
    @DisplayName("a bad proto input fails with one placed problem and its fix, and the earlier registry stays")
    void failsPlacedAndKeepsOutputs(BadInput bad, @TempDir Path dir) throws Exception {
        ProtoProject project = new ProtoProject(dir).proto("user.proto", ProtoProject.USER_PROTO);
        new RegistryBuilder().build(project.request());
        Path outputs = dir.resolve("target/switchboard");
        OutputSnapshot before = OutputSnapshot.of(outputs);
        assertThat(before.size()).as("files the good run wrote").isPositive();

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
                    soft.assertThat(occurrences(problem, bad.place()))
                            .as("times the place is given")
                            .isEqualTo(1);
                    soft.assertThat(occurrences(e.getMessage(), problem))
                            .as("times the problem is printed")
                            .isEqualTo(1);
                    soft.assertThat(e.getMessage())
                            .as("no internal names or absolute paths")
                            .doesNotContain("Exception", "com.squareup", dir.toString());
                    soft.assertAll();
                });
        before.assertUnchanged(outputs);
    }

    static Stream<Arguments> doubtfulInputs() {
        return Stream.of(
                bad(
                        "a symbolic link whose target is gone",
                        p -> Files.createSymbolicLink(
                                p.sourceRoot().resolve("gone.proto"),
                                p.sourceRoot().resolve("moved/gone.proto")),
                        "src/main/proto/gone.proto: ",
                        "symbolic link to src/main/proto/moved/gone.proto, which does not exist; it is skipped",
                        "point the link at an existing file or directory, or delete it"),
                bad(
                        "a symbolic link to a directory that contains it",
                        p -> p.proto("loop/types.proto", "syntax = \"proto3\";\npackage loop;\n")
                                .link("src/main/proto/loop/again", "src/main/proto/loop"),
                        "src/main/proto/loop/again: ",
                        "symbolic link to src/main/proto/loop, a directory that contains the link",
                        "delete the link, or point it outside the directory it is in"),
                bad(
                        "an empty file",
                        p -> p.proto("todo.proto", "// to be written\n"),
                        "src/main/proto/todo.proto:1:1: ",
                        "the file is empty, so it adds nothing to the registry",
                        "delete it, or leave it out with <excludes>"),
                bad(
                        "a file without a syntax statement",
                        p -> p.proto("old.proto", "package old;\nmessage Old { optional string id = 1; }\n"),
                        "src/main/proto/old.proto:1:1: ",
                        "no syntax statement, so the file is read as proto2 (as protoc reads it)",
                        "add syntax = \"proto3\"; (or \"proto2\") as its first statement"),
                bad(
                        "a service without rpcs",
                        p -> p.proto("idle.proto", "syntax = \"proto3\";\npackage idle;\n\nservice Idle {}\n"),
                        "src/main/proto/idle.proto:4:1: ",
                        "service idle.Idle has no rpcs, so its client has no methods",
                        "add rpcs to it, or leave its file out with <excludes>"),
                bad(
                        "two services whose names differ only in case",
                        p -> p.proto("blob.proto", """
                                syntax = "proto3";
                                package acme.blob;
                                service s3 { rpc Put(M) returns (M); }
                                message M {}
                                """),
                        "service acme.user.v1.S3 (src/main/proto/user.proto:5:1) is registered as \"s3-v1\"",
                        "because \"s3\" is taken by acme.blob.s3 (src/main/proto/blob.proto:3:1)",
                        "set option (switchboard.name) on either to choose names yourself"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("doubtfulInputs")
    @DisplayName("a doubtful proto input builds, with one warning that names the place, what and the fix")
    void warnsPlaced(BadInput doubtful, @TempDir Path dir) throws Exception {
        ProtoProject project =
                new ProtoProject(dir).proto("user.proto", ProtoProject.USER_PROTO.replace("UserService", "S3"));
        doubtful.breakage().apply(project);

        RegistryOutcome outcome = new RegistryBuilder().build(project.request());

        assertThat(outcome.notes())
                .filteredOn(n -> n.startsWith(doubtful.place()))
                .singleElement()
                .satisfies(n -> assertThat(n).contains(doubtful.what(), doubtful.fix()));
        assertThat(outcome.registry().services()).extracting(ServiceEntry::name).contains("s3");
    }

    @Test
    @DisplayName("protos reached through symbolic links, to a file and to a directory, are services like any other")
    void followsSymbolicLinks(@TempDir Path dir) throws Exception {
        ProtoProject project = new ProtoProject(dir)
                .file("shared/billing.proto", service("acme.billing", "BillingService"))
                .file("elsewhere/audit/audit.proto", service("acme.audit", "AuditService"))
                .link("src/main/proto/billing.proto", "shared/billing.proto")
                .link("src/main/proto/audit", "elsewhere/audit");

        RegistryOutcome outcome = new RegistryBuilder().build(project.request());

        assertThat(outcome.registry().services()).extracting(ServiceEntry::name).containsExactly("audit", "billing");
        assertThat(outcome.notes()).isEmpty();
    }

    @Test
    @DisplayName("a byte-order mark at the start of a proto is skipped, as protoc skips it")
    void skipsByteOrderMark(@TempDir Path dir) throws Exception {
        ProtoProject project = new ProtoProject(dir).proto("user.proto", "\uFEFF" + ProtoProject.USER_PROTO);

        RegistryOutcome outcome = new RegistryBuilder().build(project.request());

        assertThat(outcome.registry().services()).extracting(ServiceEntry::name).containsExactly("user");
    }

    @Test
    @DisplayName("the description is the comment right above the service, never one a blank line detaches")
    void describesWithLeadingCommentOnly(@TempDir Path dir) throws Exception {
        ProtoProject project = new ProtoProject(dir).proto("shop.proto", """
                syntax = "proto3";
                package acme.shop;

                // --- Services ---

                service CartService { rpc Get(M) returns (M); }

                // Banner.

                // Takes payments.
                // Card and wallet.
                service PaymentService { rpc Pay(M) returns (M); }

                /*
                 * Ships orders.
                 */
                service ShippingService { rpc Ship(M) returns (M); }

                message M {} // Not about what follows.
                service StockService { rpc Count(M) returns (M); }
                """);

        RegistryOutcome outcome = new RegistryBuilder().build(project.request());

        assertThat(outcome.registry().services())
                .extracting(s -> s.name() + ": " + s.description())
                .containsExactly(
                        "cart: null",
                        "payment: Takes payments.\nCard and wallet.",
                        "shipping: Ships orders.",
                        "stock: null");
    }

    @Test
    @DisplayName("a missing src/main/proto is no error: the project may have AWS services only")
    void toleratesMissingConventionalRoot(@TempDir Path dir) throws Exception {
        RegistryOutcome outcome = new RegistryBuilder().build(new ProtoProject(dir).request());

        assertThat(outcome.notes())
                .containsExactly("no .proto files found in src/main/proto; the registry has no proto services");
    }

    @Test
    @DisplayName("many renamed services make one warning with their count and the first five")
    void sumsUpManyRenames(@TempDir Path dir) throws Exception {
        ProtoProject project = new ProtoProject(dir);
        for (int v = 1; v <= 8; v++) {
            project.proto("acme/user/v" + v + "/user.proto", service("acme.user.v" + v, "UserService"));
        }

        RegistryOutcome outcome = new RegistryBuilder().build(project.request());

        assertThat(outcome.notes()).singleElement().satisfies(note -> {
            assertThat(note)
                    .startsWith("7 services are registered under longer names because their derived names"
                            + " are taken; the first 5: service acme.user.v2.UserService"
                            + " (src/main/proto/acme/user/v2/user.proto:3:1) is registered as \"user-v2\"");
            assertThat(occurrences(note, " is registered as ")).isEqualTo(5);
            assertThat(note).endsWith("; set option (switchboard.name) on a service to choose its name yourself");
        });
    }

    private static String service(String pkg, String name) {
        return "syntax = \"proto3\";\npackage " + pkg + ";\nservice " + name
                + " { rpc Go(M) returns (M); }\nmessage M {}\n";
    }

    private static int occurrences(String text, String part) {
        int count = 0;
        for (int at = text.indexOf(part); at >= 0; at = text.indexOf(part, at + 1)) {
            count++;
        }
        return count;
    }
}
