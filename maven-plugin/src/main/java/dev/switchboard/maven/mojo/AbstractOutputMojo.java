package dev.switchboard.maven.mojo;

import dev.switchboard.core.diag.InputException;
import dev.switchboard.core.render.GenerateRequest;
import java.io.File;
import org.apache.maven.model.Resource;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * Where the goals that write sources put them, and what those sources need: switchboard-runtime among
 * the project's dependencies, and the output directories added to the build.
 */
abstract class AbstractOutputMojo extends AbstractFactoryMojo {

    /**
     * Where generated Java sources go; added to the compile source roots.
     *
     * <pre>&lt;outputDirectory&gt;${project.build.directory}/generated-sources/switchboard&lt;/outputDirectory&gt;</pre>
     *
     * @since 0.1.0
     */
    @Parameter(defaultValue = "${project.build.directory}/generated-sources/switchboard", required = true)
    protected File outputDirectory;

    /**
     * Where generated resources go (the bundled registry, the provider registration); added to the
     * project's resources.
     *
     * <pre>&lt;resourceDirectory&gt;${project.build.directory}/generated-resources/switchboard&lt;/resourceDirectory&gt;</pre>
     *
     * @since 0.1.0
     */
    @Parameter(defaultValue = "${project.build.directory}/generated-resources/switchboard", required = true)
    protected File resourceDirectory;

    /** Whether the project depends on switchboard-runtime, which generated sources need. */
    protected boolean runtimeIsDependency() {
        return project.getArtifacts().stream()
                .anyMatch(a -> a.getGroupId().equals("dev.switchboard")
                        && a.getArtifactId().equals("switchboard-runtime"));
    }

    /** Adds the generated sources and resources to the build. */
    protected void addRoots() {
        project.addCompileSourceRoot(outputDirectory.getAbsolutePath());
        Resource resource = new Resource();
        resource.setDirectory(resourceDirectory.getAbsolutePath());
        project.addResource(resource);
    }

    /** Fails, saying what to add, when the project lacks switchboard-runtime. */
    protected void requireRuntime() throws InputException {
        if (!runtimeIsDependency()) {
            throw new InputException(GenerateRequest.runtimeMissing("pom.xml", pluginVersion()));
        }
    }
}
