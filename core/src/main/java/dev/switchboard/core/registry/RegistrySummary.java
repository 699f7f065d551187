package dev.switchboard.core.registry;

import dev.switchboard.core.render.RenderException;
import dev.switchboard.core.render.TemplateRenderer;
import dev.switchboard.runtime.registry.Dependency;
import dev.switchboard.runtime.registry.Registry;
import dev.switchboard.runtime.registry.ServiceEntry;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/** The table of services the {@code registry} goal logs, rendered from {@code registry-summary.txt.ftl}. */
public final class RegistrySummary {
    static final String TEMPLATE = "registry-summary.txt.ftl";
    /** Rows of a capped table: a googleapis-sized tree has well over a thousand services. */
    public static final int CAPPED_ROWS = 50;

    /** How much of the table to log. */
    public enum Length {
        /** No table. */
        NONE,
        /** The first {@link #CAPPED_ROWS} rows and a line saying how many more there are. */
        CAPPED,
        /** Every row. */
        FULL;

        /** {@code false}, {@code true} or {@code full}, as the {@code summary} setting takes them; else empty. */
        public static Optional<Length> of(String value) {
            return switch (value == null ? "" : value.trim().toLowerCase(Locale.ROOT)) {
                case "false" -> Optional.of(NONE);
                case "true" -> Optional.of(CAPPED);
                case "full" -> Optional.of(FULL);
                default -> Optional.empty();
            };
        }
    }

    private RegistrySummary() {}

    /**
     * One line per service: name, kind, group, method count, dependencies; when {@code length} caps the
     * table, a last line says how many services are left out and how to list them all.
     */
    public static List<String> lines(Registry registry, TemplateRenderer renderer, Length length)
            throws RenderException {
        if (length == Length.NONE) {
            return List.of();
        }
        List<ServiceEntry> services = registry.services();
        int shown = length == Length.CAPPED ? Math.min(CAPPED_ROWS, services.size()) : services.size();
        List<Map<String, Object>> rows =
                services.subList(0, shown).stream().map(RegistrySummary::row).toList();
        int nameWidth = rows.stream()
                .mapToInt(r -> r.get("name").toString().length())
                .max()
                .orElse(4);
        int groupWidth = rows.stream()
                .mapToInt(r -> r.get("group").toString().length())
                .max()
                .orElse(1);
        String text =
                renderer.render(TEMPLATE, Map.of("services", rows, "nameWidth", nameWidth, "groupWidth", groupWidth));
        List<String> lines =
                new ArrayList<>(text.lines().map(String::stripTrailing).toList());
        if (shown < services.size()) {
            lines.add("… and " + (services.size() - shown) + " more (set switchboard.summary=full to list all)");
        }
        return lines;
    }

    private static Map<String, Object> row(ServiceEntry s) {
        String deps =
                s.dependencies().stream().map(Dependency::service).distinct().collect(Collectors.joining(", "));
        return Map.of(
                "name", s.name(),
                "kind", s.kind().name().toLowerCase(Locale.ROOT),
                "group", s.group() == null ? "-" : s.group(),
                "methods", s.methods().size(),
                "dependencies", deps.isEmpty() ? "" : "-> " + deps);
    }
}
