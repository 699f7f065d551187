package dev.switchboard.core.render;

import dev.switchboard.core.diag.Problem;
import dev.switchboard.runtime.registry.ServiceEntry;
import dev.switchboard.runtime.registry.ServiceKind;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.ZipFile;

/**
 * Whether the generated gRPC accessors can compile: the factory refers to the grpc-java stubs protoc
 * generates, which need grpc-java on the compile classpath. Without it the build would fail in javac
 * with {@code package io.grpc does not exist}, far from the cause, so {@code generate} says what to add
 * first.
 */
public final class GrpcClasspath {
    /** What every grpc-java stub class extends; grpc-stub holds it. */
    static final String STUB_CLASS = "io/grpc/stub/AbstractStub.class";

    /** Where the fix goes: the project's dependencies (on the command line, its classpath options). */
    public static final String PLACE = "pom.xml <dependencies>";

    private GrpcClasspath() {}

    /**
     * The problem with generating accessors for the selected gRPC services, or null when there is none:
     * no gRPC service is selected, or grpc-java is on the classpath.
     *
     * @param archives the compile classpath (jars, and directories of sibling modules); empty when the
     *     caller knows none (the command line run without {@code --classpath}), and then nothing is checked
     */
    static Problem problem(List<ServiceEntry> selected, List<Path> archives) {
        List<String> grpc = selected.stream()
                .filter(s -> s.kind() == ServiceKind.GRPC)
                .map(ServiceEntry::name)
                .toList();
        if (grpc.isEmpty() || archives.isEmpty() || archives.stream().anyMatch(GrpcClasspath::holdsStubs)) {
            return null;
        }
        String names = grpc.size() > 5
                ? String.join(", ", grpc.subList(0, 5)) + " and " + (grpc.size() - 5) + " more"
                : String.join(", ", grpc);
        return Problem.in(
                PLACE,
                "the selection holds " + grpc.size() + " gRPC service(s) (" + names + "), but grpc-java is not on"
                        + " the compile classpath, so their generated stubs and accessors cannot compile",
                "add grpc-java (versions from io.grpc:grpc-bom) and generate the stubs with protoc and"
                        + " protoc-gen-grpc-java, e.g. with io.github.ascopes:protobuf-maven-plugin declared before"
                        + " switchboard (see the README's Quick start):\n"
                        + "    <dependency><groupId>io.grpc</groupId><artifactId>grpc-stub</artifactId></dependency>\n"
                        + "    <dependency><groupId>io.grpc</groupId><artifactId>grpc-protobuf</artifactId>"
                        + "</dependency>\n"
                        + "    <dependency><groupId>io.grpc</groupId><artifactId>grpc-netty-shaded</artifactId>"
                        + "</dependency>\n"
                        + "  or, to generate without gRPC accessors, set <grpc>false</grpc>");
    }

    private static boolean holdsStubs(Path archive) {
        if (Files.isDirectory(archive)) {
            return Files.isRegularFile(archive.resolve(STUB_CLASS));
        }
        if (!Files.isRegularFile(archive)) {
            return false;
        }
        try (ZipFile zip = new ZipFile(archive.toFile())) {
            return zip.getEntry(STUB_CLASS) != null;
        } catch (IOException e) {
            // Not a readable archive: it holds no stubs that javac could use either.
            return false;
        }
    }
}
