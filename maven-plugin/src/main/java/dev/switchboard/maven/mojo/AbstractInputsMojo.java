package dev.switchboard.maven.mojo;

import dev.switchboard.core.diag.InputException;
import dev.switchboard.core.proto.DependencyArtifact;
import java.io.File;
import java.nio.file.Path;
import java.util.List;
import org.apache.maven.plugins.annotations.Component;
import org.apache.maven.plugins.annotations.Parameter;
import org.eclipse.aether.RepositorySystem;

/**
 * What the registry is built from: the proto source roots and import paths with their globs, the
 * dependencies whose protos or bundled registries add services, the inference rules and the overrides
 * file.
 */
abstract class AbstractInputsMojo extends AbstractSwitchboardMojo {
    /**
     * Directories whose {@code .proto} files become registry services. Defaults to {@code
     * src/main/proto}.
     *
     * <pre>
     * &lt;protoSourceRoots&gt;
     *   &lt;protoSourceRoot&gt;src/main/proto&lt;/protoSourceRoot&gt;
     *   &lt;protoSourceRoot&gt;${project.basedir}/api&lt;/protoSourceRoot&gt;
     * &lt;/protoSourceRoots&gt;
     * </pre>
     *
     * @since 0.1.0
     */
    @Parameter
    protected List<File> protoSourceRoots;

    /**
     * Directories or archives whose protos may be imported but add no services. Protos inside the
     * project's dependency jars are importable without this.
     *
     * <pre>{@code <protoImportPaths><protoImportPath>../shared-protos</protoImportPath></protoImportPaths>}</pre>
     *
     * @since 0.1.0
     */
    @Parameter
    protected List<File> protoImportPaths;

    /**
     * Dependencies whose jars' protos become registry services like those of {@code protoSourceRoots},
     * as a comma list: {@code groupId:artifactId} for a project dependency, {@code
     * groupId:artifactId:version} to resolve an artifact the project does not depend on. The globs of
     * {@code includes} and {@code excludes} apply inside the jars.
     *
     * <pre>{@code <protoSourceDependencies>com.acme:billing-api</protoSourceDependencies>}</pre>
     *
     * @since 0.1.0
     */
    @Parameter(property = PropertyNames.PROTO_SOURCE_DEPENDENCIES)
    protected String protoSourceDependencies;

    /**
     * Dependencies whose bundled {@code META-INF/switchboard/registry.json} (which {@code registry} and
     * {@code generate} put there) is merged into this registry, as a comma list of the same form as
     * {@code protoSourceDependencies}. A service name may come from one place only.
     *
     * <pre>{@code <registryDependencies>com.acme:billing-api</registryDependencies>}</pre>
     *
     * @since 0.1.0
     */
    @Parameter(property = PropertyNames.REGISTRY_DEPENDENCIES)
    protected String registryDependencies;

    /** Resolves the dependencies given by version that the project does not depend on. */
    @Component
    private RepositorySystem repositorySystem;

    /**
     * Globs, relative to a source root, of the protos to load; all {@code .proto} files by default.
     *
     * <pre>{@code <includes><include>acme/**}{@code /*.proto</include></includes>}</pre>
     *
     * @since 0.1.0
     */
    @Parameter
    protected List<String> includes;

    /**
     * Globs of protos to leave out; they stay importable.
     *
     * <pre>{@code <excludes><exclude>**}{@code /internal/*.proto</exclude></excludes>}</pre>
     *
     * @since 0.1.0
     */
    @Parameter
    protected List<String> excludes;

    /**
     * A YAML or JSON file of inference rules that extends the defaults (or replaces them, see {@link
     * #replaceDefaultRules}).
     *
     * <pre>{@code <rulesFile>src/main/switchboard/rules.yaml</rulesFile>}</pre>
     *
     * @since 0.1.0
     */
    @Parameter
    protected File rulesFile;

    /**
     * Whether {@code rulesFile} replaces the default rules instead of extending them.
     *
     * <pre>{@code <replaceDefaultRules>true</replaceDefaultRules>}</pre>
     *
     * @since 0.1.0
     */
    @Parameter(defaultValue = "false")
    protected boolean replaceDefaultRules;

    /**
     * A YAML or JSON file that changes or adds registry fields per service, merged last. When not set,
     * {@code src/main/switchboard/overrides.yaml} (or {@code .yml}, {@code .json}) is used if present.
     *
     * <pre>{@code <overridesFile>src/main/switchboard/overrides.yaml</overridesFile>}</pre>
     *
     * @since 0.1.0
     */
    @Parameter
    protected File overridesFile;

    /** The files of {@code protoSourceDependencies}, resolved as {@link DependencyResolver} says. */
    protected List<DependencyArtifact> protoSourceDependencyFiles() throws InputException {
        return resolver()
                .resolve(
                        protoSourceDependencies,
                        "<protoSourceDependencies> (" + PropertyNames.PROTO_SOURCE_DEPENDENCIES + ")");
    }

    /** The files of {@code registryDependencies}, resolved as {@link DependencyResolver} says. */
    protected List<DependencyArtifact> registryDependencyFiles() throws InputException {
        return resolver()
                .resolve(registryDependencies, "<registryDependencies> (" + PropertyNames.REGISTRY_DEPENDENCIES + ")");
    }

    private DependencyResolver resolver() {
        return new DependencyResolver(project, repositorySystem, session.getRepositorySession());
    }

    /** Path parameters as absolute paths; none when unset. */
    protected static List<Path> paths(List<File> files) {
        return files == null
                ? List.of()
                : files.stream().map(f -> f.toPath().toAbsolutePath()).toList();
    }
}
