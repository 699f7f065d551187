package dev.switchboard.core.render;

import dev.switchboard.core.proto.ProtoInputs;
import dev.switchboard.core.registry.RegistryRequest;
import dev.switchboard.core.registry.Selection;
import dev.switchboard.core.testing.ChildJvm;
import dev.switchboard.core.testing.TestClasspath;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * Runs the generate pipeline over and over in a JVM of its own, for {@link GenerateKillTest} to kill
 * at a random point: each run takes the next of the project's proto trees ({@code protos/v0} …), so
 * every run changes the registry and the files. Prints {@code ready} before the first run and {@code
 * looping} after the third, when the JVM has warmed up and the runs spend most of their time writing.
 */
public final class GenerateChild {
    static final int VARIANTS = 3;

    private GenerateChild() {}

    public static void main(String[] args) throws Exception {
        ChildJvm.exitWithParent();
        Path base = Path.of(args[0]);
        int first = Integer.parseInt(args[1]);
        System.out.println("ready");
        for (int run = 0; ; run++) {
            new SourceGenerator().generate(request(base, (first + run) % VARIANTS));
            if (run == 2) {
                System.out.println("looping");
            }
        }
    }

    /** The project of {@code base} built from {@code protos/v<variant>}, with its overrides and one generator. */
    static GenerateRequest request(Path base, int variant) {
        RegistryRequest registry = new RegistryRequest(
                new ProtoInputs(
                        base,
                        List.of(base.resolve("protos/v" + variant)),
                        List.of(),
                        // grpc-java, which generate asks for when there are gRPC services.
                        TestClasspath.jars().stream()
                                .filter(j -> j.getFileName().toString().startsWith("grpc-stub-"))
                                .toList(),
                        List.of(),
                        List.of(),
                        List.of(),
                        null),
                null,
                false,
                base.resolve("overrides.yaml"),
                base.resolve("target/switchboard"),
                false,
                "test",
                base.resolve("plugin.jar"),
                false,
                Map.of(),
                Selection.all(),
                List.of());
        return new GenerateRequest(
                registry,
                "com.acme.switchboard",
                "ServiceClients",
                base.resolve("target/generated-sources/switchboard"),
                base.resolve("target/generated-resources/switchboard"),
                null,
                List.of(new GenerateRequest.Generator(base.resolve("service.md.ftl"), "docs/{service}.md")),
                true,
                null);
    }
}
