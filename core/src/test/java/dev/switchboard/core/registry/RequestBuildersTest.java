package dev.switchboard.core.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.switchboard.core.diag.InputException;
import dev.switchboard.core.health.EndpointRequest;
import dev.switchboard.core.render.GenerateRequest;
import dev.switchboard.core.watch.WatchRequest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RequestBuildersTest {
    @TempDir
    Path base;

    private Path write(String path, String text) throws Exception {
        Path file = base.resolve(path);
        Files.createDirectories(file.getParent());
        return Files.writeString(file, text);
    }

    @Test
    @DisplayName("a registry request from a base directory alone has the plugin's defaults")
    void registryConventions() throws Exception {
        RegistryRequest request = RegistryRequest.builder(base).build();

        SoftAssertions soft = new SoftAssertions();
        soft.assertThat(request.protos().baseDirectory()).isEqualTo(base.toAbsolutePath());
        soft.assertThat(request.protos().sourceRoots()).containsExactly(base.resolve("src/main/proto"));
        soft.assertThat(request.protos().importPaths()).isEmpty();
        soft.assertThat(request.protos().includes()).containsExactly("**/*.proto");
        soft.assertThat(request.registryFile()).isEqualTo(base.resolve("target/switchboard/registry.json"));
        soft.assertThat(request.overridesFile()).isNull();
        soft.assertThat(request.rulesFile()).isNull();
        soft.assertThat(request.discoverAws()).isTrue();
        soft.assertThat(request.failOnMissingSources()).isFalse();
        soft.assertThat(request.selection().isAll()).isTrue();
        soft.assertThat(request.pluginVersion()).isNotBlank();
        soft.assertThat(request.pluginArchive()).exists();
        soft.assertAll();
    }

    @Test
    @DisplayName("the conventional overrides file is found; two of them are an error naming both")
    void conventionalOverrides() throws Exception {
        write("src/main/switchboard/overrides.json", "{}");
        assertThat(RegistryRequest.builder(base).build().overridesFile())
                .isEqualTo(base.resolve("src/main/switchboard/overrides.json"));

        write("src/main/switchboard/overrides.yaml", "services: {}");
        assertThatThrownBy(() -> RegistryRequest.builder(base).build())
                .isInstanceOf(InputException.class)
                .hasMessageContaining("overrides.yaml and overrides.json are both there");
        assertThat(Overrides.conventionalFiles(base))
                .containsExactly(
                        base.resolve("src/main/switchboard/overrides.yaml"),
                        base.resolve("src/main/switchboard/overrides.yml"),
                        base.resolve("src/main/switchboard/overrides.json"));
    }

    @Test
    @DisplayName("paths given to the builders are taken from the base directory; a named overrides file wins")
    void relativePaths() throws Exception {
        write("src/main/switchboard/overrides.yaml", "services: {}");
        RegistryRequest request = RegistryRequest.builder(base)
                .sourceRoots(List.of(Path.of("api")))
                .importPaths(List.of(Path.of("../shared")))
                .overridesFile(Path.of("config/overrides.yaml"))
                .rulesFile(Path.of("rules.yaml"))
                .registryDirectory(Path.of("out"))
                .groups(Map.of("payments", List.of("billing")))
                .discoverAws(false)
                .build();

        SoftAssertions soft = new SoftAssertions();
        soft.assertThat(request.protos().sourceRoots()).containsExactly(base.resolve("api"));
        soft.assertThat(request.protos().importPaths())
                .containsExactly(base.getParent().resolve("shared").toAbsolutePath());
        soft.assertThat(request.overridesFile()).isEqualTo(base.resolve("config/overrides.yaml"));
        soft.assertThat(request.rulesFile()).isEqualTo(base.resolve("rules.yaml"));
        soft.assertThat(request.registryDirectory()).isEqualTo(base.resolve("out"));
        soft.assertThat(request.groups()).containsEntry("payments", List.of("billing"));
        soft.assertThat(request.discoverAws()).isFalse();
        soft.assertAll();
    }

    @Test
    @DisplayName("a generate request defaults to the plugin's output directories, package and class name")
    void generateConventions() throws Exception {
        RegistryRequest registry = RegistryRequest.builder(base).build();
        GenerateRequest request = GenerateRequest.builder(registry).build();

        SoftAssertions soft = new SoftAssertions();
        soft.assertThat(request.registry()).isSameAs(registry);
        soft.assertThat(request.sourceDirectory()).isEqualTo(base.resolve("target/generated-sources/switchboard"));
        soft.assertThat(request.resourceDirectory()).isEqualTo(base.resolve("target/generated-resources/switchboard"));
        soft.assertThat(request.packageName()).isEqualTo("switchboard");
        soft.assertThat(request.className()).isEqualTo("ServiceClients");
        soft.assertThat(request.templateDirectory()).isNull();
        soft.assertThat(request.generators()).isEmpty();
        soft.assertThat(request.manifestFile()).isEqualTo(base.resolve("target/switchboard/generated-files.txt"));
        soft.assertAll();
    }

    @Test
    @DisplayName("a generate request takes its templates and generator files from the base directory")
    void generateRelativePaths() throws Exception {
        GenerateRequest request = GenerateRequest.builder(
                        RegistryRequest.builder(base).build())
                .packageName("com.acme.clients")
                .className("AcmeClients")
                .sourceDirectory(Path.of("gen/java"))
                .templateDirectory(Path.of("templates"))
                .generators(List.of(new GenerateRequest.Generator(Path.of("t/Inventory.java.ftl"), "Inventory.java")))
                .build();

        assertThat(request.sourceDirectory()).isEqualTo(base.resolve("gen/java"));
        assertThat(request.templateDirectory()).isEqualTo(base.resolve("templates"));
        assertThat(request.generators())
                .containsExactly(new GenerateRequest.Generator(base.resolve("t/Inventory.java.ftl"), "Inventory.java"));
        assertThat(request.packageName()).isEqualTo("com.acme.clients");
        assertThat(request.className()).isEqualTo("AcmeClients");
    }

    @Test
    @DisplayName("a watch request watches the proto root and waits for the conventional overrides files")
    void watchConventions() throws Exception {
        GenerateRequest generate =
                GenerateRequest.builder(RegistryRequest.builder(base).build()).build();
        WatchRequest request = WatchRequest.builder(generate).build();

        assertThat(request.trees()).containsExactly(new WatchRequest.Tree(base.resolve("src/main/proto"), ".proto"));
        assertThat(request.files()).containsExactlyInAnyOrderElementsOf(Overrides.conventionalFiles(base));
        assertThat(request.debounce()).isEqualTo(Duration.ofMillis(300));
        assertThat(WatchRequest.builder(generate)
                        .debounce(Duration.ofMillis(50))
                        .optionalFiles(List.of())
                        .build()
                        .files())
                .isEmpty();
    }

    @Test
    @DisplayName("an endpoint request reads endpoints.properties when present and none when absent")
    void endpointsFile() throws Exception {
        assertThat(EndpointRequest.builder(base).build().file()).isNull();

        Path file = write("src/main/switchboard/endpoints.properties", "user=grpc://127.0.0.1:9090\n");
        EndpointRequest request = EndpointRequest.builder(base)
                .configured(Map.of("billing", "http://127.0.0.1:8080"))
                .build();
        assertThat(request.file()).isEqualTo(file);
        assertThat(request.shownFile()).isEqualTo("src/main/switchboard/endpoints.properties");
        assertThat(request.configured()).containsEntry("billing", "http://127.0.0.1:8080");
    }

    @Test
    @DisplayName("an environment without its endpoints file is a problem naming the file and the fix")
    void missingEnvironment() throws Exception {
        write("src/main/switchboard/endpoints-staging.properties", "user=grpc://127.0.0.1:9090\n");
        assertThat(EndpointRequest.builder(base).env("staging").build().shownFile())
                .isEqualTo("src/main/switchboard/endpoints-staging.properties");

        assertThatThrownBy(() -> EndpointRequest.builder(base).env("prod").build())
                .isInstanceOf(InputException.class)
                .hasMessageContaining("switchboard.env: environment \"prod\" has no endpoints file"
                        + " src/main/switchboard/endpoints-prod.properties; create it with one <service>=URL a line");
    }
}
