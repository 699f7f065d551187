package dev.switchboard.core.inspect;

import dev.switchboard.runtime.registry.Dependency;
import dev.switchboard.runtime.registry.Registry;
import dev.switchboard.runtime.registry.ServiceEntry;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/** The table of services the registry stage logs: one aligned line per service. */
public final class RegistrySummary {
    private RegistrySummary() {}

    /** One line per service: name, kind, group, method count, dependencies. */
    public static List<String> lines(Registry registry) {
        List<ServiceEntry> services = registry.services();
        int nameWidth = services.stream().mapToInt(s -> s.name().length()).max().orElse(4);
        int groupWidth =
                services.stream().mapToInt(s -> group(s).length()).max().orElse(1);
        return services.stream()
                .map(s -> {
                    String deps = s.dependencies().stream()
                            .map(Dependency::service)
                            .distinct()
                            .collect(Collectors.joining(", "));
                    String line = pad(s.name(), nameWidth) + "  "
                            + pad(s.kind().name().toLowerCase(Locale.ROOT), 4)
                            + "  " + pad(group(s), groupWidth) + "  "
                            + String.format(Locale.ROOT, "%3d", s.methods().size())
                            + " methods  " + (deps.isEmpty() ? "" : "-> " + deps);
                    return line.stripTrailing();
                })
                .toList();
    }

    private static String group(ServiceEntry s) {
        return s.group() == null ? "-" : s.group();
    }

    private static String pad(String text, int width) {
        return text + " ".repeat(Math.max(0, width - text.length()));
    }
}
