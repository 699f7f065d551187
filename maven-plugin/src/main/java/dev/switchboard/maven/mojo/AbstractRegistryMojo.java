package dev.switchboard.maven.mojo;

import dev.switchboard.core.diag.InputException;
import dev.switchboard.core.diag.Problem;
import dev.switchboard.core.inspect.RegistrySummary;
import dev.switchboard.core.proto.ProtoInputs;
import dev.switchboard.core.registry.Overrides;
import dev.switchboard.core.registry.RegistryOutcome;
import dev.switchboard.core.registry.RegistryRequest;
import dev.switchboard.core.registry.Selection;
import dev.switchboard.runtime.registry.ServiceEntry;
import java.io.File;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.maven.artifact.Artifact;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * The parameters every goal that builds the registry shares, turned into one {@link RegistryRequest};
 * and how the registry stage's outcome is logged.
 */
abstract class AbstractRegistryMojo extends AbstractSwitchboardMojo {
    /**
     * Directories whose {@code .proto} files become registry services. Defaults to {@code
     * src/main/proto}.
     *
     * <pre>
     * &lt;protoSourceRoots&gt;
     *   &lt;protoSourceRoot&gt;src/main/proto&lt;/protoSourceRoot&gt;
     *   &lt;protoSourceRoot&gt;${project.basedir}/api&lt;/protoSourceRoot&gt;
     * &lt;/protoSourceRoots&gt;
     * </pre>
     *
     * @since 0.1.0
     */
    @Parameter
    private List<File> protoSourceRoots;

    /**
     * Directories or archives whose protos may be imported but add no services. Protos inside the
     * project's dependency jars are importable without this.
     *
     * <pre>{@code <protoImportPaths><protoImportPath>../shared-protos</protoImportPath></protoImportPaths>}</pre>
     *
     * @since 0.1.0
     */
    @Parameter
    private List<File> protoImportPaths;

    /**
     * Globs, relative to a source root, of the protos to load; all {@code .proto} files by default.
     *
     * <pre>{@code <includes><include>acme/**}{@code /*.proto</include></includes>}</pre>
     *
     * @since 0.1.0
     */
    @Parameter
    private List<String> includes;

    /**
     * Globs of protos to leave out; they stay importable.
     *
     * <pre>{@code <excludes><exclude>**}{@code /internal/*.proto</exclude></excludes>}</pre>
     *
     * @since 0.1.0
     */
    @Parameter
    private List<String> excludes;

    /**
     * A YAML or JSON file of inference rules that extends the defaults (or replaces them, see {@link
     * #replaceDefaultRules}).
     *
     * <pre>{@code <rulesFile>src/main/switchboard/rules.yaml</rulesFile>}</pre>
     *
     * @since 0.1.0
     */
    @Parameter
    private File rulesFile;

    /**
     * Whether {@code rulesFile} replaces the default rules instead of extending them.
     *
     * <pre>{@code <replaceDefaultRules>true</replaceDefaultRules>}</pre>
     *
     * @since 0.1.0
     */
    @Parameter(defaultValue = "false")
    private boolean replaceDefaultRules;

    /**
     * A YAML or JSON file that changes or adds registry fields per service, merged last. When not set,
     * {@code src/main/switchboard/overrides.yaml} (or {@code .yml}, {@code .json}) is used if present.
     *
     * <pre>{@code <overridesFile>src/main/switchboard/overrides.yaml</overridesFile>}</pre>
     *
     * @since 0.1.0
     */
    @Parameter
    private File overridesFile;

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
     * The services to generate, as a comma list. With {@code switchboard.group.<name>=true} properties
     * (which the group profiles set) the names narrow the groups: only the named services are selected,
     * and each must be in a group switched on. With neither, every service is selected.
     *
     * <pre>{@code -Dswitchboard.services=s3,ec2,lambda,dynamodb}</pre>
     *
     * @since 0.1.0
     */
    @Parameter(property = PropertyNames.SERVICES)
    private String services;

    /** Logs what the registry stage did: notes, the selection, and written or up to date. */
    protected void logRegistry(RegistryOutcome outcome, RegistryRequest request, long millis) {
        outcome.notes().forEach(note -> getLog().warn("switchboard: " + note));
        Path shown = project.getBasedir().toPath().relativize(outcome.registryFile());
        if (!outcome.written()) {
            if (outcome.selected() != null && !request.selection().isAll()) {
                getLog().info(selectionLine(outcome.selected(), request));
            }
            getLog().info("switchboard: registry is up to date (fingerprint " + outcome.shortFingerprint()
                    + "), nothing rewritten: " + shown + " (" + millis + " ms)");
            return;
        }
        if (!request.selection().isAll()) {
            getLog().info(selectionLine(outcome.selected(), request));
        }
        getLog().info("switchboard: wrote " + shown + " with "
                + outcome.registry().services().size() + " service(s) (fingerprint " + outcome.shortFingerprint()
                + ", " + millis + " ms)");
        RegistrySummary.lines(outcome.registry(), summaryLength()).forEach(line -> getLog().info("  " + line));
    }

    /** What was selected and by what, naming the first services so a surprise shows at once. */
    private static String selectionLine(List<ServiceEntry> selected, RegistryRequest request) {
        int shown = 12;
        String names = selected.stream().limit(shown).map(ServiceEntry::name).collect(Collectors.joining(", "));
        String more = selected.size() > shown ? " and " + (selected.size() - shown) + " more" : "";
        return "switchboard: selected " + selected.size() + " service(s) by "
                + request.selection().describe() + (selected.isEmpty() ? "" : ": " + names + more);
    }

    /** The {@code summary} setting; unset (as when a test builds the mojo by hand) is its default. */
    private RegistrySummary.Length summaryLength() {
        return summary == null
                ? RegistrySummary.Length.CAPPED
                : RegistrySummary.Length.of(summary).orElse(RegistrySummary.Length.CAPPED);
    }

    protected RegistryRequest registryRequest() throws InputException {
        if (summary != null && RegistrySummary.Length.of(summary).isEmpty()) {
            throw new InputException(Problem.in(
                    "<summary> (" + PropertyNames.SUMMARY + ")",
                    "\"" + summary + "\" is not a summary length",
                    "use true (the first " + RegistrySummary.CAPPED_ROWS + " services), full (all of them) or false"
                            + " (none)"));
        }
        Path base = project.getBasedir().toPath().toAbsolutePath();
        List<Path> roots = protoSourceRoots == null || protoSourceRoots.isEmpty()
                ? List.of(base.resolve("src/main/proto"))
                : paths(protoSourceRoots);
        List<Path> dependencies = project.getArtifacts().stream()
                .map(Artifact::getFile)
                .filter(Objects::nonNull)
                .map(f -> f.toPath().toAbsolutePath())
                .sorted()
                .toList();
        ProtoInputs protos = new ProtoInputs(
                base,
                roots,
                protoImportPaths == null ? List.of() : paths(protoImportPaths),
                dependencies,
                includes,
                excludes);
        return new RegistryRequest(
                protos,
                fileParameter(rulesFile, "<rulesFile>"),
                replaceDefaultRules,
                overridesFile != null ? fileParameter(overridesFile, "<overridesFile>") : Overrides.conventional(base),
                directoryParameter(registryDirectory, "<registryDirectory>"),
                failOnMissingSources,
                plugin.getVersion(),
                Stream.of(plugin.getPluginArtifact())
                        .filter(a -> a != null && a.getFile() != null)
                        .map(a -> a.getFile().toPath())
                        .findFirst()
                        .orElse(base),
                discoverAws,
                groupLists(),
                Selection.of(services, properties()));
    }

    private Map<String, List<String>> groupLists() {
        Map<String, List<String>> out = new TreeMap<>();
        if (groups != null) {
            groups.forEach((group, names) -> out.put(
                    group,
                    names == null
                            ? List.of()
                            : Arrays.stream(names.split(","))
                                    .map(String::trim)
                                    .filter(s -> !s.isEmpty())
                                    .toList()));
        }
        return out;
    }

    /** Project properties (set by profiles) overlaid with the command line's. */
    private Map<String, String> properties() {
        Map<String, String> out = new TreeMap<>();
        project.getProperties().forEach((k, v) -> out.put(k.toString(), v.toString()));
        session.getUserProperties().forEach((k, v) -> out.put(k.toString(), v.toString()));
        return out;
    }

    private static List<Path> paths(List<File> files) {
        return files.stream().map(f -> f.toPath().toAbsolutePath()).toList();
    }
}
