package dev.switchboard.core.registry;

import dev.switchboard.core.diag.InputException;
import dev.switchboard.core.diag.Problem;
import dev.switchboard.core.diag.Suggestions;
import dev.switchboard.runtime.registry.ServiceEntry;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * {@code <groups>}: moves services into groups, new or catalogued ({@code <payments>billing,sqs</payments>}).
 * Applied after inference and before the overrides file, which has the last word.
 */
public final class GroupAssignments {
    private static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9-]*");

    private GroupAssignments() {}

    /**
     * {@code <groups>} as the plugin and the command line take it — a group name to a comma list of
     * service names — as lists, in the given order; null is none.
     */
    public static Map<String, List<String>> parse(Map<String, String> groups) {
        Map<String, List<String>> out = new LinkedHashMap<>();
        if (groups != null) {
            groups.forEach((group, names) -> out.put(
                    group,
                    names == null
                            ? List.of()
                            : Arrays.stream(names.split(","))
                                    .map(String::strip)
                                    .filter(s -> !s.isEmpty())
                                    .toList()));
        }
        return out;
    }

    static List<ServiceEntry> apply(List<ServiceEntry> services, Map<String, List<String>> groups)
            throws InputException {
        if (groups.isEmpty()) {
            return services;
        }
        Map<String, String> groupOf = new HashMap<>();
        List<Problem> problems = new ArrayList<>();
        List<String> known = services.stream().map(ServiceEntry::name).toList();
        groups.forEach((group, names) -> {
            if (!NAME.matcher(group).matches()) {
                problems.add(Problem.in(
                        "<groups><" + group + ">",
                        "\"" + group + "\" is not a valid group name",
                        "use lower-case letters, digits and '-'"));
            }
            for (String name : names) {
                if (!known.contains(name)) {
                    problems.add(Problem.in(
                            "<groups><" + group + ">",
                            "service \"" + name + "\" is not in the registry (" + Suggestions.describe(name, known)
                                    + ")",
                            "correct the name"));
                } else if (groupOf.containsKey(name) && !groupOf.get(name).equals(group)) {
                    problems.add(Problem.in(
                            "<groups><" + group + ">",
                            "service \"" + name + "\" is also listed under <" + groupOf.get(name) + ">",
                            "list each service in one group only"));
                } else {
                    groupOf.put(name, group);
                }
            }
        });
        if (!problems.isEmpty()) {
            throw new InputException(problems.size() + " problem(s) in <groups>", problems);
        }
        return services.stream()
                .map(s -> groupOf.containsKey(s.name())
                        ? s.toBuilder().group(groupOf.get(s.name())).build()
                        : s)
                .toList();
    }
}
