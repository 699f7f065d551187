package dev.switchboard.maven.mojo;

import dev.switchboard.core.registry.RegistryBuilder;
import dev.switchboard.core.registry.RegistryOutcome;
import dev.switchboard.core.registry.RegistryRequest;
import dev.switchboard.core.report.ReportInputs;
import dev.switchboard.core.report.ReportWriter;
import dev.switchboard.runtime.registry.Registry;
import java.io.File;
import java.nio.file.Path;
import java.util.Locale;
import org.apache.maven.doxia.sink.Sink;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.plugins.annotations.ResolutionScope;
import org.apache.maven.reporting.MavenReport;
import org.apache.maven.reporting.MavenReportException;

/**
 * Writes the registry report, one self-contained HTML page (it opens from disk): the services to filter
 * and sort, each one's methods, dependencies and dependents, the dependency graph with its cycles, what
 * changed since {@code registry.previous.json} and, given a health report, each one's last status.
 * Under {@code <reporting>}, it is also the "Service registry" page of {@code mvn site}.
 *
 * @since 0.1.0
 */
@Mojo(name = "report", requiresDependencyResolution = ResolutionScope.COMPILE, threadSafe = true)
public class ReportMojo extends AbstractRegistryMojo implements MavenReport {
    private static final String NAME = "Service registry";
    private static final String SITE_FOLDER = "service-registry";
    private static final String HEALTH_OPTION = "<healthReport> (" + PropertyNames.REPORT_HEALTH + ")";

    /**
     * Where {@code index.html} is written.
     *
     * <pre>&lt;reportDirectory&gt;${project.build.directory}/switchboard/report&lt;/reportDirectory&gt;</pre>
     *
     * @since 0.1.0
     */
    @Parameter(defaultValue = "${project.build.directory}/switchboard/report", required = true)
    private File reportDirectory;

    /**
     * A health report to show each service's last status from, as {@code mvn switchboard:health
     * -Dswitchboard.format=json -Dswitchboard.output=FILE} writes it (JSON, or YAML by its extension).
     *
     * <pre>{@code -Dswitchboard.report.health=target/health.json}</pre>
     *
     * @since 0.1.0
     */
    @Parameter(property = PropertyNames.REPORT_HEALTH)
    private File healthReport;

    /** The site's directory, which maven-site-plugin sets when it runs the report. */
    @Parameter(defaultValue = "${project.reporting.outputDirectory}", readonly = true, required = true)
    private File siteDirectory;

    @Override
    protected void run() throws Exception {
        ReportWriter.Outcome outcome =
                write(directoryParameter(reportDirectory, "<reportDirectory>").resolve(ReportWriter.FILE));
        getLog().info("switchboard: " + (outcome.written() ? "wrote " : "report is up to date, nothing rewritten: ")
                + project.getBasedir().toPath().relativize(outcome.file()) + " (" + outcome.summary() + ")");
    }

    /** Builds the registry if stale, reads the report's inputs, then writes the page. */
    private ReportWriter.Outcome write(Path file) throws Exception {
        RegistryRequest request = registryRequest();
        RegistryOutcome built = new RegistryBuilder().build(request);
        built.notes().forEach(note -> getLog().warn("switchboard: " + note));
        ReportInputs inputs = ReportInputs.read(
                project.getName(),
                request.previousFile(),
                healthReport == null ? null : healthReport.toPath(),
                HEALTH_OPTION,
                project.getBasedir().toPath());
        ReportWriter.Outcome outcome =
                ReportWriter.write(Registry.of(built.fingerprint(), built.services()), inputs, file);
        outcome.notes().forEach(note -> getLog().warn("switchboard: " + note));
        return outcome;
    }

    /** The site page: a heading, the numbers, and the report itself in a frame, written next to it. */
    @Override
    public void generate(Sink sink, Locale locale) throws MavenReportException {
        String page = SITE_FOLDER + "/" + ReportWriter.FILE;
        ReportWriter.Outcome outcome;
        try {
            outcome = write(getReportOutputDirectory().toPath().resolve(page));
        } catch (Exception e) {
            throw Failures.forReport(e);
        }
        sink.head();
        sink.title();
        sink.text(NAME);
        sink.title_();
        sink.head_();
        sink.body();
        sink.section1();
        sink.sectionTitle1();
        sink.text(NAME);
        sink.sectionTitle1_();
        // Numbers and constant text only: nothing here comes from the user, so it goes in as it is.
        sink.rawText("<p>" + outcome.summary() + ". <a href=\"" + page + "\">Open the report on a page of its own</a>."
                + "</p><iframe src=\"" + page + "\" title=\"" + NAME
                + "\" style=\"width:100%;height:85vh;border:1px solid #d9dee4\"></iframe>");
        sink.section1_();
        sink.body_();
    }

    @Override
    public String getOutputName() {
        return SITE_FOLDER;
    }

    @Override
    public String getCategoryName() {
        return CATEGORY_PROJECT_REPORTS;
    }

    @Override
    public String getName(Locale locale) {
        return NAME;
    }

    @Override
    public String getDescription(Locale locale) {
        return "The services this project talks to: their methods, dependencies, graph, changes and health.";
    }

    @Override
    public void setReportOutputDirectory(File directory) {
        siteDirectory = directory;
    }

    @Override
    public File getReportOutputDirectory() {
        return siteDirectory;
    }

    @Override
    public boolean isExternalReport() {
        return false;
    }

    @Override
    public boolean canGenerateReport() {
        return !skipped();
    }
}
