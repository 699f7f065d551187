package dev.switchboard.maven.mojo;

import dev.switchboard.core.diag.InputException;
import dev.switchboard.core.render.GenerateOutcome;
import dev.switchboard.core.render.GenerateRequest;
import java.io.File;
import java.util.List;
import java.util.Locale;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * The parameters of the goals that render sources — where they go, the package and class, templates
 * and extra generators — turned into one {@link GenerateRequest}.
 */
abstract class AbstractGenerateMojo extends AbstractOutputMojo {

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
    protected String className;

    /**
     * A directory of templates that replace the bundled ones of the same name ({@code
     * ServiceClients.java.ftl}, {@code DynamicServiceClients.java.ftl}, {@code ServiceNames.java.ftl}, {@code
     * ServiceProvider.java.ftl}); the others stay as bundled.
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

    protected GenerateRequest generateRequest() throws InputException {
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
                                .toList(),
                grpc(),
                factoryInterface());
    }

    /** Says in one line what the render stage wrote, or that nothing needed writing. */
    protected void logGenerated(GenerateOutcome outcome, long startedNanos) {
        getLog().info(outcome.describe(className, (System.nanoTime() - startedNanos) / 1_000_000));
    }
}
