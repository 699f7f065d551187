package dev.switchboard.maven.mojo;

import dev.switchboard.core.diag.FindingException;
import dev.switchboard.core.profiles.ProfilesWriter;
import dev.switchboard.core.registry.RegistryBuilder;
import dev.switchboard.core.registry.RegistryOutcome;
import dev.switchboard.core.registry.RegistryRequest;
import java.io.File;
import java.util.Arrays;
import java.util.List;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.plugins.annotations.ResolutionScope;

/**
 * Writes one Maven profile per service group into {@code pom.xml}, between two marker comments inside
 * {@code <profiles>}: each adds its group's AWS SDK modules (versionless, from the AWS SDK BOM, which
 * is imported if it is not) and sets {@code switchboard.group.<name>=true}; plus {@code minimal}, and
 * {@code all} (every catalogued module) when asked for. {@code <profileGroups>} limits the block to the
 * groups named. Everything outside the markers stays byte for byte. With {@code
 * -Dswitchboard.profiles.check=true} it changes nothing and fails when the block is missing or stale.
 *
 * @since 0.1.0
 */
@Mojo(name = "profiles", requiresDependencyResolution = ResolutionScope.COMPILE, threadSafe = true)
public class ProfilesMojo extends AbstractRegistryMojo {

    /**
     * Only checks that the profiles are present and current; fails the build when not.
     *
     * <pre>{@code -Dswitchboard.profiles.check=true}</pre>
     *
     * @since 0.1.0
     */
    @Parameter(property = PropertyNames.PROFILES_CHECK, defaultValue = "false")
    private boolean check;

    /**
     * The profiles to write, as a comma list of groups, {@code all} (every catalogued module, some
     * thousands of pom lines) and {@code minimal}. By default every group and {@code minimal}, without
     * {@code all}.
     *
     * <pre>{@code <profileGroups>storage,database,minimal</profileGroups>}</pre>
     *
     * @since 0.1.0
     */
    @Parameter(property = PropertyNames.PROFILES_GROUPS)
    private String profileGroups;

    /**
     * A directory whose {@code profiles.xml.ftl} replaces the bundled one.
     *
     * <pre>{@code <templateDirectory>src/main/switchboard/templates</templateDirectory>}</pre>
     *
     * @since 0.1.0
     */
    @Parameter
    private File templateDirectory;

    /** {@code <profileGroups>} as a list; null when not set, for the default. */
    private List<String> groups() {
        if (profileGroups == null || profileGroups.isBlank()) {
            return null;
        }
        return Arrays.stream(profileGroups.split(","))
                .map(String::trim)
                .filter(g -> !g.isEmpty())
                .distinct()
                .toList();
    }

    @Override
    protected void run() throws Exception {
        RegistryRequest registry = registryRequest();
        RegistryOutcome built = new RegistryBuilder().build(registry);
        ProfilesWriter.Outcome outcome = new ProfilesWriter()
                .run(new ProfilesWriter.Request(
                        project.getFile().toPath(),
                        registry.groups(),
                        built.services(),
                        templateDirectory == null ? null : templateDirectory.toPath(),
                        check,
                        groups()));
        String profiles = outcome.profiles().size() + " group profiles";
        if (check) {
            if (outcome.checkFailure() != null) {
                throw new FindingException(outcome.checkFailure(), List.of());
            }
            getLog().info("switchboard: the " + profiles + " in pom.xml are current");
        } else if (outcome.written()) {
            getLog().info("switchboard: wrote " + profiles + " (" + String.join(", ", outcome.profiles()) + "; "
                    + outcome.lines() + " lines) into pom.xml (they were " + outcome.blockState() + ")"
                    + (outcome.bomAdded() ? " and imported the AWS SDK BOM" : "")
                    + (profileGroups == null ? "; <profileGroups> writes fewer" : ""));
        } else {
            getLog().info("switchboard: the " + profiles + " in pom.xml are current, nothing rewritten");
        }
    }
}
