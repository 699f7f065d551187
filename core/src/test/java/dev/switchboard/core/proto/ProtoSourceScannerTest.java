package dev.switchboard.core.proto;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.core.diag.Problem;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class ProtoSourceScannerTest {
    /** Names chosen so that sorting by directory first and sorting by whole path disagree. */
    private static final List<String> TREE = List.of(
            "a.proto",
            "a/x.proto",
            "a/b/c/d/deep.proto",
            "a.b/y.proto",
            "a-c.proto",
            "odd.proto/inner.proto",
            "v1/api.proto",
            "v1/api_test.proto",
            "z/v1/z.proto",
            "z/README.md",
            "z/BUILD.bazel");

    @TempDir
    Path dir;

    private List<String> scan(List<String> includes, List<String> excludes) throws IOException {
        Path root = dir.resolve("src/main/proto");
        for (String file : TREE) {
            Path path = root.resolve(file);
            Files.createDirectories(path.getParent());
            Files.writeString(path, "syntax = \"proto3\";\n");
        }
        List<Problem> problems = new ArrayList<>();
        List<Problem> warnings = new ArrayList<>();
        List<ProtoSource> found =
                new ProtoSourceScanner(includes, excludes).scan(List.of(root), problems, warnings, dir);
        assertThat(problems).isEmpty();
        assertThat(warnings).isEmpty();
        assertThat(found).allSatisfy(source -> {
            assertThat(source.root()).isEqualTo(root);
            assertThat(source.size()).isEqualTo(Files.size(source.file()));
            assertThat(source.modified())
                    .isEqualTo(Files.getLastModifiedTime(source.file()).toMillis());
        });
        return found.stream().map(ProtoSource::relativePath).toList();
    }

    @Test
    @DisplayName("every proto of a nested tree is found once, in the order of its path below the root, and a"
            + " directory named like a proto is walked, not taken for one")
    void findsEveryProtoInPathOrder() throws Exception {
        List<String> found = scan(List.of("**/*.proto"), List.of());

        assertThat(found)
                .containsExactly(
                        "a-c.proto",
                        "a.b/y.proto",
                        "a.proto",
                        "a/b/c/d/deep.proto",
                        "a/x.proto",
                        "odd.proto/inner.proto",
                        "v1/api.proto",
                        "v1/api_test.proto",
                        "z/v1/z.proto")
                .isSorted();
    }

    static Stream<Arguments> globs() {
        return Stream.of(
                Arguments.of(List.of("*.proto"), List.of(), List.of("a-c.proto", "a.proto")),
                Arguments.of(
                        List.of("**/v1/*.proto"),
                        List.of(),
                        List.of("v1/api.proto", "v1/api_test.proto", "z/v1/z.proto")),
                Arguments.of(
                        List.of("**/*.proto"),
                        List.of("**/*_test.proto", "a/**"),
                        List.of(
                                "a-c.proto",
                                "a.b/y.proto",
                                "a.proto",
                                "odd.proto/inner.proto",
                                "v1/api.proto",
                                "z/v1/z.proto")),
                Arguments.of(List.of("**/*y.proto", "**/*.bazel"), List.of(), List.of("a.b/y.proto", "z/BUILD.bazel")),
                Arguments.of(
                        List.of("**/*"),
                        List.of("**/*.md"),
                        List.of(
                                "a-c.proto",
                                "a.b/y.proto",
                                "a.proto",
                                "a/b/c/d/deep.proto",
                                "a/x.proto",
                                "odd.proto/inner.proto",
                                "v1/api.proto",
                                "v1/api_test.proto",
                                "z/BUILD.bazel",
                                "z/v1/z.proto")),
                Arguments.of(List.of("**/{api,z}.proto"), List.of(), List.of("v1/api.proto", "z/v1/z.proto")));
    }

    @ParameterizedTest(name = "includes {0}, excludes {1}")
    @MethodSource("globs")
    @DisplayName(
            "includes and excludes select the same files whether a glob is a plain suffix or not, at the root" + " too")
    void globsSelect(List<String> includes, List<String> excludes, List<String> expected) throws Exception {
        assertThat(scan(includes, excludes)).containsExactlyElementsOf(expected);
    }
}
