package dev.switchboard.maven.mojo;

import dev.switchboard.core.inspect.Format;
import dev.switchboard.core.inspect.Views;
import dev.switchboard.runtime.registry.Registry;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.ResolutionScope;

/**
 * Lists every service: name, kind, group, version, methods, dependencies and health. The registry is brought up to date first. {@code -Dswitchboard.format=table|json|yaml},
 * {@code -Dswitchboard.output=FILE}.
 *
 * @since 0.1.0
 */
@Mojo(name = "services", requiresDependencyResolution = ResolutionScope.COMPILE, threadSafe = true)
public class ServicesMojo extends AbstractInspectMojo {
    @Override
    protected void inspect(Registry registry) throws Exception {
        emit(Views.services(registry, format(Format.TABLE, Format.JSON, Format.YAML)));
    }
}
