package dev.switchboard.maven.mojo;

import dev.switchboard.core.inspect.Format;
import dev.switchboard.core.inspect.Views;
import dev.switchboard.runtime.registry.Registry;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.ResolutionScope;

/**
 * Lists the events each service publishes: its {@code …Event} messages, server-streaming methods, and declared events. The registry is brought up to date first. {@code -Dswitchboard.format=table|json|yaml},
 * {@code -Dswitchboard.output=FILE}.
 *
 * @since 0.1.0
 */
@Mojo(name = "events", requiresDependencyResolution = ResolutionScope.COMPILE, threadSafe = true)
public class EventsMojo extends AbstractInspectMojo {
    @Override
    protected void inspect(Registry registry) throws Exception {
        emit(Views.events(registry, format(Format.TABLE, Format.JSON, Format.YAML)));
    }
}
