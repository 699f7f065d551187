package dev.switchboard.core.inspect;

import dev.switchboard.core.diag.InputException;
import dev.switchboard.core.diag.Problem;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/** How a view is printed ({@code -Dswitchboard.format=…}). */
public enum Format {
    TABLE,
    JSON,
    YAML,
    DOT,
    MERMAID;

    /**
     * The format named by the user, one of {@code allowed}.
     *
     * @throws InputException naming the allowed values
     */
    public static Format of(String value, Format... allowed) throws InputException {
        List<Format> ok = Arrays.asList(allowed);
        String wanted = value == null ? ok.get(0).name() : value.trim().toUpperCase(Locale.ROOT);
        for (Format f : ok) {
            if (f.name().equals(wanted)) {
                return f;
            }
        }
        throw new InputException(Problem.in(
                "switchboard.format",
                "\"" + value + "\" is not a format of this goal",
                "use one of "
                        + ok.stream()
                                .map(f -> f.name().toLowerCase(Locale.ROOT))
                                .toList()));
    }
}
