package dev.switchboard.cli.command;

import dev.switchboard.core.registry.Selection;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import picocli.CommandLine.Option;

/** Which services a build generates, as {@code -Dswitchboard.services} and the group profiles choose them. */
final class SelectionOptions {
    @Option(
            names = "--services",
            paramLabel = "LIST",
            order = 20,
            description = "Generate only these services, a comma list: --services s3,ec2,user.")
    String services;

    @Option(
            names = "--select-group",
            paramLabel = "GROUP",
            order = 21,
            description = "Generate the services of this group too (repeatable), as the group profiles do.")
    List<String> groups = new ArrayList<>();

    /** The selection as it was given: {@code --services a,b --select-group x}, or every service. */
    String describe() {
        StringBuilder out = new StringBuilder();
        if (services != null && !services.isBlank()) {
            out.append("--services ").append(services.strip());
        }
        groups.forEach(group -> out.append(out.length() == 0 ? "" : " ")
                .append("--select-group ")
                .append(group));
        return out.length() == 0 ? "every service (no --services or --select-group given)" : out.toString();
    }

    Selection selection() {
        Map<String, String> properties = new TreeMap<>();
        groups.forEach(group -> properties.put(Selection.GROUP_PROPERTY_PREFIX + group.strip(), "true"));
        return Selection.of(services, properties);
    }
}
