package dev.switchboard.core.proto;

import static org.assertj.core.api.Assertions.assertThat;

import com.squareup.wire.schema.ErrorCollector;
import com.squareup.wire.schema.Location;
import com.squareup.wire.schema.ProtoFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DialectLoaderTest {
    @TempDir
    Path dir;

    private static DialectLoader loader(List<Path> roots) {
        return new DialectLoader(roots);
    }

    @Test
    @DisplayName("a file that loads without a problem is parsed once, also for the linker's copy of the loader")
    void loadsAFileOnce() throws Exception {
        Path root = Files.createDirectories(dir.resolve("one"));
        Files.writeString(root.resolve("dep.proto"), "syntax = \"proto3\";\npackage dep;\nmessage D {}\n");
        try (DialectLoader loader = loader(List.of(root))) {
            ErrorCollector errors = new ErrorCollector();

            assertThat(loader.withErrors(errors).load("dep.proto")).isSameAs(loader.load("dep.proto"));
            assertThat(loader.load("google/protobuf/descriptor.proto"))
                    .isSameAs(loader.withErrors(errors).load("google/protobuf/descriptor.proto"));
            errors.throwIfNonEmpty();
        }
    }

    @Test
    @DisplayName("a file two roots hold is loaded anew each time, so each loader's errors say it is ambiguous")
    void ambiguousFileIsReportedEachTime() throws Exception {
        Path one = Files.createDirectories(dir.resolve("one"));
        Path two = Files.createDirectories(dir.resolve("two"));
        for (Path root : List.of(one, two)) {
            Files.writeString(root.resolve("dep.proto"), "syntax = \"proto3\";\npackage dep;\nmessage D {}\n");
        }
        try (DialectLoader loader = loader(List.of(one, two))) {
            ErrorCollector first = new ErrorCollector();
            ErrorCollector second = new ErrorCollector();

            assertThat(loader.withErrors(first).load("dep.proto"))
                    .isNotSameAs(loader.withErrors(second).load("dep.proto"));
            assertThat(first.getErrors()).singleElement().asString().contains("dep.proto is ambiguous");
            assertThat(second.getErrors()).singleElement().asString().contains("dep.proto is ambiguous");
        }
    }

    @Test
    @DisplayName("a well-known type no root holds is Wire's bundled copy, located as Wire locates it")
    void bundledWellKnownType() throws Exception {
        Path root = Files.createDirectories(dir.resolve("one"));
        try (DialectLoader loader = loader(List.of(root))) {
            ErrorCollector errors = new ErrorCollector();

            ProtoFile descriptor = loader.withErrors(errors).load("google/protobuf/descriptor.proto");

            assertThat(descriptor.getLocation()).isEqualTo(Location.get("google/protobuf/descriptor.proto"));
            assertThat(descriptor.getTypes())
                    .extracting(t -> t.getType().toString())
                    .contains("google.protobuf.FileDescriptorProto", "google.protobuf.FieldOptions");
            assertThat(errors.getErrors()).isEmpty();
        }
    }

    @Test
    @DisplayName("a root's own copy of a well-known type comes before Wire's, as with Wire's loader")
    void rootCopyOfWellKnownTypeWins() throws Exception {
        Path root = Files.createDirectories(dir.resolve("one/google/protobuf"))
                .getParent()
                .getParent();
        Files.writeString(
                root.resolve("google/protobuf/empty.proto"),
                "syntax = \"proto3\";\npackage google.protobuf;\nmessage Empty {}\nmessage Extra {}\n");
        try (DialectLoader loader = loader(List.of(root))) {
            ProtoFile empty = loader.withErrors(new ErrorCollector()).load("google/protobuf/empty.proto");

            assertThat(empty.getLocation()).isEqualTo(Location.get(root.toString(), "google/protobuf/empty.proto"));
            assertThat(empty.getTypes()).extracting(t -> t.getType().toString()).contains("google.protobuf.Extra");
        }
    }

    @Test
    @DisplayName("a file no root holds is reported in Wire's words, naming the roots searched")
    void missingFileIsReported() throws Exception {
        Path one = Files.createDirectories(dir.resolve("one"));
        Path two = Files.createDirectories(dir.resolve("two"));
        try (DialectLoader loader = loader(List.of(one, two))) {
            ErrorCollector errors = new ErrorCollector();

            ProtoFile missing = loader.withErrors(errors).load("acme/missing.proto");

            assertThat(missing.getTypes()).isEmpty();
            assertThat(errors.getErrors())
                    .singleElement()
                    .isEqualTo("unable to find acme/missing.proto\n  searching 2 proto paths:\n    " + one + "\n    "
                            + two);
        }
    }

    @Test
    @DisplayName(
            "a well-known type that two roots hold is ambiguous, as any other file, once for each root after the first")
    void ambiguousWellKnownType() throws Exception {
        List<Path> roots = new ArrayList<>();
        for (String name : List.of("one", "two", "three")) {
            Path root = dir.resolve(name);
            Files.createDirectories(root.resolve("google/protobuf"));
            Files.writeString(
                    root.resolve("google/protobuf/empty.proto"),
                    "syntax = \"proto3\";\npackage google.protobuf;\nmessage Empty {}\n");
            roots.add(root);
        }
        try (DialectLoader loader = loader(roots)) {
            ErrorCollector errors = new ErrorCollector();

            ProtoFile empty = loader.withErrors(errors).load("google/protobuf/empty.proto");

            assertThat(empty.getLocation().getBase()).isEqualTo(roots.get(0).toString());
            assertThat(errors.getErrors())
                    .containsExactly(
                            "google/protobuf/empty.proto is ambiguous:\n  "
                                    + roots.get(1).resolve("google/protobuf/empty.proto") + "\n  "
                                    + roots.get(0).resolve("google/protobuf/empty.proto"),
                            "google/protobuf/empty.proto is ambiguous:\n  "
                                    + roots.get(2).resolve("google/protobuf/empty.proto") + "\n  "
                                    + roots.get(0).resolve("google/protobuf/empty.proto"));
        }
    }
}
