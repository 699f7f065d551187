package dev.switchboard.core.report;

import dev.switchboard.core.diag.InputException;
import dev.switchboard.core.diag.Problem;
import dev.switchboard.runtime.registry.Registry;
import dev.switchboard.runtime.registry.RegistryCodec;
import dev.switchboard.runtime.registry.RegistryFormatException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * What the report shows besides the registry itself.
 *
 * @param title what the page is about, such as the project's name
 * @param previous the registry before the last change ({@code registry.previous.json}), or null: then
 *     the page has no "changes" part
 * @param health the last health report, or null: then the page shows no health column
 */
public record ReportInputs(String title, Registry previous, HealthSnapshot health) {

    public ReportInputs {
        title = title == null || title.isBlank() ? "Service registry" : title;
    }

    /**
     * Reads the inputs next to a registry, collecting the problems of both files before it throws.
     *
     * @param title what the page is about
     * @param previousFile {@code registry.previous.json}; read when it exists
     * @param healthReport the health report to show, or null for none
     * @param healthOption how the user named the health report ({@code <healthReport>
     *     (switchboard.report.health)}, {@code --health}), for the message when it is missing
     * @param base the project directory; files inside it are named relative to it in messages
     */
    public static ReportInputs read(String title, Path previousFile, Path healthReport, String healthOption, Path base)
            throws InputException, IOException {
        List<Problem> problems = new ArrayList<>();
        Registry previous = null;
        if (Files.isRegularFile(previousFile)) {
            try {
                previous = RegistryCodec.read(previousFile);
            } catch (RegistryFormatException e) {
                problems.add(Problem.at(
                        shown(previousFile, base),
                        e.line(),
                        e.column(),
                        (e.path().isEmpty() ? "" : e.path() + ": ") + e.problem(),
                        "delete it to show no changes; the next build that changes the registry keeps the one"
                                + " before as this file"));
            }
        }
        HealthSnapshot health = null;
        if (healthReport != null) {
            if (!Files.isRegularFile(healthReport)) {
                problems.add(Problem.in(
                        healthOption,
                        shown(healthReport, base)
                                + (Files.isDirectory(healthReport) ? " is a directory" : " does not exist"),
                        "name a health report file (" + HealthSnapshot.WRITE_ONE + "), or leave the option out"));
            } else {
                try {
                    health = HealthSnapshot.read(healthReport, shown(healthReport, base));
                } catch (InputException e) {
                    problems.addAll(e.problems());
                }
            }
        }
        if (!problems.isEmpty()) {
            throw new InputException(problems.size() + " problem(s) in the report's inputs", problems);
        }
        return new ReportInputs(title, previous, health);
    }

    private static String shown(Path file, Path base) {
        Path absolute = file.toAbsolutePath().normalize();
        Path root = base == null ? null : base.toAbsolutePath().normalize();
        return root != null && absolute.startsWith(root)
                ? root.relativize(absolute).toString()
                : file.toString();
    }
}
