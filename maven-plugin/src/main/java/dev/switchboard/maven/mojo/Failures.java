package dev.switchboard.maven.mojo;

import dev.switchboard.core.diag.FindingException;
import dev.switchboard.core.diag.InputException;
import dev.switchboard.core.diag.IoProblems;
import dev.switchboard.core.render.RenderException;
import java.io.IOException;
import java.io.UncheckedIOException;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.reporting.MavenReportException;

/**
 * The one mapping from the engine's outcomes to Maven's, so every goal treats a bad input, a negative
 * finding, a template or a file-system failure the same way. As the Maven API has it, problems in the
 * user's input or project (bad protos, overrides, parameters, templates the user supplied, unhealthy
 * services, breaking changes) fail the build with {@link MojoFailureException}; what the user could not
 * have caused (a disk that cannot be written, a bug) is a {@link MojoExecutionException}. Each problem
 * is printed once: inside the failure message, which Maven prints.
 */
final class Failures {
    static final String NOTHING_CHANGED = "The registry and earlier outputs were left as they were.";

    private Failures() {}

    /** The site's exception for {@code e}, with the message {@link #rethrow} gives a goal. */
    static MavenReportException forReport(Exception e) {
        try {
            rethrow(e);
        } catch (MojoExecutionException | MojoFailureException failure) {
            return new MavenReportException(failure.getMessage(), failure);
        }
        return new MavenReportException(e.getMessage(), e);
    }

    /** Throws the Maven exception for {@code e}. */
    static void rethrow(Exception e) throws MojoExecutionException, MojoFailureException {
        if (e instanceof MojoFailureException failure) {
            throw failure;
        }
        if (e instanceof MojoExecutionException execution) {
            throw execution;
        }
        if (e instanceof InputException input) {
            // One problem a line, unindented, so Maven prints each as "[ERROR] file:line:col: …", which
            // terminals and IDEs turn into links.
            StringBuilder message =
                    new StringBuilder("switchboard: ").append(input.summary()).append(':');
            input.problems().forEach(p -> message.append('\n').append(p));
            throw new MojoFailureException(
                    message.append('\n').append(NOTHING_CHANGED).toString(), e);
        }
        if (e instanceof FindingException finding) {
            StringBuilder message = new StringBuilder("switchboard: ").append(finding.summary());
            if (!finding.findings().isEmpty()) {
                message.append(':');
                finding.findings().forEach(line -> message.append('\n').append(line));
            }
            throw new MojoFailureException(message.toString(), e);
        }
        if (e instanceof RenderException render) {
            throw new MojoFailureException(
                    "switchboard: a template failed: " + render.getMessage() + "\n" + NOTHING_CHANGED, e);
        }
        if (e instanceof InterruptedException) {
            Thread.currentThread().interrupt();
            throw new MojoExecutionException("switchboard: interrupted; " + NOTHING_CHANGED, e);
        }
        IOException io = e instanceof IOException i ? i : e instanceof UncheckedIOException u ? u.getCause() : null;
        if (io != null) {
            throw new MojoExecutionException(
                    "switchboard: " + IoProblems.describe(io)
                            + "; check that the inputs are readable and the output directories writable",
                    e);
        }
        throw new MojoExecutionException(
                "switchboard: unexpected failure (" + e + "); run with -e for the stack trace and report it", e);
    }
}
