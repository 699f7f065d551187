package dev.switchboard.core.registry;

import dev.switchboard.core.diag.InputException;
import dev.switchboard.core.diag.Problem;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * One entry of {@code <protoSourceDependencies>} or {@code <registryDependencies>}: {@code
 * groupId:artifactId} for a dependency of the project, {@code groupId:artifactId:version} for an artifact
 * to resolve even when the project does not depend on it.
 *
 * @param version the version, or null to take the project's dependency
 */
public record DependencyCoordinates(String groupId, String artifactId, String version) {

    /** {@code groupId:artifactId}. */
    public String key() {
        return groupId + ":" + artifactId;
    }

    @Override
    public String toString() {
        return version == null ? key() : key() + ":" + version;
    }

    /**
     * The entries of a comma list; none for null or blank. Every malformed or repeated entry is reported,
     * all together.
     *
     * @param parameter the parameter as the user sets it, for problems ({@code <protoSourceDependencies>
     *     (switchboard.protoSourceDependencies)})
     */
    public static List<DependencyCoordinates> parse(String value, String parameter) throws InputException {
        if (value == null || value.isBlank()) {
            return List.of();
        }
        List<DependencyCoordinates> entries = new ArrayList<>();
        List<Problem> problems = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (String raw : value.split(",", -1)) {
            String entry = raw.strip();
            String[] parts = entry.split(":", -1);
            boolean wellFormed = (parts.length == 2 || parts.length == 3)
                    && Arrays.stream(parts).allMatch(DependencyCoordinates::isSegment);
            if (!wellFormed) {
                problems.add(Problem.in(
                        parameter,
                        "\"" + entry + "\" is not groupId:artifactId or groupId:artifactId:version",
                        "write a dependency as com.acme:billing-api, or com.acme:billing-api:3.2.0 to resolve an"
                                + " artifact the project does not depend on; separate entries with commas"));
                continue;
            }
            DependencyCoordinates coordinates =
                    new DependencyCoordinates(parts[0], parts[1], parts.length == 3 ? parts[2] : null);
            if (!seen.add(coordinates.key())) {
                problems.add(Problem.in(
                        parameter, coordinates.key() + " is listed more than once", "keep one entry for it"));
                continue;
            }
            entries.add(coordinates);
        }
        if (!problems.isEmpty()) {
            throw new InputException(
                    problems.size() == 1 ? "1 problem in " + parameter : problems.size() + " problems in " + parameter,
                    problems);
        }
        return List.copyOf(entries);
    }

    /** Maven coordinates hold no spaces, and no part is empty. */
    private static boolean isSegment(String part) {
        return !part.isEmpty() && part.chars().noneMatch(c -> Character.isWhitespace(c) || c == '/' || c == '\\');
    }
}
