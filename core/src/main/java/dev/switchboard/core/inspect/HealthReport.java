package dev.switchboard.core.inspect;

import dev.switchboard.runtime.health.HealthResult;
import dev.switchboard.runtime.health.HealthStatus;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The {@code health} view: per service its status, latency, what was checked and the error; the
 * services skipped for lack of an endpoint; the failure lines; and, when monitoring, what changed
 * between two rounds.
 */
public final class HealthReport {
    private HealthReport() {}

    /** The results (sorted by service) and the skipped services, as a table, JSON or YAML. */
    public static String render(List<HealthResult> results, List<String> skipped, Format format) {
        if (format == Format.TABLE) {
            Table table = new Table("SERVICE", "STATUS", "LATENCY", "CHECKED", "ERROR");
            results.forEach(r -> table.row(r.service(), r.status().words(), millis(r) + " ms", r.checked(), r.error()));
            String out = table.render();
            return skipped.isEmpty() ? out : out + "not checked (no endpoint): " + String.join(", ", skipped) + "\n";
        }
        List<Map<String, Object>> rows = new ArrayList<>();
        for (HealthResult r : results) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("service", r.service());
            row.put("status", r.status().name().toLowerCase(Locale.ROOT));
            row.put("healthy", r.healthy());
            row.put("latencyMs", millis(r));
            row.put("checked", r.checked());
            row.put("error", r.error());
            rows.add(row);
        }
        Map<String, Object> document = new LinkedHashMap<>();
        document.put("results", rows);
        document.put("skipped", skipped);
        return Views.structured(document, format);
    }

    /** One line per unhealthy service, in the words of its status; empty when all are healthy. */
    public static List<String> unhealthy(List<HealthResult> results) {
        return results.stream()
                .filter(r -> !r.healthy())
                .map(HealthResult::describe)
                .toList();
    }

    /**
     * What changed from one round to the next: a service whose status changed, that appeared or that
     * went away; one line each, sorted by service. Latency alone is no change.
     */
    public static List<String> changes(List<HealthResult> before, List<HealthResult> after) {
        Map<String, HealthResult> was = byService(before);
        Map<String, HealthResult> now = byService(after);
        List<String> lines = new ArrayList<>();
        Set<String> names = new TreeSet<>(was.keySet());
        names.addAll(now.keySet());
        for (String name : names) {
            HealthResult old = was.get(name);
            HealthResult fresh = now.get(name);
            if (fresh == null) {
                lines.add(name + ": no longer checked");
            } else if (old == null) {
                lines.add(name + ": " + line(fresh));
            } else if (old.status() != fresh.status()) {
                lines.add(name + ": " + old.status().words() + " -> " + line(fresh));
            }
        }
        return lines;
    }

    /** How many results have each status, for the closing summary ({@code 2 serving, 1 unreachable}). */
    public static String summary(List<HealthResult> results) {
        Map<HealthStatus, Integer> counts = new TreeMap<>();
        results.forEach(r -> counts.merge(r.status(), 1, Integer::sum));
        List<String> parts = new ArrayList<>();
        counts.forEach((status, n) -> parts.add(n + " " + status.words()));
        return String.join(", ", parts);
    }

    private static String line(HealthResult r) {
        return r.status().words() + (r.error() == null ? "" : ": " + r.error()) + " (" + r.checked() + ")";
    }

    private static Map<String, HealthResult> byService(List<HealthResult> results) {
        Map<String, HealthResult> out = new TreeMap<>();
        results.forEach(r -> out.put(r.service(), r));
        return out;
    }

    private static long millis(HealthResult r) {
        return r.latency().toMillis();
    }
}
