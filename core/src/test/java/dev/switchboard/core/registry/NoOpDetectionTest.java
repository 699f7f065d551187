package dev.switchboard.core.registry;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.core.testing.ProtoProject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * What an unchanged build may skip, and what it must not. Every input is dated a minute back before the
 * first build, and what a change writes half a minute back, so the stamps alone decide (an input changed
 * within the clock's resolution of the recording would send the check to the content fingerprint): a
 * change the stamps miss would leave the first registry in force.
 */
class NoOpDetectionTest {
    private static final String BILLING = """
            syntax = "proto3";
            package acme.billing.v1;
            service BillingService { rpc Charge(Req) returns (Req); }
            message Req { string id = 1; }
            """;
    private static final String AUDIT = """
            syntax = "proto3";
            package acme.audit.v1;
            service AuditService { rpc Record(Entry) returns (Entry); }
            message Entry { string id = 1; }
            """;

    /** A change to a built project, and whether the next build must write a new registry. */
    record Change(String name, Edit edit, boolean rebuilds) {
        @Override
        public String toString() {
            return name;
        }
    }

    @FunctionalInterface
    interface Edit {
        ProtoProject apply(ProtoProject project) throws IOException;
    }

    static Stream<Arguments> changes() {
        return Stream.of(
                change("nothing changed", p -> p, false),
                change(
                        "a proto touched, its content the same",
                        p -> dated(p, "src/main/proto/acme/user/v1/user.proto", 30),
                        false),
                change(
                        "a proto edited in place to the same size, its time moved on",
                        p -> dated(
                                p.proto(
                                        "acme/user/v1/user.proto",
                                        ProtoProject.USER_PROTO.replace("GetUser(", "PutUser(")),
                                "src/main/proto/acme/user/v1/user.proto",
                                30),
                        true),
                change(
                        "a proto added in a new subdirectory",
                        p -> p.proto("acme/audit/v1/deep/er/audit.proto", AUDIT),
                        true),
                change(
                        "a proto added in a directory whose name ends in .proto",
                        p -> p.proto("acme/odd.proto/audit.proto", AUDIT),
                        true),
                change(
                        "a proto removed",
                        p -> {
                            Files.delete(p.sourceRoot().resolve("acme/billing/v1/billing.proto"));
                            return p;
                        },
                        true),
                change(
                        "a proto renamed, its content and time kept",
                        p -> {
                            Path from = p.sourceRoot().resolve("acme/billing/v1/billing.proto");
                            Files.move(from, from.resolveSibling("payments.proto"));
                            return p;
                        },
                        true),
                change(
                        "a proto moved to a new subdirectory, its content and time kept",
                        p -> {
                            Path from = p.sourceRoot().resolve("acme/billing/v1/billing.proto");
                            Path to = p.sourceRoot().resolve("acme/billing/v2/billing.proto");
                            Files.createDirectories(to.getParent());
                            Files.move(from, to);
                            return p;
                        },
                        true),
                change("the include globs changed", p -> p.includes("acme/**/*.proto"), true),
                change("an exclude glob leaves a proto out", p -> p.excludes("**/billing.proto"), true),
                change(
                        "an overrides file added",
                        p -> p.overrides(
                                "src/main/switchboard/overrides.yaml", "services:\n  billing:\n    owner: ledger\n"),
                        true),
                change(
                        "a dependency jar replaced, its time moved on",
                        p -> {
                            p.writeJar("lib/extra.jar", Map.of("extra/e.proto", "syntax = \"proto3\";\n"));
                            return p;
                        },
                        true));
    }

    private static Arguments change(String name, Edit edit, boolean rebuilds) {
        return Arguments.of(new Change(name, edit, rebuilds));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("changes")
    @DisplayName("a change to any input rebuilds the registry, and an unchanged tree is a no-op, by its stamps alone")
    void detects(Change change, @TempDir Path dir) throws Exception {
        ProtoProject project = new ProtoProject(dir)
                .proto("acme/user/v1/user.proto", ProtoProject.USER_PROTO)
                .proto("acme/billing/v1/billing.proto", BILLING);
        project.archive(
                project.writeJar("lib/extra.jar", Map.of("extra/e.proto", "syntax = \"proto3\";\npackage e;\n")));
        date(dir, file -> true, 60);
        RegistryOutcome first = new RegistryBuilder().build(project.request());
        long built = System.currentTimeMillis() - 5_000;

        ProtoProject changed = change.edit().apply(project);
        Path target = dir.resolve("target");
        date(dir, file -> !file.startsWith(target) && modified(file) > built, 30);
        RegistryOutcome second = new RegistryBuilder().build(changed.request());

        assertThat(first.written()).isTrue();
        assertThat(second.written()).as("written").isEqualTo(change.rebuilds());
    }

    /** Dates the files below {@code dir} that {@code which} accepts {@code seconds} back. */
    private static void date(Path dir, Predicate<Path> which, int seconds) throws IOException {
        List<Path> chosen;
        try (Stream<Path> files = Files.walk(dir)) {
            chosen = files.filter(Files::isRegularFile).filter(which).toList();
        }
        for (Path file : chosen) {
            Files.setLastModifiedTime(file, FileTime.fromMillis(System.currentTimeMillis() - seconds * 1000L));
        }
    }

    private static long modified(Path file) {
        try {
            return Files.getLastModifiedTime(file).toMillis();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static ProtoProject dated(ProtoProject project, String path, int secondsBack) throws IOException {
        Files.setLastModifiedTime(
                project.base().resolve(path), FileTime.fromMillis(System.currentTimeMillis() - secondsBack * 1000L));
        return project;
    }
}
