package dev.switchboard.core.registry;

import dev.switchboard.core.render.RenderException;
import dev.switchboard.core.render.TemplateRenderer;
import dev.switchboard.runtime.registry.Dependency;
import dev.switchboard.runtime.registry.Registry;
import dev.switchboard.runtime.registry.ServiceEntry;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/** The table of services the {@code registry} goal logs, rendered from {@code registry-summary.txt.ftl}. */
public final class RegistrySummary {
    static final String TEMPLATE = "registry-summary.txt.ftl";

    private RegistrySummary() {}

    /** One line per service: name, kind, group, method count, dependencies. */
    public static List<String> lines(Registry registry, TemplateRenderer renderer) throws RenderException {
        List<Map<String, Object>> rows =
                registry.services().stream().map(RegistrySummary::row).toList();
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
        return text.lines().map(String::stripTrailing).toList();
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
