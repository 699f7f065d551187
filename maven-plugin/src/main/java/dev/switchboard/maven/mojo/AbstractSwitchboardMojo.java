package dev.switchboard.maven.mojo;

import dev.switchboard.core.diag.InputException;
import dev.switchboard.core.diag.Problem;
import dev.switchboard.core.diag.Reporter;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.maven.execution.MavenSession;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugin.descriptor.PluginDescriptor;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.project.MavenProject;

/**
 * What every goal shares: the project, the session, {@code skip}, and one way of turning the engine's
 * outcome into Maven's (see {@link Failures}). A goal implements {@link #run()}; this class skips it
 * when asked and maps whatever it throws.
 */
abstract class AbstractSwitchboardMojo extends AbstractMojo {
    @Parameter(defaultValue = "${project}", readonly = true, required = true)
    protected MavenProject project;

    @Parameter(defaultValue = "${plugin}", readonly = true, required = true)
    protected PluginDescriptor plugin;

    @Parameter(defaultValue = "${session}", readonly = true, required = true)
    protected MavenSession session;

    /**
     * Skips the goal.
     *
     * <pre>{@code <skip>true</skip>}</pre>
     *
     * @since 0.1.0
     */
    @Parameter(property = PropertyNames.SKIP, defaultValue = "false")
    private boolean skip;

    @Override
    public final void execute() throws MojoExecutionException, MojoFailureException {
        if (skip) {
            getLog().info("switchboard: skipped (" + PropertyNames.SKIP + "=true)");
            return;
        }
        try {
            run();
        } catch (Exception e) {
            Failures.rethrow(e);
        }
    }

    /** Whether {@code skip} is set, for goals that Maven also runs other ways than {@link #execute()}. */
    protected boolean skipped() {
        return skip;
    }

    /** The goal's work; any exception is mapped to Maven's in one place, {@link Failures}. */
    protected abstract void run() throws Exception;

    protected Reporter reporter() {
        return new MavenReporter(getLog());
    }

    /** A user property ({@code -D…}), then a system property; null when neither is set. */
    protected String property(String key) {
        String value = session.getUserProperties().getProperty(key);
        return value != null ? value : session.getSystemProperties().getProperty(key);
    }

    /** The plugin's own version, which its runtime must match. */
    protected String pluginVersion() {
        return plugin.getVersion();
    }

    /**
     * A directory parameter as an absolute path; a file in its place is an error naming the parameter,
     * found before anything is written.
     */
    protected static Path directoryParameter(File directory, String parameter) throws InputException {
        Path path = directory.toPath().toAbsolutePath();
        if (Files.exists(path) && !Files.isDirectory(path)) {
            throw new InputException(Problem.in(
                    parameter,
                    path + " is a file, not a directory",
                    "point " + parameter + " at a directory, or move the file away"));
        }
        return path;
    }

    /** A file parameter as an absolute path, or null when unset; a missing file names the parameter. */
    protected static Path fileParameter(File file, String parameter) throws InputException {
        if (file == null) {
            return null;
        }
        if (!file.isFile()) {
            throw new InputException(Problem.in(
                    parameter, file + " does not exist or is not a file", "correct the path or remove the parameter"));
        }
        return file.toPath().toAbsolutePath();
    }
}
