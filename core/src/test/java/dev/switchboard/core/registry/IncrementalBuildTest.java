package dev.switchboard.core.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.switchboard.core.diag.InputException;
import dev.switchboard.core.proto.ProtoCache;
import dev.switchboard.core.testing.DebugLines;
import dev.switchboard.core.testing.OutputSnapshot;
import dev.switchboard.core.testing.ProtoProject;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Rebuilds that take unchanged files' services from the proto cache give what a build from scratch gives. */
class IncrementalBuildTest {
    private static final String COMMON = """
            syntax = "proto3";
            package acme.common.v1;
            message Money { int64 units = 1; string currency = 2; }
            """;
    private static final String USER = """
            syntax = "proto3";
            package acme.user.v1;
            import "google/api/annotations.proto";
            service UserService {
              rpc GetUser(GetUserRequest) returns (User) { option (google.api.http) = { get: "/v1/users/{id}" }; }
            }
            message GetUserRequest { string id = 1; }
            message User { string id = 1; }
            """;
    private static final String ORDER = """
            syntax = "proto3";
            package acme.order.v1;
            import "acme/common/v1/common.proto";
            import "acme/user/v1/user.proto";
            // Takes orders.
            service OrderService {
              rpc PlaceOrder(Order) returns (Order);
            }
            message Order { acme.user.v1.User buyer = 1; acme.common.v1.Money total = 2; }
            """;
    private static final String BILLING = """
            syntax = "proto3";
            package acme.billing.v1;
            import "acme/common/v1/common.proto";
            import "google/api/annotations.proto";
            service BillingService {
              rpc Charge(acme.common.v1.Money) returns (acme.common.v1.Money) {
                option (google.api.http) = { post: "/v1/charges/{currency}" body: "*" };
              }
            }
            """;

    @TempDir
    Path dir;

    private ProtoProject project() {
        return new ProtoProject(dir)
                .withGoogleCommonProtos()
                .proto("acme/common/v1/common.proto", COMMON)
                .proto("acme/user/v1/user.proto", USER)
                .proto("acme/order/v1/order.proto", ORDER)
                .proto("acme/billing/v1/billing.proto", BILLING);
    }

    /** Builds, and returns the debug line saying how many files came from the cache. */
    private static String build(ProtoProject project) throws Exception {
        DebugLines verbose = new DebugLines();
        new RegistryBuilder(verbose).build(project.request());
        return verbose.lines().stream()
                .filter(l -> l.contains(ProtoCache.FILE + " held"))
                .findFirst()
                .orElse("(no line)");
    }

    /** The registry a build from scratch writes for the project as it is now. */
    private byte[] fromScratch(ProtoProject project) throws Exception {
        Path registry = project.request().registryFile();
        byte[] incremental = Files.readAllBytes(registry);
        Path scratch = Files.createTempDirectory(dir, "scratch");
        Path kept = project.request().registryDirectory();
        Files.move(kept, scratch.resolve("kept"));
        try {
            new RegistryBuilder().build(project.request());
            return Files.readAllBytes(registry);
        } finally {
            deleteTree(kept);
            Files.move(scratch.resolve("kept"), kept);
            assertThat(Files.readAllBytes(registry)).isEqualTo(incremental);
        }
    }

    private static void deleteTree(Path root) throws Exception {
        try (var walk = Files.walk(root)) {
            for (Path p :
                    walk.sorted((a, b) -> b.getNameCount() - a.getNameCount()).toList()) {
                Files.delete(p);
            }
        }
    }

    @Test
    @DisplayName("after one file is edited, only it and the files importing it are linked, and the registry is"
            + " byte-identical to a build from scratch")
    void editOneFile() throws Exception {
        ProtoProject project = project();
        assertThat(build(project)).contains("held 0 of 4 proto file(s)", "the services of 0,");

        project.proto(
                "acme/user/v1/user.proto", USER.replace("string id = 1; }\n", "string id = 1; string name = 2; }\n"));
        String line = build(project);

        // Only user.proto is parsed; it and order.proto, which imports it, are linked.
        assertThat(line).contains("held 3 of 4 proto file(s)", "the services of 2,");
        byte[] incremental = Files.readAllBytes(project.request().registryFile());
        assertThat(new String(incremental, StandardCharsets.UTF_8)).contains("\"order\"", "\"user\"", "\"billing\"");
        assertThat(incremental).isEqualTo(fromScratch(project));
    }

    @Test
    @DisplayName("editing the overrides file keeps every proto file in the cache, and the registry is"
            + " byte-identical to a build from scratch")
    void editOverrides() throws Exception {
        ProtoProject project = project().overrides("src/main/switchboard/overrides.yaml", """
                services:
                  billing:
                    owner: payments-team
                """);
        build(project);

        project.overrides("src/main/switchboard/overrides.yaml", """
                services:
                  billing:
                    owner: ledger-team
                """);
        String line = build(project);

        // Nothing parsed or linked again: the overrides apply after the protos are mapped.
        assertThat(line).contains("held 4 of 4 proto file(s)", "the services of 4,");
        assertThat(new String(Files.readAllBytes(project.request().registryFile()), StandardCharsets.UTF_8))
                .contains("ledger-team")
                .doesNotContain("payments-team");
        assertThat(Files.readAllBytes(project.request().registryFile())).isEqualTo(fromScratch(project));
    }

    @Test
    @DisplayName("editing a file that others import relinks them, and their dependencies and comments come out"
            + " as a build from scratch gives them")
    void editImportedFile() throws Exception {
        ProtoProject project = project();
        build(project);

        project.proto("acme/common/v1/common.proto", COMMON + "message Discount { Money off = 1; }\n");
        project.proto("acme/order/v1/order.proto", ORDER.replace("// Takes orders.", "// Takes and keeps orders."));
        String line = build(project);

        assertThat(line).contains("held 2 of 4 proto file(s)", "the services of 1,");
        assertThat(new String(Files.readAllBytes(project.request().registryFile()), StandardCharsets.UTF_8))
                .contains("Takes and keeps orders.");
        assertThat(Files.readAllBytes(project.request().registryFile())).isEqualTo(fromScratch(project));
    }

    @Test
    @DisplayName("a file relinked alone still sees every field of the messages other sources define (its HTTP"
            + " rule binds one)")
    void relinkedFileSeesImportedFields() throws Exception {
        ProtoProject project = project();
        build(project);

        project.proto("acme/billing/v1/billing.proto", BILLING.replace("/v1/charges/", "/v2/charges/"));

        assertThat(build(project)).contains("held 3 of 4 proto file(s)", "the services of 3,");
        assertThat(new String(Files.readAllBytes(project.request().registryFile()), StandardCharsets.UTF_8))
                .contains("/v2/charges/{currency}");
        assertThat(Files.readAllBytes(project.request().registryFile())).isEqualTo(fromScratch(project));
    }

    @Test
    @DisplayName(
            "a new file that defines a type again is reported at both places, the first one read from the" + " cache")
    void duplicateOfCachedFile() throws Exception {
        ProtoProject project = project();
        build(project);

        project.proto("acme/common/v1/more.proto", "syntax = \"proto3\";\npackage acme.common.v1;\nmessage Money {}\n");

        assertThatThrownBy(() -> build(project))
                .isInstanceOfSatisfying(
                        InputException.class,
                        e -> assertThat(e.problems())
                                .singleElement()
                                .hasToString(
                                        "src/main/proto/acme/common/v1/more.proto:3:1: type acme.common.v1.Money is"
                                                + " already defined at src/main/proto/acme/common/v1/common.proto:3:1; rename one of"
                                                + " them or exclude one file with <excludes>"));
    }

    @Test
    @DisplayName("an edit that closes an import cycle through unchanged files is reported as a build from scratch"
            + " reports it, at the import in the cycle's first file, which was not read again")
    void editClosingImportCycle() throws Exception {
        ProtoProject project = project();
        agedSources(project, 3_600_000);
        build(project);

        project.proto(
                "acme/user/v1/user.proto",
                USER.replace(
                        "import \"google/api/annotations.proto\";",
                        "import \"google/api/annotations.proto\";\n" + "import \"acme/order/v1/order.proto\";"));
        InputException incremental = catchThrowableOfType(() -> build(project), InputException.class);
        deleteTree(project.request().registryDirectory());
        InputException scratch = catchThrowableOfType(() -> build(project), InputException.class);

        assertThat(incremental.problems())
                .singleElement()
                .asString()
                .startsWith(
                        "src/main/proto/acme/order/v1/order.proto:4:1: imports form a cycle: acme/order/v1/order.proto"
                                + " → acme/user/v1/user.proto → acme/order/v1/order.proto, which protoc rejects");
        assertThat(incremental.problems()).isEqualTo(scratch.problems());
    }

    @Test
    @DisplayName("a damaged cache only costs a full build; one damaged file of the two, what that file kept")
    void damagedCache() throws Exception {
        ProtoProject project = project();
        build(project);
        Path directory = project.request().registryDirectory();
        Files.writeString(directory.resolve(ProtoCache.FILE), "{ not json");
        Files.writeString(directory.resolve(ProtoCache.PARSED_FILE), "{\"format\": 1}");
        project.proto("acme/billing/v1/billing.proto", BILLING.replace("Charge", "ChargeCard"));

        assertThat(build(project)).contains("held 0 of 4 proto file(s)", "the services of 0,");
        assertThat(Files.readAllBytes(project.request().registryFile())).isEqualTo(fromScratch(project));

        Files.writeString(directory.resolve(ProtoCache.FILE), "[]");
        project.proto("acme/billing/v1/billing.proto", BILLING);
        assertThat(build(project)).contains("held 3 of 4 proto file(s)", "the services of 0,");
        assertThat(Files.readAllBytes(project.request().registryFile())).isEqualTo(fromScratch(project));
    }

    @Test
    @DisplayName("a failed build leaves the cache, like every other output, as it was")
    void failedBuildKeepsCache() throws Exception {
        ProtoProject project = project();
        build(project);
        OutputSnapshot before = OutputSnapshot.of(project.request().registryDirectory());

        project.proto("acme/billing/v1/billing.proto", BILLING.replaceFirst("Money\\)", "Mony)"));
        assertThatThrownBy(() -> new RegistryBuilder().build(project.request()))
                .isInstanceOfSatisfying(
                        InputException.class,
                        e -> assertThat(e.problems())
                                .singleElement()
                                .asString()
                                // common.proto came from the cache, unparsed: its types are still suggested.
                                .startsWith("src/main/proto/acme/billing/v1/billing.proto:6:3: ")
                                .contains("unable to resolve acme.common.v1.Mony", "nearest: acme.common.v1.Money"));

        before.assertUnchanged(project.request().registryDirectory());
    }

    @Test
    @DisplayName("files unchanged in size and time since the last build are not read again; the edited one is,"
            + " and the registry is what a build from scratch gives")
    void unchangedFilesNotRead() throws Exception {
        ProtoProject project = project();
        agedSources(project, 3_600_000);
        build(project);

        project.proto("acme/user/v1/user.proto", USER.replace("GetUser(", "FetchUser("));
        Path user = project.sourceRoot().resolve("acme/user/v1/user.proto");
        Files.setLastModifiedTime(user, FileTime.fromMillis(System.currentTimeMillis() - 1_800_000));
        assertThat(build(project)).contains("3 were not read at all");
        assertThat(Files.readAllBytes(project.request().registryFile())).isEqualTo(fromScratch(project));
    }

    @Test
    @DisplayName("a file rewritten to the same size and time within two seconds of the last build is read"
            + " again: such a time proves nothing")
    void racyFileReadAgain() throws Exception {
        ProtoProject project = project();
        build(project);
        Path billing = project.sourceRoot().resolve("acme/billing/v1/billing.proto");
        FileTime time = Files.getLastModifiedTime(billing);

        // "Charge" and "Refund" are of one length: the file keeps its size.
        project.proto("acme/billing/v1/billing.proto", BILLING.replace("rpc Charge(", "rpc Refund("));
        Files.setLastModifiedTime(billing, time);
        assertThat(Files.size(billing)).isEqualTo(BILLING.getBytes(StandardCharsets.UTF_8).length);
        build(project);

        assertThat(Files.readString(project.request().registryFile()))
                .contains("\"Refund\"")
                .doesNotContain("\"Charge\"");
    }

    /** Sets every source's time {@code millis} into the past, as a tree checked out a while ago has. */
    private static void agedSources(ProtoProject project, long millis) throws Exception {
        FileTime old = FileTime.fromMillis(System.currentTimeMillis() - millis);
        try (var walk = Files.walk(project.sourceRoot())) {
            for (Path p : walk.filter(Files::isRegularFile).toList()) {
                Files.setLastModifiedTime(p, old);
            }
        }
    }
}
