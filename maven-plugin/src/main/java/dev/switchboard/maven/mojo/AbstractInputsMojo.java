package dev.switchboard.maven.mojo;

import java.io.File;
import java.util.List;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * What the registry is built from: the proto source roots and import paths with their globs, the
 * inference rules and the overrides file.
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
}
