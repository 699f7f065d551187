package dev.switchboard.maven.mojo;

import dev.switchboard.core.diag.InputException;
import dev.switchboard.core.inspect.Format;
import dev.switchboard.core.io.AtomicFiles;
import dev.switchboard.core.registry.RegistryBuilder;
import dev.switchboard.core.registry.RegistryOutcome;
import dev.switchboard.runtime.registry.Registry;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * The goals that read the registry back: they bring it up to date, render a view in the chosen
 * format, and print it or write it to a file.
 */
abstract class AbstractInspectMojo extends AbstractRegistryMojo {

    /**
     * How to print: {@code table} (aligned, for a terminal), {@code json} or {@code yaml}; {@code graph}
     * also takes {@code dot} and {@code mermaid}.
     *
     * <pre>{@code -Dswitchboard.format=json}</pre>
     *
     * @since 0.1.0
     */
    @Parameter(property = PropertyNames.FORMAT)
    protected String format;

    /**
     * Writes the view to this file instead of standard output.
     *
     * <pre>{@code -Dswitchboard.output=target/services.json}</pre>
     *
     * @since 0.1.0
     */
    @Parameter(property = PropertyNames.OUTPUT)
    protected File output;

    /**
     * The service meant, for goals about one service.
     *
     * <pre>{@code -Dswitchboard.service=user}</pre>
     *
     * @since 0.1.0
     */
    @Parameter(property = PropertyNames.SERVICE)
    protected String service;

    @Override
    protected final void run() throws Exception {
        RegistryOutcome outcome = new RegistryBuilder().build(registryRequest());
        outcome.notes().forEach(note -> getLog().warn("switchboard: " + note));
        inspect(Registry.of(outcome.fingerprint(), outcome.services()));
    }

    /** Renders the goal's view of the (current) registry. */
    protected abstract void inspect(Registry registry) throws Exception;

    /**
     * Prints the text on standard output — data, not log lines, so {@code mvn -q … | jq} works — or writes
     * it atomically to {@code output}.
     */
    protected void emit(String text) throws IOException {
        if (output != null) {
            AtomicFiles.write(output.toPath(), text.getBytes(StandardCharsets.UTF_8));
            getLog().info("switchboard: wrote " + output);
            return;
        }
        System.out.print(text.endsWith("\n") || text.isEmpty() ? text : text + "\n");
        System.out.flush();
    }

    protected Format format(Format... allowed) throws InputException {
        return Format.of(format, allowed);
    }
}
