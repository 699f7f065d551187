package dev.switchboard.core.profiles;

import dev.switchboard.core.aws.AwsCatalogue;
import dev.switchboard.core.diag.InputException;
import dev.switchboard.core.diag.Problem;
import dev.switchboard.core.diag.Suggestions;
import dev.switchboard.core.registry.Selection;
import dev.switchboard.runtime.registry.ServiceEntry;
import dev.switchboard.runtime.registry.ServiceKind;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The profiles {@code profiles.xml.ftl} prints: one per group, then {@code all} and {@code minimal};
 * by default every group and {@code minimal}, or the ones asked for.
 *
 * @param sdkVersion the AWS SDK version of the catalogue, for the BOM
 * @param profiles the profiles in order
 */
public record ProfilesModel(String sdkVersion, List<Profile> profiles) {

    /**
     * One profile.
     *
     * @param id the profile id ({@code -P<id>})
     * @param description one line saying what it adds
     * @param properties the {@code switchboard.group.*} properties it sets
     * @param artifactIds the AWS SDK modules it adds, versionless, sorted
     */
    public record Profile(String id, String description, List<String> properties, List<String> artifactIds) {}

    /** The profile of every catalogued module: thousands of pom lines, so written only when asked for. */
    public static final String ALL = "all";

    /** The profile of the core group alone. */
    public static final String MINIMAL = "minimal";

    /**
     * Every profile for the catalogue's groups, the user's {@code <groups>}, and the groups of the
     * project's proto services, then {@code all} and {@code minimal}.
     *
     * @param groups {@code <groups>}: group → services moved into it
     * @param registry the project's services, whose groups get profiles too
     */
    public static ProfilesModel of(
            AwsCatalogue catalogue, Map<String, List<String>> groups, List<ServiceEntry> registry) {
        Map<String, String> moved = new HashMap<>();
        groups.forEach((group, names) -> names.forEach(name -> moved.put(name, group)));
        Map<String, TreeSet<String>> modules = new LinkedHashMap<>();
        catalogue.groups().forEach(g -> modules.put(g, new TreeSet<>()));
        for (AwsCatalogue.Module module : catalogue.modules()) {
            for (AwsCatalogue.Client client : module.clients()) {
                String group = moved.getOrDefault(client.name(), module.group());
                modules.computeIfAbsent(group, g -> new TreeSet<>()).add(module.artifactId());
            }
        }
        Map<String, TreeSet<String>> own = new TreeMap<>();
        groups.keySet().forEach(g -> own.put(g, new TreeSet<>()));
        registry.stream()
                .filter(s -> s.kind() != ServiceKind.AWS && s.group() != null)
                .forEach(s -> own.computeIfAbsent(s.group(), g -> new TreeSet<>()));
        own.forEach((group, none) -> modules.computeIfAbsent(group, g -> new TreeSet<>()));

        List<Profile> profiles = new ArrayList<>();
        modules.forEach((group, artifacts) -> profiles.add(new Profile(
                group,
                artifacts.isEmpty()
                        ? "services of group " + group + " (no AWS SDK modules)"
                        : "the " + group + " group: " + artifacts.size() + " AWS SDK module(s)",
                List.of(Selection.GROUP_PROPERTY_PREFIX + group),
                List.copyOf(artifacts))));
        TreeSet<String> all = new TreeSet<>();
        catalogue.modules().forEach(m -> all.add(m.artifactId()));
        profiles.add(new Profile(
                ALL,
                "every group: every AWS SDK service module of the catalogue",
                modules.keySet().stream()
                        .map(g -> Selection.GROUP_PROPERTY_PREFIX + g)
                        .toList(),
                List.copyOf(all)));
        profiles.add(new Profile(
                MINIMAL,
                "the core group only",
                List.of(Selection.GROUP_PROPERTY_PREFIX + "core"),
                List.copyOf(modules.getOrDefault("core", new TreeSet<>()))));
        return new ProfilesModel(catalogue.sdkVersion(), profiles);
    }

    /**
     * The profiles asked for, in the order {@link #of} gives them.
     *
     * @param requested the profile ids to write; null for the default, every group and {@code minimal}
     *     but not {@code all}
     * @param shownAs how messages name the setting ({@code <profileGroups>})
     * @throws InputException naming every id that is no group, with the nearest ones
     */
    public ProfilesModel only(List<String> requested, String shownAs) throws InputException {
        if (requested == null) {
            return new ProfilesModel(
                    sdkVersion,
                    profiles.stream().filter(p -> !p.id().equals(ALL)).toList());
        }
        List<String> ids = profiles.stream().map(Profile::id).toList();
        List<Problem> problems = new ArrayList<>();
        for (String id : requested) {
            if (!ids.contains(id)) {
                problems.add(Problem.in(
                        shownAs,
                        "\"" + id + "\" is not a group (" + Suggestions.describe(id, ids) + ")",
                        "name groups of the catalogue, of <groups> or of your proto services, or all or minimal"));
            }
        }
        if (!problems.isEmpty()) {
            throw new InputException(problems.size() + " problem(s) with " + shownAs, problems);
        }
        return new ProfilesModel(
                sdkVersion,
                profiles.stream().filter(p -> requested.contains(p.id())).toList());
    }
}
