package dev.switchboard.maven.mojo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.switchboard.core.diag.InputException;
import dev.switchboard.core.proto.DependencyArtifact;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import org.apache.maven.artifact.DefaultArtifact;
import org.apache.maven.artifact.handler.DefaultArtifactHandler;
import org.apache.maven.project.MavenProject;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DependencyResolverTest {
    private static final String PARAMETER = "<protoSourceDependencies> (switchboard.protoSourceDependencies)";

    private static DependencyResolver resolver(Path dir) throws Exception {
        Path jar = Files.writeString(dir.resolve("billing-api-3.2.0.jar"), "jar");
        DefaultArtifact billing = new DefaultArtifact(
                "com.acme", "billing-api", "3.2.0", "compile", "jar", null, new DefaultArtifactHandler("jar"));
        billing.setFile(jar.toFile());
        MavenProject project = new MavenProject();
        project.setArtifacts(Set.of(billing));
        // Entries that name a dependency never reach the resolver.
        return new DependencyResolver(project, null, null);
    }

    @Test
    @DisplayName("an entry without a version takes the project's dependency, recorded with its version")
    void takesTheDependency(@TempDir Path dir) throws Exception {
        assertThat(resolver(dir).resolve("com.acme:billing-api", PARAMETER))
                .containsExactly(new DependencyArtifact(
                        "com.acme:billing-api:3.2.0",
                        dir.resolve("billing-api-3.2.0.jar").toAbsolutePath()));
    }

    @Test
    @DisplayName(
            "an entry that is no dependency and has no version names the parameter, the nearest dependency and both fixes")
    void notADependency(@TempDir Path dir) throws Exception {
        assertThatThrownBy(() -> resolver(dir).resolve("com.acme:biling-api", PARAMETER))
                .isInstanceOfSatisfying(
                        InputException.class,
                        e -> assertThat(e.problems().get(0).toString())
                                .startsWith(PARAMETER + ": com.acme:biling-api is not a dependency of this project")
                                .contains("nearest: com.acme:billing-api")
                                .contains("add it to <dependencies>, or give its version (com.acme:biling-api:1.2.3)"));
    }

    @Test
    @DisplayName("a version other than the dependency's is refused with both versions")
    void otherVersion(@TempDir Path dir) throws Exception {
        assertThatThrownBy(() -> resolver(dir).resolve("com.acme:billing-api:3.1.0", PARAMETER))
                .isInstanceOfSatisfying(
                        InputException.class,
                        e -> assertThat(e.problems().get(0).toString())
                                .contains("names version 3.1.0, but the project depends on com.acme:billing-api:3.2.0")
                                .contains("write com.acme:billing-api to take the dependency"));
    }
}
