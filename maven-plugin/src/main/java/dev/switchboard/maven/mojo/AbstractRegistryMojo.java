package dev.switchboard.maven.mojo;

import dev.switchboard.core.diag.InputException;
import dev.switchboard.core.inspect.RegistryReport;
import dev.switchboard.core.inspect.RegistrySummary;
import dev.switchboard.core.registry.GroupAssignments;
import dev.switchboard.core.registry.RegistryOutcome;
import dev.switchboard.core.registry.RegistryRequest;
import dev.switchboard.core.registry.Selection;
import java.io.File;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import org.apache.maven.artifact.Artifact;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * The parameters every goal that builds the registry shares, turned into one {@link RegistryRequest};
 * and how the registry stage's outcome is logged.
 */
abstract class AbstractRegistryMojo extends AbstractInputsMojo {
    /**
     * Where {@code registry.json} and {@code registry.previous.json} are written.
     *
     * <pre>&lt;registryDirectory&gt;${project.build.directory}/switchboard&lt;/registryDirectory&gt;</pre>
     *
     * @since 0.1.0
     */
    @Parameter(defaultValue = "${project.build.directory}/switchboard", required = true)
    private File registryDirectory;

    /**
     * Whether finding no {@code .proto} files fails the build instead of logging a warning.
     *
     * <pre>{@code <failOnMissingSources>true</failOnMissingSources>}</pre>
     *
     * @since 0.1.0
     */
    @Parameter(property = PropertyNames.FAIL_ON_MISSING_SOURCES, defaultValue = "false")
    private boolean failOnMissingSources;

    /**
     * The table of services logged after the registry is written: {@code true} logs its first 50 rows and
     * how many more there are, {@code full} every row, {@code false} none.
     *
     * <pre>{@code <summary>full</summary>}</pre>
     *
     * @since 0.1.0
     */
    @Parameter(property = PropertyNames.SUMMARY, defaultValue = "true")
    private String summary;

    /**
     * Whether AWS SDK v2 clients on the compile classpath become {@code aws} services.
     *
     * <pre>{@code <discoverAws>false</discoverAws>}</pre>
     *
     * @since 0.1.0
     */
    @Parameter(defaultValue = "true")
    private boolean discoverAws;

    /**
     * Moves services into groups, new ones or those of the AWS catalogue: the element name is the group,
     * the text a comma list of service names. The overrides file can still change a group.
     *
     * <pre>{@code
     * <groups>
     *   <payments>billing,sqs</payments>
     *   <storage>uploads</storage>
     * </groups>
     * }</pre>
     *
     * @since 0.1.0
     */
    @Parameter
    private Map<String, String> groups;

    /**
     * The services to generate, as a comma list. With the group profiles' {@code switchboard.group.<name>=true}
     * they narrow the groups: each named service must be in a group switched on. Neither selects all.
     *
     * <pre>{@code -Dswitchboard.services=s3,ec2,lambda,dynamodb}</pre>
     *
     * @since 0.1.0
     */
    @Parameter(property = PropertyNames.SERVICES)
    private String services;

    /** Logs what the registry stage did: notes, the selection, written or up to date, the summary. */
    protected void logRegistry(RegistryOutcome outcome, RegistryRequest request, long millis) throws InputException {
        RegistryReport.report(
                outcome,
                request.selection().isAll(),
                request.selection().describe(),
                project.getBasedir().toPath().relativize(outcome.registryFile()).toString(),
                millis,
                summaryLength(),
                reporter());
    }

    private RegistrySummary.Length summaryLength() throws InputException {
        return RegistrySummary.Length.parse(summary, "<summary> (" + PropertyNames.SUMMARY + ")");
    }

    protected RegistryRequest registryRequest() throws InputException {
        summaryLength();
        Path base = project.getBasedir().toPath().toAbsolutePath();
        return RegistryRequest.builder(base)
                .sourceRoots(paths(protoSourceRoots))
                .importPaths(paths(protoImportPaths))
                .dependencyArchives(project.getArtifacts().stream()
                        .map(Artifact::getFile)
                        .filter(Objects::nonNull)
                        .map(f -> f.toPath().toAbsolutePath())
                        .sorted()
                        .toList())
                .protoSourceDependencies(protoSourceDependencyFiles())
                .registryDependencies(registryDependencyFiles())
                .includes(includes == null ? List.of() : includes)
                .excludes(excludes == null ? List.of() : excludes)
                .rulesFile(fileParameter(rulesFile, "<rulesFile>"))
                .replaceDefaultRules(replaceDefaultRules)
                .overridesFile(fileParameter(overridesFile, "<overridesFile>"))
                .registryDirectory(directoryParameter(registryDirectory, "<registryDirectory>"))
                .failOnMissingSources(failOnMissingSources)
                .pluginVersion(plugin.getVersion())
                .pluginArchive(
                        plugin.getPluginArtifact() != null
                                        && plugin.getPluginArtifact().getFile() != null
                                ? plugin.getPluginArtifact().getFile().toPath()
                                : base)
                .discoverAws(discoverAws)
                .groups(GroupAssignments.parse(groups))
                .selection(Selection.of(services, properties()))
                .build();
    }

    /** Project properties (set by profiles) overlaid with the command line's. */
    private Map<String, String> properties() {
        Map<String, String> out = new TreeMap<>();
        project.getProperties().forEach((k, v) -> out.put(k.toString(), v.toString()));
        session.getUserProperties().forEach((k, v) -> out.put(k.toString(), v.toString()));
        return out;
    }
}
