package dev.switchboard.core.proto;

import static org.assertj.core.api.Assertions.assertThat;

import com.squareup.wire.schema.ErrorCollector;
import com.squareup.wire.schema.Location;
import com.squareup.wire.schema.SchemaLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DialectLoaderTest {
    @TempDir
    Path dir;

    private DialectLoader loader(List<Path> roots) {
        SchemaLoader wire = new SchemaLoader(okio.FileSystem.SYSTEM);
        wire.initRoots(
                List.of(), roots.stream().map(r -> Location.get(r.toString())).toList());
        return new DialectLoader(wire, roots);
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
}
