package dev.switchboard.maven.mojo;

import java.io.File;
import java.lang.reflect.Field;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Set;
import org.apache.maven.artifact.DefaultArtifact;
import org.apache.maven.artifact.handler.DefaultArtifactHandler;
import org.apache.maven.execution.DefaultMavenExecutionRequest;
import org.apache.maven.execution.DefaultMavenExecutionResult;
import org.apache.maven.execution.MavenSession;
import org.apache.maven.plugin.descriptor.PluginDescriptor;
import org.apache.maven.project.MavenProject;

/**
 * Configures a goal as Maven's injection would, on a throw-away project that depends on the runtime and
 * grpc-java.
 */
final class MojoHarness {
    private MojoHarness() {}

    /** Sets the project, plugin and session, and the default output parameters of a generating goal. */
    static <T extends AbstractRegistryMojo> T configure(T mojo, Path dir) throws Exception {
        Files.writeString(dir.resolve("pom.xml"), "<project/>\n");
        MavenProject project = new MavenProject();
        project.setFile(dir.resolve("pom.xml").toFile());
        DefaultArtifact grpcStub = new DefaultArtifact(
                "io.grpc", "grpc-stub", "test", "compile", "jar", null, new DefaultArtifactHandler("jar"));
        grpcStub.setFile(Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator))
                .filter(p -> Path.of(p).getFileName().toString().startsWith("grpc-stub-"))
                .map(File::new)
                .findFirst()
                .orElseThrow());
        project.setArtifacts(Set.of(
                new DefaultArtifact(
                        "dev.switchboard",
                        "switchboard-runtime",
                        "0.1.0-SNAPSHOT",
                        "compile",
                        "jar",
                        null,
                        new DefaultArtifactHandler("jar")),
                grpcStub));
        PluginDescriptor plugin = new PluginDescriptor();
        plugin.setVersion("test");
        @SuppressWarnings("deprecation")
        MavenSession session =
                new MavenSession(null, new DefaultMavenExecutionRequest(), new DefaultMavenExecutionResult(), project);
        set(mojo, "project", project);
        set(mojo, "plugin", plugin);
        set(mojo, "session", session);
        set(mojo, "registryDirectory", dir.resolve("target/switchboard").toFile());
        if (!(mojo instanceof AbstractGenerateMojo)) {
            return mojo;
        }
        set(mojo, "packageName", "com.acme.switchboard");
        set(mojo, "className", "ServiceClients");
        set(
                mojo,
                "outputDirectory",
                dir.resolve("target/generated-sources/switchboard").toFile());
        set(
                mojo,
                "resourceDirectory",
                dir.resolve("target/generated-resources/switchboard").toFile());
        return mojo;
    }

    /** Sets a parameter field as Maven's injection does, wherever in the class hierarchy it is declared. */
    static void set(Object mojo, String name, Object value) throws ReflectiveOperationException {
        for (Class<?> type = mojo.getClass(); type != null; type = type.getSuperclass()) {
            try {
                Field field = type.getDeclaredField(name);
                field.setAccessible(true);
                field.set(mojo, value);
                return;
            } catch (NoSuchFieldException e) {
                // declared further up
            }
        }
        throw new NoSuchFieldException(name);
    }
}
