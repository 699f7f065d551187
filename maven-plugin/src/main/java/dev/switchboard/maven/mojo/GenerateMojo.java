package dev.switchboard.maven.mojo;

import dev.switchboard.core.diag.InputException;
import dev.switchboard.core.profiles.ProfilesWriter;
import dev.switchboard.core.registry.RegistryOutcome;
import dev.switchboard.core.render.GenerateOutcome;
import dev.switchboard.core.render.GenerateRequest;
import dev.switchboard.core.render.RenderException;
import dev.switchboard.core.render.SourceGenerator;
import java.io.File;
import java.io.IOException;
import java.util.List;
import java.util.Locale;
import org.apache.maven.model.Resource;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.plugins.annotations.ResolutionScope;

/**
 * Builds the registry when stale, applies the selection, and renders the client factory, its service
 * name constants, one provider per service with its {@code META-INF/services} registration, and the
 * bundled registry; adds the source and resource roots to the build. Only changed files are written,
 * and files an earlier run produced that are no longer produced are deleted.
 *
 * @since 0.1.0
 */
@Mojo(
        name = "generate",
        defaultPhase = LifecyclePhase.GENERATE_SOURCES,
        requiresDependencyResolution = ResolutionScope.COMPILE,
        threadSafe = true)
public class GenerateMojo extends AbstractSwitchboardMojo {

    /**
     * The package of the generated classes; by default the project's groupId plus {@code .switchboard},
     * with each part made a Java identifier ({@code my-org} → {@code my_org}).
     *
     * <pre>{@code <packageName>com.acme.clients</packageName>}</pre>
     *
     * @since 0.1.0
     */
    @Parameter
    private String packageName;

    /**
     * The name of the factory class.
     *
     * <pre>{@code <className>AcmeClients</className>}</pre>
     *
     * @since 0.1.0
     */
    @Parameter(defaultValue = "ServiceClients")
    private String className;

    /**
     * Where generated Java sources go; added to the compile source roots.
     *
     * <pre>{@code <outputDirectory>${project.build.directory}/generated-sources/switchboard</outputDirectory>}</pre>
     *
     * @since 0.1.0
     */
    @Parameter(defaultValue = "${project.build.directory}/generated-sources/switchboard", required = true)
    private File outputDirectory;

    /**
     * Where generated resources go (the bundled registry, the provider registration); added to the
     * project's resources.
     *
     * <pre>{@code <resourceDirectory>${project.build.directory}/generated-resources/switchboard</resourceDirectory>}</pre>
     *
     * @since 0.1.0
     */
    @Parameter(defaultValue = "${project.build.directory}/generated-resources/switchboard", required = true)
    private File resourceDirectory;

    /**
     * A directory of templates that replace the bundled ones of the same name ({@code
     * ServiceClients.java.ftl}, {@code DynamicServiceClients.java.ftl}, {@code ServiceNames.java.ftl}, {@code
     * ServiceProvider.java.ftl}); the
     * others stay as bundled.
     *
     * <pre>{@code <templateDirectory>src/main/switchboard/templates</templateDirectory>}</pre>
     *
     * @since 0.1.0
     */
    @Parameter
    private File templateDirectory;

    /**
     * Templates of the project's own, rendered with the same model as the factory. {@code output} is
     * relative to {@code outputDirectory} and must stay inside it; {@code {service}} in it renders the
     * template once per service.
     *
     * <pre>{@code
     * <generators>
     *   <generator>
     *     <template>src/main/switchboard/Inventory.java.ftl</template>
     *     <output>com/acme/Inventory.java</output>
     *   </generator>
     * </generators>
     * }</pre>
     *
     * @since 0.1.0
     */
    @Parameter
    private List<GeneratorConfig> generators;

    /** One {@code <generator>}. */
    public static class GeneratorConfig {
        /** The FreeMarker template file. */
        private File template;

        /** The output path, relative to {@code outputDirectory}. */
        private String output;
    }

    @Override
    public void execute() throws MojoExecutionException, MojoFailureException {
        if (skipped()) {
            return;
        }
        beforeGenerate();
        generate(generateRequest());
        project.addCompileSourceRoot(outputDirectory.getAbsolutePath());
        Resource resource = new Resource();
        resource.setDirectory(resourceDirectory.getAbsolutePath());
        project.addResource(resource);
    }

    /**
     * The request the parameters describe, after checking that the project depends on the runtime; the
     * engine checks the parameters themselves ({@link GenerateRequest#problems}).
     */
    protected GenerateRequest generateRequest() throws MojoFailureException {
        requireRuntime();
        return new GenerateRequest(
                registryRequest(),
                packageName != null
                        ? packageName.toLowerCase(Locale.ROOT)
                        : GenerateRequest.defaultPackageName(project.getGroupId()),
                className,
                outputDirectory.toPath().toAbsolutePath(),
                resourceDirectory.toPath().toAbsolutePath(),
                templateDirectory == null ? null : templateDirectory.toPath().toAbsolutePath(),
                generators == null
                        ? List.of()
                        : generators.stream()
                                .map(g -> new GenerateRequest.Generator(
                                        g.template == null
                                                ? project.getBasedir().toPath()
                                                : g.template.toPath(),
                                        g.output == null ? "" : g.output))
                                .toList());
    }

    /** Runs the engine and logs what it did; a failure leaves the earlier outputs as they were. */
    protected GenerateOutcome generate(GenerateRequest request) throws MojoExecutionException, MojoFailureException {
        long started = System.nanoTime();
        try {
            GenerateOutcome outcome = new SourceGenerator().generate(request, existingRegistry());
            logRegistry(outcome.registry(), request.registry(), outcome.registryMillis());
            long millis = (System.nanoTime() - started) / 1_000_000;
            warnIfProfilesStale(request, outcome.registry());
            if (outcome.upToDate()) {
                getLog().info("switchboard: generated sources are up to date, nothing rewritten: " + outcome.unchanged()
                        + " file(s) (" + millis + " ms)");
            } else {
                getLog().info("switchboard: generated " + className + " with "
                        + outcome.services().size()
                        + " service(s): " + outcome.written() + " file(s) written, " + outcome.unchanged()
                        + " unchanged, " + outcome.deleted() + " deleted (" + millis + " ms)");
            }
            return outcome;
        } catch (InputException e) {
            throw failure(e);
        } catch (IOException e) {
            throw new MojoExecutionException(
                    "switchboard: cannot read an input or write the generated files (" + e
                            + "); check that the file is readable and target/ writable",
                    e);
        } catch (RenderException e) {
            throw new MojoFailureException(
                    "switchboard: a template failed: " + e.getMessage() + "\nEarlier outputs were left as they were.",
                    e);
        }
    }

    /** A hook for goals that prepare the registry first (rollback). */
    protected void beforeGenerate() throws MojoExecutionException, MojoFailureException {}

    /** Whether to render from the registry file as it is; rollback does, after restoring it. */
    protected boolean existingRegistry() {
        return false;
    }

    /** A pom whose group profiles no longer match the catalogue and configuration builds the wrong set. */
    private void warnIfProfilesStale(GenerateRequest request, RegistryOutcome registry)
            throws InputException, IOException {
        if (!ProfilesWriter.hasProfiles(project.getFile().toPath())) {
            return;
        }
        ProfilesWriter.Request profiles = new ProfilesWriter.Request(
                project.getFile().toPath(),
                request.registry().groups(),
                registry.services(),
                request.templateDirectory(),
                true);
        if (new ProfilesWriter().isStale(profiles)) {
            getLog().warn("switchboard: the group profiles in pom.xml are stale; run `mvn switchboard:profiles`"
                    + " to update them");
        }
    }

    /** The generated code calls switchboard-runtime; without it, compilation would fail far from the cause. */
    private void requireRuntime() throws MojoFailureException {
        boolean present = project.getArtifacts().stream()
                .anyMatch(a -> a.getGroupId().equals("dev.switchboard")
                        && a.getArtifactId().equals("switchboard-runtime"));
        if (!present) {
            throw new MojoFailureException("switchboard: the generated clients need switchboard-runtime, which is not a"
                    + " dependency of this project; add it:\n"
                    + "    <dependency>\n"
                    + "      <groupId>dev.switchboard</groupId>\n"
                    + "      <artifactId>switchboard-runtime</artifactId>\n"
                    + "      <version>" + pluginVersion() + "</version>\n"
                    + "    </dependency>");
        }
    }
}
