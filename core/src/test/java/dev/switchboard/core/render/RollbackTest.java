package dev.switchboard.core.render;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.switchboard.core.diag.InputException;
import dev.switchboard.core.registry.RegistryBuilder;
import dev.switchboard.core.registry.RegistryRequest;
import dev.switchboard.core.testing.OutputSnapshot;
import dev.switchboard.core.testing.ProtoProject;
import dev.switchboard.runtime.registry.RegistryCodec;
import dev.switchboard.runtime.registry.ServiceEntry;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RollbackTest {
    private static final String V1 = """
            syntax = "proto3";
            package acme.shop.v1;
            option java_package = "com.acme.shop.v1";
            service CartService { rpc Add(Item) returns (Item); }
            service WishlistService { rpc Add(Item) returns (Item); }
            message Item { string id = 1; }
            """;
    /** The second build drops the wishlist. */
    private static final String V2 = """
            syntax = "proto3";
            package acme.shop.v1;
            option java_package = "com.acme.shop.v1";
            service CartService { rpc Add(Item) returns (Item); }
            message Item { string id = 1; }
            """;

    @TempDir
    Path dir;

    private ProtoProject project;
    private RegistryRequest registry;

    @BeforeEach
    void project() {
        project = new ProtoProject(dir).proto("acme/shop.proto", V1);
        registry = project.request();
    }

    private GenerateRequest sources() {
        return new GenerateRequest(
                registry,
                "com.acme.switchboard",
                "ServiceClients",
                dir.resolve("target/generated-sources/switchboard"),
                dir.resolve("target/generated-resources/switchboard"),
                null,
                List.of(),
                true,
                null);
    }

    private Path provider(String name) {
        return dir.resolve("target/generated-sources/switchboard/com/acme/switchboard/provider/" + name);
    }

    private static List<String> names(Path registryFile) throws Exception {
        return RegistryCodec.read(registryFile).services().stream()
                .map(ServiceEntry::name)
                .toList();
    }

    @Test
    @DisplayName("in a project that only builds the registry, the registry alone is rolled back and no sources appear")
    void registryOnly() throws Exception {
        new RegistryBuilder().build(registry);
        project.proto("acme/shop.proto", V2);
        new RegistryBuilder().build(registry);

        Rollback.Outcome outcome = new Rollback().run(Rollback.Request.registryOnly(registry));
        List<String> restored = names(registry.registryFile());
        List<String> previous = names(registry.previousFile());

        SoftAssertions.assertSoftly(soft -> {
            soft.assertThat(outcome.registryOnly()).isTrue();
            soft.assertThat(outcome.previousKept()).isTrue();
            soft.assertThat(restored).containsExactly("cart", "wishlist");
            soft.assertThat(previous).containsExactly("cart");
            soft.assertThat(registry.inputsFile()).doesNotExist();
            soft.assertThat(dir.resolve("target/generated-sources")).doesNotExist();
        });
    }

    @Test
    @DisplayName("a project whose runtime is a dependency but that never generated gets no sources from a rollback")
    void sourcesPossibleButNeverGenerated() throws Exception {
        new RegistryBuilder().build(registry);
        project.proto("acme/shop.proto", V2);
        new RegistryBuilder().build(registry);

        Rollback.Outcome outcome = new Rollback().run(Rollback.Request.withSources(sources()));

        assertThat(outcome.registryOnly()).isTrue();
        assertThat(names(registry.registryFile())).containsExactly("cart", "wishlist");
        assertThat(dir.resolve("target/generated-sources")).doesNotExist();
    }

    @Test
    @DisplayName("in a project with generated sources, the dropped service's provider comes back with the registry")
    void regeneratesSources() throws Exception {
        new SourceGenerator().generate(sources());
        project.proto("acme/shop.proto", V2);
        new SourceGenerator().generate(sources());
        assertThat(provider("WishlistProvider.java")).doesNotExist();

        Rollback.Outcome outcome = new Rollback().run(Rollback.Request.withSources(sources()));

        assertThat(outcome.registryOnly()).isFalse();
        assertThat(outcome.regenerated().services()).containsExactly("cart", "wishlist");
        assertThat(provider("WishlistProvider.java")).exists();
        assertThat(provider("CartProvider.java")).exists();
        assertThat(names(registry.registryFile())).containsExactly("cart", "wishlist");
    }

    @Test
    @DisplayName("a second rollback undoes the first")
    void secondRollbackUndoesTheFirst() throws Exception {
        new RegistryBuilder().build(registry);
        byte[] v1 = Files.readAllBytes(registry.registryFile());
        project.proto("acme/shop.proto", V2);
        new RegistryBuilder().build(registry);
        byte[] v2 = Files.readAllBytes(registry.registryFile());

        new Rollback().run(Rollback.Request.registryOnly(registry));
        new Rollback().run(Rollback.Request.registryOnly(registry));

        assertThat(Files.readAllBytes(registry.registryFile())).isEqualTo(v2);
        assertThat(Files.readAllBytes(registry.previousFile())).isEqualTo(v1);
    }

    @Test
    @DisplayName("the next build after a rollback rebuilds from the inputs, which differ from the restored registry")
    void nextBuildRebuilds() throws Exception {
        new RegistryBuilder().build(registry);
        project.proto("acme/shop.proto", V2);
        new RegistryBuilder().build(registry);
        new Rollback().run(Rollback.Request.registryOnly(registry));

        assertThat(new RegistryBuilder().build(registry).written()).isTrue();
        assertThat(names(registry.registryFile())).containsExactly("cart");
    }

    @Test
    @DisplayName("with nothing to roll back to, the message names the file and when one is kept, and nothing changes")
    void nothingToRollBackTo() throws Exception {
        new SourceGenerator().generate(sources());
        OutputSnapshot before = OutputSnapshot.of(dir);

        assertThatThrownBy(() -> new Rollback().run(Rollback.Request.withSources(sources())))
                .isInstanceOf(InputException.class)
                .hasMessageContaining("target/switchboard/registry.previous.json: does not exist, so there is nothing"
                        + " to roll back to")
                .hasMessageContaining("the previous registry is kept each time a build changes the registry");
        before.assertUnchanged(dir);
    }

    @Test
    @DisplayName("a damaged previous registry is refused before anything is swapped")
    void damagedPrevious() throws Exception {
        new RegistryBuilder().build(registry);
        Files.writeString(registry.previousFile(), "{ not a registry");
        OutputSnapshot before = OutputSnapshot.of(dir);

        assertThatThrownBy(() -> new Rollback().run(Rollback.Request.registryOnly(registry)))
                .isInstanceOf(InputException.class)
                .hasMessageContaining("target/switchboard/registry.previous.json: cannot be restored")
                .hasMessageContaining("nothing was changed");
        before.assertUnchanged(dir);
    }

    @Test
    @DisplayName("when regenerating fails, the registry files are put back byte for byte")
    void failedRegenerationPutsTheRegistryBack() throws Exception {
        Path template = dir.resolve("src/main/switchboard/Broken.java.ftl");
        Files.createDirectories(template.getParent());
        Files.writeString(template, "ok\n");
        GenerateRequest request = withGenerator(template);
        new SourceGenerator().generate(request);
        project.proto("acme/shop.proto", V2);
        new SourceGenerator().generate(request);
        Files.writeString(template, "${noSuchValue}\n");
        OutputSnapshot before = OutputSnapshot.of(dir);

        assertThatThrownBy(() -> new Rollback().run(Rollback.Request.withSources(request)))
                .isInstanceOf(RenderException.class);
        before.assertUnchanged(dir);
    }

    private GenerateRequest withGenerator(Path template) {
        GenerateRequest plain = sources();
        return new GenerateRequest(
                plain.registry(),
                plain.packageName(),
                plain.className(),
                plain.sourceDirectory(),
                plain.resourceDirectory(),
                null,
                List.of(new GenerateRequest.Generator(template, "com/acme/Broken.txt")),
                true,
                null);
    }
}
