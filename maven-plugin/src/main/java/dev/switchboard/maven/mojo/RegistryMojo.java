package dev.switchboard.maven.mojo;

import dev.switchboard.core.registry.RegistryBuilder;
import dev.switchboard.core.registry.RegistryOutcome;
import dev.switchboard.core.registry.RegistryRequest;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.ResolutionScope;

/**
 * Builds the service registry, {@code target/switchboard/registry.json}, from the project's {@code
 * .proto} files, the AWS SDK v2 clients on the compile classpath, the inference rules, {@code <groups>}
 * and the overrides file, and checks the service selection. Unchanged inputs rewrite nothing.
 *
 * @since 0.1.0
 */
@Mojo(
        name = "registry",
        defaultPhase = LifecyclePhase.GENERATE_SOURCES,
        requiresDependencyResolution = ResolutionScope.COMPILE,
        threadSafe = true)
public class RegistryMojo extends AbstractRegistryMojo {

    @Override
    protected void run() throws Exception {
        RegistryRequest request = registryRequest();
        long started = System.nanoTime();
        RegistryOutcome outcome = new RegistryBuilder(reporter()).build(request);
        logRegistry(outcome, request, (System.nanoTime() - started) / 1_000_000);
    }
}
