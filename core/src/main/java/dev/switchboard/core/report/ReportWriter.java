package dev.switchboard.core.report;

import dev.switchboard.core.io.AtomicFiles;
import dev.switchboard.core.render.RenderException;
import dev.switchboard.core.render.TemplateRenderer;
import dev.switchboard.runtime.registry.Registry;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * Writes the registry report: one HTML file that holds everything it shows (styles, scripts, the graph
 * library and its data), so it opens from disk, is attached to a build or published on a site, and
 * fetches nothing when viewed. The stages:
 *
 * <ol>
 *   <li>compute the model ({@link ReportModelBuilder}), the graph laid out at build time;
 *   <li>render the bundled template {@value #TEMPLATE}, which escapes every value it prints;
 *   <li>write the file atomically, and only when its bytes changed.
 * </ol>
 *
 * <p>The one call a front end makes is {@link #write}; the Maven goal and site report wrap it.
 */
public final class ReportWriter {
    /** The page's file name. */
    public static final String FILE = "index.html";

    /** The template, inside {@code switchboard-templates}. */
    static final String TEMPLATE = "report/index.html.ftlh";

    private ReportWriter() {}

    /**
     * What a report run did.
     *
     * @param file the page
     * @param written false when the page already held these bytes
     * @param counts the numbers the page's heading shows
     * @param cycles the dependency cycles, written {@code a → b → a}
     * @param notes things the reader is told, worth logging too
     */
    public record Outcome(
            Path file, boolean written, ReportModel.Counts counts, List<String> cycles, List<String> notes) {

        /** {@code 1700 services, 585 dependencies, 2 cycles}, for a log line. */
        public String summary() {
            return count(counts.services(), "service", "services") + ", "
                    + count(counts.dependencies(), "dependency", "dependencies") + ", "
                    + count(counts.cycles(), "cycle", "cycles");
        }

        private static String count(int n, String one, String many) {
            return n + " " + (n == 1 ? one : many);
        }
    }

    /** Writes the report of {@code registry} to {@code file}. */
    public static Outcome write(Registry registry, ReportInputs inputs, Path file) throws IOException, RenderException {
        ReportModel model = ReportModelBuilder.build(registry, inputs, GraphLibrary.cytoscape());
        boolean written = AtomicFiles.writeIfChanged(file, render(model).getBytes(StandardCharsets.UTF_8));
        return new Outcome(file, written, model.counts(), model.cycles(), model.notes());
    }

    /** The report of {@code registry} as the page's text. */
    public static String html(Registry registry, ReportInputs inputs) throws RenderException {
        return render(ReportModelBuilder.build(registry, inputs, GraphLibrary.cytoscape()));
    }

    private static String render(ReportModel model) throws RenderException {
        return new TemplateRenderer().render(TEMPLATE, Map.of("report", model));
    }
}
