package dev.switchboard.maven.mojo;

import dev.switchboard.core.analyze.CallAnalyzer;
import dev.switchboard.core.analyze.MigrationReport;
import dev.switchboard.core.inspect.Format;
import java.io.File;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.plugins.annotations.ResolutionScope;

/**
 * Reads the compiled classes and reports, per service, which methods of the application reach its client
 * through the generated factory, through the team's factory interface ({@code <factoryInterface>}) and through
 * SDK clients built by hand ({@code S3Client.builder()}, {@code S3Client.create()}); then the selected
 * services nothing calls, the SDK {@code <dependency>} entries only they need, and the {@code <services>}
 * selection that keeps what is called. Run it after {@code compile}: {@code mvn compile switchboard:analyze}.
 * {@code -Dswitchboard.format=table|json}; the report goes to standard output.
 *
 * @since 0.1.0
 */
@Mojo(name = "analyze", requiresDependencyResolution = ResolutionScope.COMPILE, threadSafe = true)
public class AnalyzeMojo extends AbstractGenerateMojo {

    /**
     * How to print the report: {@code table} or {@code json}.
     *
     * <pre>{@code -Dswitchboard.format=json}</pre>
     *
     * @since 0.1.0
     */
    @Parameter(property = PropertyNames.FORMAT)
    private String format;

    /**
     * The application's compiled classes.
     *
     * <pre>&lt;classesDirectory&gt;${project.build.outputDirectory}&lt;/classesDirectory&gt;</pre>
     *
     * @since 0.1.0
     */
    @Parameter(defaultValue = "${project.build.outputDirectory}", required = true)
    private File classesDirectory;

    @Override
    protected void run() throws Exception {
        Format chosen = Format.of(format, Format.TABLE, Format.JSON);
        MigrationReport report = CallAnalyzer.analyze(generateRequest(), classesDirectory.toPath());
        // Data on standard output, so `mvn -q switchboard:analyze -Dswitchboard.format=json | jq` works.
        System.out.print(chosen == Format.JSON ? report.json() : report.table());
        System.out.flush();
    }
}
