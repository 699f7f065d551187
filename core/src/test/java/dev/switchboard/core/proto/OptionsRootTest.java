package dev.switchboard.core.proto;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.OutputStream;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OptionsRootTest {
    @TempDir
    Path dir;

    private Path jar(String name, String... entries) throws Exception {
        Path jar = dir.resolve(name);
        try (OutputStream out = Files.newOutputStream(jar);
                ZipOutputStream zip = new ZipOutputStream(out)) {
            for (String entry : entries) {
                zip.putNextEntry(new ZipEntry(entry));
                zip.write(("// " + entry + "\n").getBytes(StandardCharsets.UTF_8));
                zip.closeEntry();
            }
        }
        return jar;
    }

    @Test
    @DisplayName("the engine's own jar is the options root as it is")
    void engineJar() throws Exception {
        Path jar = jar("switchboard-core.jar", OptionsRoot.OPTIONS);
        try (URLClassLoader loader = new URLClassLoader(new URL[] {jar.toUri().toURL()}, null)) {
            assertThat(OptionsRoot.of(jar, loader)).isEqualTo(jar);
        }
    }

    @Test
    @DisplayName("from a jar that merges Wire's protos, the options file alone is copied to a directory of its own")
    void mergedJar() throws Exception {
        Path jar = jar("switchboard-cli.jar", OptionsRoot.OPTIONS, OptionsRoot.WIRE_PROTO, "google/protobuf/any.proto");
        try (URLClassLoader loader = new URLClassLoader(new URL[] {jar.toUri().toURL()}, null)) {
            Path root = OptionsRoot.of(jar, loader);

            assertThat(root).isDirectory().isNotEqualTo(jar);
            assertThat(root.resolve(OptionsRoot.OPTIONS)).hasContent("// " + OptionsRoot.OPTIONS);
            try (Stream<Path> files = Files.walk(root)) {
                assertThat(files.filter(Files::isRegularFile)).containsExactly(root.resolve(OptionsRoot.OPTIONS));
            }
        }
    }

    @Test
    @DisplayName("a classes directory is the options root as it is")
    void classesDirectory() throws Exception {
        assertThat(OptionsRoot.of(dir, getClass().getClassLoader())).isEqualTo(dir);
    }
}
