package dev.switchboard.core.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.switchboard.core.diag.InputException;
import dev.switchboard.runtime.registry.BundledRegistry;
import dev.switchboard.runtime.registry.Registry;
import dev.switchboard.runtime.registry.RegistryCodec;
import dev.switchboard.runtime.registry.RegistryFormat;
import dev.switchboard.runtime.registry.ServiceEntry;
import dev.switchboard.runtime.registry.ServiceKind;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RegistriesTest {
    private static final Registry REGISTRY = Registry.of(
            "f00d", List.of(ServiceEntry.builder("user", ServiceKind.GRPC).build()));

    @TempDir
    Path dir;

    private Path jar(String entry, String text) throws Exception {
        Path jar = dir.resolve("app.jar");
        try (OutputStream out = Files.newOutputStream(jar);
                ZipOutputStream zip = new ZipOutputStream(out)) {
            zip.putNextEntry(new ZipEntry(entry));
            zip.write(text.getBytes(StandardCharsets.UTF_8));
            zip.closeEntry();
        }
        return jar;
    }

    @Test
    @DisplayName("a registry file and a jar bundling one read to the same registry")
    void fileAndJar() throws Exception {
        String json = RegistryCodec.write(REGISTRY, RegistryFormat.JSON);
        Path file = Files.writeString(dir.resolve("registry.json"), json);

        assertThat(Registries.read(file, "switchboard.against").services())
                .extracting(ServiceEntry::name)
                .containsExactly("user");
        assertThat(Registries.read(jar(BundledRegistry.RESOURCE, json), "switchboard.against")
                        .services())
                .extracting(ServiceEntry::name)
                .containsExactly("user");
    }

    @Test
    @DisplayName("a missing file, a jar without a registry and a damaged registry are problems of the parameter")
    void problems() throws Exception {
        assertThatThrownBy(() -> Registries.read(dir.resolve("nope.json"), "switchboard.against"))
                .isInstanceOf(InputException.class)
                .hasMessageContaining("switchboard.against: " + dir.resolve("nope.json")
                        + " does not exist or is not a file; give a registry file");
        Path empty = jar("META-INF/MANIFEST.MF", "Manifest-Version: 1.0\n");
        assertThatThrownBy(() -> Registries.read(empty, "switchboard.against"))
                .isInstanceOf(InputException.class)
                .hasMessageContaining("bundles no META-INF/switchboard/registry.json; give a jar built with");
        Path damaged = Files.writeString(dir.resolve("damaged.json"), "{\"schemaVersion\": ");
        assertThatThrownBy(() -> Registries.read(damaged, "switchboard.against"))
                .isInstanceOf(InputException.class)
                .hasMessageContaining("switchboard.against: " + damaged + ":1:")
                .hasMessageContaining("the file looks cut off");
        Path notAJar = Files.writeString(dir.resolve("broken.jar"), "not a zip");
        assertThatThrownBy(() -> Registries.read(notAJar, "switchboard.against"))
                .isInstanceOf(InputException.class)
                .hasMessageContaining("is not a readable jar");
    }
}
