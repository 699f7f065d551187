package dev.switchboard.core.analyze;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.util.ArrayList;
import java.util.List;

/**
 * What {@code analyze} found: per service, the methods of the application that reach its client through each
 * way, and what the build can drop.
 *
 * @param factory the generated factory, fully qualified
 * @param legacyInterface the team's factory interface, fully qualified; null when none is set
 * @param services every selected service and every other service the application calls, sorted by name
 * @param unused the selected services nothing calls
 * @param removableDependencies the AWS SDK modules ({@code software.amazon.awssdk:s3}) only unused services
 *     need
 * @param selection the {@code <services>} value that selects exactly the services called through a factory;
 *     null when the selection is already that
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record MigrationReport(
        String factory,
        String legacyInterface,
        List<ServiceUse> services,
        List<String> unused,
        List<String> removableDependencies,
        String selection) {

    /**
     * One service and who calls its client, each caller as {@code com.acme.App.run}.
     *
     * @param service the registry name
     * @param selected whether this build selects it
     * @param generated the callers that go through the generated factory
     * @param legacy the callers that go through the team's factory interface
     * @param handBuilt the callers that build the SDK client themselves ({@code S3Client.builder()}, {@code
     *     S3Client.create()})
     */
    public record ServiceUse(
            String service, boolean selected, List<String> generated, List<String> legacy, List<String> handBuilt) {
        boolean called() {
            return !generated.isEmpty() || !legacy.isEmpty() || !handBuilt.isEmpty();
        }
    }

    /** The report as JSON, for tools. */
    public String json() {
        try {
            return new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(this) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a report of strings and lists always serializes", e);
        }
    }

    /** The report as a table and the changes to make, for people. */
    public String table() {
        List<String[]> rows = new ArrayList<>();
        rows.add(new String[] {"SERVICE", "SELECTED", "GENERATED FACTORY", "LEGACY INTERFACE", "BUILT BY HAND"});
        for (ServiceUse use : services) {
            int lines = Math.max(
                    1,
                    Math.max(
                            use.generated().size(),
                            Math.max(use.legacy().size(), use.handBuilt().size())));
            for (int i = 0; i < lines; i++) {
                rows.add(new String[] {
                    i == 0 ? use.service() : "",
                    i == 0 ? (use.selected() ? "yes" : "no") : "",
                    cell(use.generated(), i),
                    cell(use.legacy(), i),
                    cell(use.handBuilt(), i)
                });
            }
        }
        int[] widths = new int[5];
        for (String[] row : rows) {
            for (int c = 0; c < row.length; c++) {
                widths[c] = Math.max(widths[c], row[c].length());
            }
        }
        StringBuilder out = new StringBuilder();
        for (String[] row : rows) {
            StringBuilder line = new StringBuilder();
            for (int c = 0; c < row.length; c++) {
                line.append(c == row.length - 1 ? row[c] : String.format("%-" + (widths[c] + 2) + "s", row[c]));
            }
            out.append(line.toString().stripTrailing()).append('\n');
        }
        out.append('\n');
        out.append("unused selected services: ")
                .append(unused.isEmpty() ? "none" : String.join(", ", unused))
                .append('\n');
        if (!removableDependencies.isEmpty()) {
            out.append("dependencies only they need, which can be removed:\n");
            for (String dependency : removableDependencies) {
                String[] ga = dependency.split(":");
                out.append("  <dependency><groupId>")
                        .append(ga[0])
                        .append("</groupId><artifactId>")
                        .append(ga[1])
                        .append("</artifactId></dependency>\n");
            }
        }
        if (selection != null) {
            out.append("select only what is called: <services>")
                    .append(selection)
                    .append("</services> (or -Dswitchboard.services=")
                    .append(selection)
                    .append(", or a profile with these services)\n");
        }
        return out.toString();
    }

    private static String cell(List<String> callers, int i) {
        return i < callers.size() ? callers.get(i) : i == 0 ? "-" : "";
    }
}
