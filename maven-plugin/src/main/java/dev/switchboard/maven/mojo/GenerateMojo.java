package dev.switchboard.maven.mojo;

import dev.switchboard.core.diag.InputException;
import dev.switchboard.core.profiles.ProfilesWriter;
import dev.switchboard.core.render.GenerateOutcome;
import dev.switchboard.core.render.GenerateRequest;
import dev.switchboard.core.render.RenderException;
import dev.switchboard.core.render.SourceGenerator;
import java.io.IOException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
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
public class GenerateMojo extends AbstractGenerateMojo {
    @Override
    protected void run() throws Exception {
        generate(generateRequest());
        addRoots();
    }

    protected GenerateOutcome generate(GenerateRequest request) throws InputException, IOException, RenderException {
        long started = System.nanoTime();
        GenerateOutcome outcome = new SourceGenerator(reporter()).generate(request);
        logRegistry(outcome.registry(), request.registry(), outcome.registryMillis());
        ProfilesWriter.warnIfStale(
                project.getFile().toPath(),
                request.registry().groups(),
                outcome.registry().services(),
                request.templateDirectory(),
                "mvn switchboard:profiles",
                reporter());
        logGenerated(outcome, started);
        return outcome;
    }

    /** The generated code calls switchboard-runtime; without it, compilation would fail far from the cause. */
}
