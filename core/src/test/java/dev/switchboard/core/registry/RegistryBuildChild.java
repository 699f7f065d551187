package dev.switchboard.core.registry;

import dev.switchboard.core.proto.ProtoInputs;
import dev.switchboard.core.testing.ChildJvm;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * Builds a registry in a JVM of its own, for {@link RegistryLockTest}. Arguments: the project
 * directory, the proto source root, how many builds, a file to wait for before the first build (so two
 * children start together), and a label: {@code -} builds the root as it is, any other label writes a
 * service of its own, new each time, into the root before each build.
 */
public final class RegistryBuildChild {
    private RegistryBuildChild() {}

    public static void main(String[] args) throws Exception {
        ChildJvm.exitWithParent();
        Path base = Path.of(args[0]);
        Path root = Path.of(args[1]);
        int builds = Integer.parseInt(args[2]);
        Path go = Path.of(args[3]);
        String label = args[4];
        System.out.println("ready");
        while (!Files.exists(go)) {
            Thread.sleep(1);
        }
        for (int i = 0; i < builds; i++) {
            if (!label.equals("-")) {
                writeService(root, label, i);
            }
            RegistryOutcome outcome = new RegistryBuilder().build(request(base, root));
            System.out.println("built " + outcome.fingerprint());
        }
        System.out.println("done");
    }

    /** The request of a project whose only source root is {@code root}, writing {@code base/target/switchboard}. */
    static RegistryRequest request(Path base, Path root) {
        return new RegistryRequest(
                new ProtoInputs(base, List.of(root), List.of(), List.of(), List.of(), List.of(), List.of(), null),
                null,
                false,
                null,
                base.resolve("target/switchboard"),
                false,
                "test",
                base.resolve("plugin.jar"),
                false,
                Map.of(),
                Selection.all(),
                List.of());
    }

    /** Replaces the root's proto with one service named for the label and the build: a registry never built before. */
    static void writeService(Path root, String label, int build) throws java.io.IOException {
        Files.createDirectories(root);
        Files.writeString(
                root.resolve(label + ".proto"),
                "syntax = \"proto3\";\npackage " + label + ".v1;\nmessage M {}\nservice " + label.toUpperCase() + build
                        + "Service { rpc Go(M) returns (M); }\n");
    }
}
