package dev.switchboard.core.inspect;

import dev.switchboard.core.diag.InputException;
import dev.switchboard.core.diag.Problem;
import dev.switchboard.runtime.registry.Dependency;
import dev.switchboard.runtime.registry.Registry;
import dev.switchboard.runtime.registry.ServiceEntry;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/** The table of services the registry stage logs: one aligned line per service. */
public final class RegistrySummary {
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

        /**
         * The {@code summary} setting; null is its default ({@link #CAPPED}).
         *
         * @param setting how the user names the setting, for the message
         * @throws InputException when it is none of {@code true}, {@code full} and {@code false}
         */
        public static Length parse(String value, String setting) throws InputException {
            if (value == null) {
                return CAPPED;
            }
            return of(value)
                    .orElseThrow(() -> new InputException(Problem.in(
                            setting,
                            "\"" + value + "\" is not a summary length",
                            "use true (the first " + CAPPED_ROWS + " services), full (all of them) or false (none)")));
        }

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

    /** Every service, one line each: name, kind, group, method count, dependencies. */
    public static List<String> lines(Registry registry) {
        return lines(registry, Length.FULL);
    }

    /**
     * One line per service: name, kind, group, method count, dependencies; when {@code length} caps the
     * table, a last line says how many services are left out and how to list them all.
     */
    public static List<String> lines(Registry registry, Length length) {
        if (length == Length.NONE) {
            return List.of();
        }
        List<ServiceEntry> all = registry.services();
        List<ServiceEntry> services =
                length == Length.CAPPED && all.size() > CAPPED_ROWS ? all.subList(0, CAPPED_ROWS) : all;
        int nameWidth = services.stream().mapToInt(s -> s.name().length()).max().orElse(4);
        int groupWidth =
                services.stream().mapToInt(s -> group(s).length()).max().orElse(1);
        List<String> lines = services.stream()
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
                .collect(java.util.stream.Collectors.toCollection(ArrayList::new));
        if (services.size() < all.size()) {
            lines.add("… and " + (all.size() - services.size()) + " more (set switchboard.summary=full to list all)");
        }
        return lines;
    }

    private static String group(ServiceEntry s) {
        return s.group() == null ? "-" : s.group();
    }

    private static String pad(String text, int width) {
        return text + " ".repeat(Math.max(0, width - text.length()));
    }
}
