package dev.switchboard.runtime.calls;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * What a factory's clients did so far: an immutable snapshot, one entry per service that has had a
 * client, sorted by name; for a dynamic wrapper also its registry's figures.
 *
 * @param services the services, sorted by name
 * @param registry the registry figures of a dynamic wrapper; null for a factory
 */
public record ClientStatistics(List<ServiceStatistics> services, RegistryStatistics registry) {

    private static final String[] HEADER = {
        "service",
        "kind",
        "created",
        "create ms",
        "calls",
        "errors",
        "p50 ms",
        "p99 ms",
        "rate limit",
        "waits",
        "rejected"
    };

    public ClientStatistics {
        services = services.stream()
                .sorted(Comparator.comparing(ServiceStatistics::service))
                .toList();
    }

    /** The figures of one service, if it has had a client. */
    public Optional<ServiceStatistics> service(String name) {
        return services.stream().filter(s -> s.service().equals(name)).findFirst();
    }

    /** The figures as a text table, one line per service, then the registry line of a dynamic wrapper. */
    public String toTable() {
        List<String[]> rows = new ArrayList<>();
        rows.add(HEADER);
        for (ServiceStatistics s : services) {
            rows.add(new String[] {
                s.service(),
                s.kind().isEmpty() ? "-" : s.kind(),
                s.created().isEmpty()
                        ? "0"
                        : s.created().entrySet().stream()
                                .map(e -> e.getKey() + " " + e.getValue())
                                .collect(Collectors.joining(", ")),
                decimal(s.creationMillis(), 1),
                Long.toString(s.calls()),
                Long.toString(s.errors()),
                decimal(s.p50Millis(), 2),
                decimal(s.p99Millis(), 2),
                s.rateLimit() == null
                        ? "-"
                        : ServiceLimit.number(s.rateLimit().rate().requestsPerSecond()) + "/s burst "
                                + s.rateLimit().burst(),
                Long.toString(s.rateLimitWaits()),
                Long.toString(s.rateLimitRejections())
            });
        }
        int[] widths = new int[HEADER.length];
        for (String[] row : rows) {
            for (int i = 0; i < row.length; i++) {
                widths[i] = Math.max(widths[i], row[i].length());
            }
        }
        StringBuilder out = new StringBuilder();
        for (String[] row : rows) {
            StringBuilder line = new StringBuilder();
            for (int i = 0; i < row.length; i++) {
                // Names and words to the left, figures to the right.
                boolean left = i <= 2 || i == 8;
                line.append(i == 0 ? "" : "  ").append(pad(row[i], widths[i], left));
            }
            out.append(line.toString().stripTrailing()).append('\n');
        }
        if (services.isEmpty()) {
            out.append("(no client created yet)\n");
        }
        if (registry != null) {
            out.append("registry: ")
                    .append(registry.source())
                    .append(" (")
                    .append(registry.services())
                    .append(" services), fingerprint ")
                    .append(registry.fingerprint() == null ? "none" : registry.fingerprint())
                    .append(", in force since ")
                    .append(registry.since())
                    .append(", ")
                    .append(registry.reloads())
                    .append(" reloads, ")
                    .append(registry.rejected())
                    .append(" rejected\n");
        }
        return out.toString();
    }

    /** The figures as a JSON document, fields named as in the records. */
    public String toJson() {
        ObjectMapper mapper = new ObjectMapper();
        ObjectNode root = mapper.createObjectNode();
        var list = root.putArray("services");
        for (ServiceStatistics s : services) {
            ObjectNode n = list.addObject();
            n.put("service", s.service());
            n.put("kind", s.kind());
            ObjectNode created = n.putObject("created");
            s.created().forEach(created::put);
            n.put("creationMillis", round(s.creationMillis()));
            n.put("calls", s.calls());
            n.put("errors", s.errors());
            n.put("p50Millis", round(s.p50Millis()));
            n.put("p99Millis", round(s.p99Millis()));
            if (s.rateLimit() == null) {
                n.putNull("rateLimit");
            } else {
                ObjectNode limit = n.putObject("rateLimit");
                limit.put("requestsPerSecond", s.rateLimit().rate().requestsPerSecond());
                limit.put("burst", s.rateLimit().burst());
                limit.put("source", s.rateLimit().source());
            }
            n.put("rateLimitWaits", s.rateLimitWaits());
            n.put("rateLimitWaitMillis", round(s.rateLimitWaitMillis()));
            n.put("rateLimitRejections", s.rateLimitRejections());
        }
        if (registry != null) {
            ObjectNode r = root.putObject("registry");
            r.put("source", registry.source());
            r.put("fingerprint", registry.fingerprint());
            r.put("services", registry.services());
            r.put("since", registry.since().toString());
            r.put("reloads", registry.reloads());
            r.put("rejected", registry.rejected());
        }
        try {
            return mapper.writerWithDefaultPrettyPrinter().writeValueAsString(root) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write the statistics as JSON", e);
        }
    }

    private static String pad(String text, int width, boolean left) {
        String spaces = " ".repeat(width - text.length());
        return left ? text + spaces : spaces + text;
    }

    private static String decimal(double value, int places) {
        return String.format(Locale.ROOT, "%." + places + "f", value);
    }

    /** To the microsecond: finer digits are noise. */
    private static double round(double millis) {
        return Math.round(millis * 1000) / 1000.0;
    }
}
