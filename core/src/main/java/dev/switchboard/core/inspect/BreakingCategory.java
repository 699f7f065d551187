package dev.switchboard.core.inspect;

import dev.switchboard.core.diag.InputException;
import dev.switchboard.core.diag.Problem;
import dev.switchboard.core.diag.Suggestions;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * buf's breaking-change categories, strictest first; each holds the {@link BreakingRule}s that name it.
 * A change that passes a stricter category passes the more lenient ones.
 */
public enum BreakingCategory {
    /** Generated code per file: moving a service to another file breaks. buf's default. */
    FILE,
    /** Generated code per package: a service may move between the files of its package. */
    PACKAGE,
    /** The binary and the JSON encoding: deletions are not breaking, changed signatures are. */
    WIRE_JSON,
    /** The binary encoding only. */
    WIRE;

    /**
     * The category of a setting's value, in any case.
     *
     * @param setting the property or parameter the value came from, named in the error
     * @throws InputException when the value names no category, with the nearest one
     */
    public static BreakingCategory parse(String value, String setting) throws InputException {
        String name = value == null ? "" : value.trim().toUpperCase(Locale.ROOT).replace('-', '_');
        for (BreakingCategory category : values()) {
            if (category.name().equals(name)) {
                return category;
            }
        }
        List<String> names = Arrays.stream(values()).map(Enum::name).toList();
        List<String> near = Suggestions.nearest(name, names);
        throw new InputException(Problem.in(
                setting,
                "\"" + value + "\" is not a breaking-change category",
                "use one of " + String.join(", ", names)
                        + (near.isEmpty() ? "" : " (nearest: " + String.join(", ", near) + ")")));
    }
}
