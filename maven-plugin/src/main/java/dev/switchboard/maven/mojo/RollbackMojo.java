package dev.switchboard.maven.mojo;

import dev.switchboard.core.render.Rollback;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.ResolutionScope;

/**
 * Restores {@code registry.previous.json} as the registry (the current one becomes the previous, so a
 * second rollback undoes the first) and regenerates the sources from it as it is. A project that only
 * builds the registry (no {@code switchboard-runtime} dependency, or no earlier {@code generate} run)
 * gets its registry alone rolled back. The next build that runs {@code registry} or {@code generate}
 * rebuilds the registry from the inputs again if they differ.
 *
 * @since 0.1.0
 */
@Mojo(name = "rollback", requiresDependencyResolution = ResolutionScope.COMPILE, threadSafe = true)
public class RollbackMojo extends AbstractGenerateMojo {

    @Override
    protected void run() throws Exception {
        boolean generates = runtimeIsDependency();
        Rollback.Request request = generates
                ? Rollback.Request.withSources(generateRequest())
                : Rollback.Request.registryOnly(registryRequest());
        long started = System.nanoTime();
        Rollback.Outcome outcome = new Rollback().run(request);
        String restored = "switchboard: restored " + outcome.registryFile().getFileName() + " from "
                + outcome.previousFile().getFileName();
        if (outcome.registryOnly()) {
            getLog().info(restored + "; the registry alone, as "
                    + (generates
                            ? "no earlier `generate` run left sources to regenerate"
                            : "switchboard-runtime is not a dependency, so the project generates no sources"));
            return;
        }
        getLog().info(restored);
        logGenerated(outcome.regenerated(), started);
        addRoots();
    }
}
