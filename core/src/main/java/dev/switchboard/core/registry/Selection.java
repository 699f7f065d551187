package dev.switchboard.core.registry;

import dev.switchboard.core.aws.AwsCatalogue;
import dev.switchboard.core.diag.InputException;
import dev.switchboard.core.diag.Problem;
import dev.switchboard.core.diag.Suggestions;
import dev.switchboard.runtime.registry.ServiceEntry;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Which services a build generates. {@code switchboard.services} names services and
 * {@code switchboard.group.<name>=true} switches groups on (the group profiles set it):
 *
 * <ul>
 *   <li>names alone: those services;
 *   <li>groups alone: every service of those groups;
 *   <li>both: the named services, each of which must be in a group switched on, so a name narrows a
 *       profile ({@code -Pcompute -Dswitchboard.services=ec2,lambda} gives ec2 and lambda, not every
 *       compute service); a name outside those groups is an error that names its group;
 *   <li>neither: every service.
 * </ul>
 *
 * @param services the names from {@code switchboard.services}, in the order given
 * @param groups the groups switched on
 */
public record Selection(List<String> services, Set<String> groups) {
    public static final String SERVICES_PROPERTY = "switchboard.services";
    public static final String GROUP_PROPERTY_PREFIX = "switchboard.group.";

    public Selection {
        services = List.copyOf(services);
        groups = java.util.Collections.unmodifiableSortedSet(new TreeSet<>(groups));
    }

    /** Everything. */
    public static Selection all() {
        return new Selection(List.of(), Set.of());
    }

    /**
     * The selection the properties describe.
     *
     * @param servicesList {@code switchboard.services}: a comma list, or null
     * @param properties every project and user property; those named {@code switchboard.group.*} count
     */
    public static Selection of(String servicesList, Map<String, String> properties) {
        List<String> names = servicesList == null
                ? List.of()
                : Arrays.stream(servicesList.split(","))
                        .map(String::trim)
                        .filter(s -> !s.isEmpty())
                        .distinct()
                        .toList();
        Set<String> groups = new TreeSet<>();
        properties.forEach((key, value) -> {
            if (key.startsWith(GROUP_PROPERTY_PREFIX) && Boolean.parseBoolean(value.trim())) {
                groups.add(key.substring(GROUP_PROPERTY_PREFIX.length()));
            }
        });
        return new Selection(names, groups);
    }

    public boolean isAll() {
        return services.isEmpty() && groups.isEmpty();
    }

    /** What to say about it in one line. */
    public String describe() {
        if (isAll()) {
            return "every service (no " + SERVICES_PROPERTY + " or " + GROUP_PROPERTY_PREFIX + "* set)";
        }
        String names = SERVICES_PROPERTY + "=" + String.join(",", services);
        String switchedOn = groups.stream()
                .map(g -> GROUP_PROPERTY_PREFIX + g + "=true")
                .collect(java.util.stream.Collectors.joining(", "));
        if (groups.isEmpty()) {
            return names;
        }
        return services.isEmpty() ? switchedOn : names + " within " + switchedOn;
    }

    /**
     * The selected services, in registry order.
     *
     * @param notes receives warnings, such as a group switched on that holds no service
     * @throws InputException naming every unknown service, with the nearest names, and every catalogued
     *     service whose module is missing, with the {@code <dependency>} to add
     */
    public List<ServiceEntry> apply(List<ServiceEntry> registry, AwsCatalogue catalogue, List<String> notes)
            throws InputException {
        if (isAll()) {
            return registry;
        }
        Set<String> known = new LinkedHashSet<>();
        registry.forEach(s -> known.add(s.name()));
        Map<String, AwsCatalogue.Module> catalogued = catalogue.modulesByServiceName();
        List<Problem> problems = new ArrayList<>();
        for (String name : services) {
            if (known.contains(name)) {
                continue;
            }
            AwsCatalogue.Module module = catalogued.get(name);
            if (module != null) {
                problems.add(Problem.in(
                        SERVICES_PROPERTY,
                        "\"" + name + "\" is an AWS service whose SDK module is not on the classpath",
                        "add it to <dependencies> (the AWS SDK BOM gives the version):\n"
                                + "    <dependency>\n"
                                + "      <groupId>software.amazon.awssdk</groupId>\n"
                                + "      <artifactId>" + module.artifactId() + "</artifactId>\n"
                                + "    </dependency>"));
            } else {
                Set<String> all = new TreeSet<>(known);
                all.addAll(catalogued.keySet());
                problems.add(Problem.in(
                        SERVICES_PROPERTY,
                        "\"" + name + "\" is neither a discovered nor a catalogued service ("
                                + Suggestions.describe(name, all) + ")",
                        "correct the name; `mvn switchboard:registry` logs the services it found"));
            }
        }
        if (!problems.isEmpty()) {
            throw new InputException(problems.size() + " problem(s) with the service selection", problems);
        }
        for (String group : groups) {
            if (registry.stream().noneMatch(s -> group.equals(s.group()))) {
                notes.add(GROUP_PROPERTY_PREFIX + group + "=true selects no service: no service on the classpath"
                        + " or in the protos is in group \"" + group + "\"");
            }
        }
        if (services.isEmpty()) {
            return registry.stream()
                    .filter(s -> s.group() != null && groups.contains(s.group()))
                    .toList();
        }
        if (!groups.isEmpty()) {
            outsideGroups(registry);
        }
        return registry.stream().filter(s -> services.contains(s.name())).toList();
    }

    /** With groups switched on, a name must be in one of them: the names narrow the groups. */
    private void outsideGroups(List<ServiceEntry> registry) throws InputException {
        List<Problem> problems = new ArrayList<>();
        String active = String.join(", ", groups);
        for (ServiceEntry s : registry) {
            if (!services.contains(s.name()) || (s.group() != null && groups.contains(s.group()))) {
                continue;
            }
            String what = s.group() == null
                    ? "\"" + s.name() + "\" is in no group, and only services of the groups switched on (" + active
                            + ") can be selected"
                    : "\"" + s.name() + "\" is in group \"" + s.group() + "\", which is not switched on (switched on: "
                            + active + "); with groups switched on, " + SERVICES_PROPERTY
                            + " picks services within them";
            String fix = s.group() == null
                    ? "leave it out of " + SERVICES_PROPERTY + ", or give it a group with <groups>"
                    : "switch its group on as well (-P" + s.group() + " or -D" + GROUP_PROPERTY_PREFIX + s.group()
                            + "=true), or leave it out of " + SERVICES_PROPERTY;
            problems.add(Problem.in(SERVICES_PROPERTY, what, fix));
        }
        if (!problems.isEmpty()) {
            throw new InputException(problems.size() + " problem(s) with the service selection", problems);
        }
    }
}
