package dev.switchboard.maven.mojo;

import dev.switchboard.core.registry.AtomicFiles;
import dev.switchboard.core.registry.RegistryLock;
import dev.switchboard.core.registry.RegistryRequest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.ResolutionScope;

/**
 * Restores {@code registry.previous.json} as the registry (the current one becomes the previous, so a
 * second rollback undoes the first) and regenerates the sources from it as it is. The next build that
 * runs {@code registry} or {@code generate} rebuilds the registry from the inputs again if they differ.
 *
 * @since 0.1.0
 */
@Mojo(name = "rollback", requiresDependencyResolution = ResolutionScope.COMPILE, threadSafe = true)
public class RollbackMojo extends GenerateMojo {

    @Override
    protected void beforeGenerate() throws MojoExecutionException, MojoFailureException {
        RegistryRequest request = registryRequest();
        Path current = request.registryFile();
        Path previous = request.previousFile();
        if (!Files.isRegularFile(previous)) {
            throw new MojoFailureException("switchboard: there is no " + previous.getFileName() + " to roll back to in "
                    + request.registryDirectory() + "; one is kept each time the registry changes");
        }
        try {
            // Under the lock, so a build running beside the rollback cannot rotate the pair in between.
            RegistryLock lock = RegistryLock.acquire(request.registryDirectory());
            try {
                byte[] restored = Files.readAllBytes(previous);
                byte[] replaced = Files.isRegularFile(current) ? Files.readAllBytes(current) : null;
                AtomicFiles.write(current, restored);
                if (replaced != null) {
                    AtomicFiles.write(previous, replaced);
                }
                // The stamps describe the registry just replaced; without them the next build compares content.
                Files.deleteIfExists(request.registryDirectory().resolve("registry.inputs"));
            } finally {
                lock.close();
            }
        } catch (IOException e) {
            throw new MojoExecutionException("switchboard: cannot restore " + previous + ": " + e.getMessage(), e);
        }
        getLog().info("switchboard: restored " + current.getFileName() + " from " + previous.getFileName());
    }

    @Override
    protected boolean existingRegistry() {
        return true;
    }
}
