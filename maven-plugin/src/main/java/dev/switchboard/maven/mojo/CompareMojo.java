package dev.switchboard.maven.mojo;

import dev.switchboard.core.diag.FindingException;
import dev.switchboard.core.diag.InputException;
import dev.switchboard.core.diag.Problem;
import dev.switchboard.core.inspect.BreakingCategory;
import dev.switchboard.core.inspect.BreakingOptions;
import dev.switchboard.core.inspect.Format;
import dev.switchboard.core.inspect.RegistryDiff;
import dev.switchboard.core.inspect.Views;
import dev.switchboard.core.registry.Registries;
import dev.switchboard.runtime.registry.Registry;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.maven.plugins.annotations.Component;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.plugins.annotations.ResolutionScope;
import org.eclipse.aether.RepositorySystem;
import org.eclipse.aether.RepositorySystemSession;
import org.eclipse.aether.artifact.DefaultArtifact;
import org.eclipse.aether.resolution.ArtifactRequest;
import org.eclipse.aether.resolution.ArtifactResolutionException;

/**
 * Compares two services of the registry ({@code -Dswitchboard.service=a -Dswitchboard.compareTo=b}),
 * or the registry with another ({@code -Dswitchboard.against=} a registry file, or {@code
 * groupId:artifactId:version} of a released artifact that bundles one): services, files, packages,
 * rpcs, types, streaming, idempotency and HTTP bindings added, removed, moved and changed. Breaking
 * changes are those of buf's service and rpc rules in the category {@code switchboard.compare.category}
 * ({@code PACKAGE} by default), and of switchboard's HTTP rules, each named with its rule and file.
 * {@code -Dswitchboard.failOnBreaking=true} fails the build on any breaking change.
 *
 * @since 0.1.0
 */
@Mojo(name = "compare", requiresDependencyResolution = ResolutionScope.COMPILE, threadSafe = true)
public class CompareMojo extends AbstractInspectMojo {

    /**
     * The second service, compared with {@code switchboard.service}.
     *
     * <pre>{@code -Dswitchboard.compareTo=user-v2}</pre>
     *
     * @since 0.1.0
     */
    @Parameter(property = PropertyNames.COMPARE_TO)
    private String compareTo;

    /**
     * The registry to compare with, as the old side: a file, or the coordinates of an artifact that
     * bundles {@code META-INF/switchboard/registry.json}.
     *
     * <pre>{@code -Dswitchboard.against=com.acme:orders:1.4.0}</pre>
     *
     * @since 0.1.0
     */
    @Parameter(property = PropertyNames.AGAINST)
    private String against;

    /**
     * Fails the build when a change breaks callers.
     *
     * <pre>{@code -Dswitchboard.failOnBreaking=true}</pre>
     *
     * @since 0.1.0
     */
    @Parameter(property = PropertyNames.FAIL_ON_BREAKING, defaultValue = "false")
    private boolean failOnBreaking;

    /**
     * Which of buf's breaking-change categories judges the changes: {@code FILE}, {@code PACKAGE}, {@code
     * WIRE_JSON} or {@code WIRE}.
     *
     * <pre>{@code -Dswitchboard.compare.category=WIRE_JSON}</pre>
     *
     * @since 0.1.0
     */
    @Parameter(property = PropertyNames.COMPARE_CATEGORY, defaultValue = "PACKAGE")
    private String category;

    /**
     * Leaves changes in unstable packages ({@code v1alpha1}, {@code v1beta1}, {@code v1test}, {@code
     * v1p1alpha1} …) unjudged, as buf's {@code ignore_unstable_packages}.
     *
     * <pre>{@code -Dswitchboard.compare.ignoreUnstablePackages=true}</pre>
     *
     * @since 0.1.0
     */
    @Parameter(property = PropertyNames.COMPARE_IGNORE_UNSTABLE_PACKAGES, defaultValue = "false")
    private boolean ignoreUnstablePackages;

    @Component
    private RepositorySystem repositorySystem;

    @Parameter(defaultValue = "${repositorySystemSession}", readonly = true, required = true)
    private RepositorySystemSession repositorySession;

    @Override
    protected void inspect(Registry registry) throws Exception {
        BreakingOptions options = new BreakingOptions(
                BreakingCategory.parse(category, PropertyNames.COMPARE_CATEGORY), ignoreUnstablePackages);
        RegistryDiff diff;
        if (against != null && !against.isBlank()) {
            diff = RegistryDiff.of(other(against.trim()), registry, options);
        } else if (service != null && compareTo != null) {
            diff = RegistryDiff.of(Views.service(registry, service), Views.service(registry, compareTo), options);
        } else {
            throw new InputException(Problem.in(
                    PropertyNames.AGAINST,
                    "nothing to compare with",
                    "set -Dswitchboard.against=FILE|groupId:artifactId:version, or -Dswitchboard.service=A"
                            + " -Dswitchboard.compareTo=B"));
        }
        emit(diff.render(format(Format.TABLE, Format.JSON, Format.YAML)));
        if (failOnBreaking && !diff.breaking().isEmpty()) {
            throw new FindingException(diff.breaking().size() + " breaking change(s)", diff.breakingLines());
        }
    }

    private Registry other(String value) throws InputException, IOException {
        Path file = project.getBasedir().toPath().resolve(value);
        if (Files.isRegularFile(file)) {
            return Registries.read(file, PropertyNames.AGAINST);
        }
        if (value.split(":").length < 3) {
            throw new InputException(Problem.in(
                    PropertyNames.AGAINST,
                    "\"" + value + "\" is neither a file nor groupId:artifactId:version",
                    "give an existing registry file or an artifact's coordinates"));
        }
        File jar;
        try {
            jar = repositorySystem
                    .resolveArtifact(
                            repositorySession,
                            new ArtifactRequest(
                                    new DefaultArtifact(value), project.getRemoteProjectRepositories(), null))
                    .getArtifact()
                    .getFile();
        } catch (ArtifactResolutionException | IllegalArgumentException e) {
            throw new InputException(Problem.in(
                    PropertyNames.AGAINST,
                    "artifact " + value + " cannot be resolved: " + e.getMessage(),
                    "check the coordinates and that the repository holding it is configured"));
        }
        return Registries.bundled(jar.toPath(), value, PropertyNames.AGAINST);
    }
}
