package dev.switchboard.maven.mojo;

import dev.switchboard.core.diag.InputException;
import dev.switchboard.core.profiles.ProfilesWriter;
import dev.switchboard.core.registry.RegistryBuilder;
import dev.switchboard.core.registry.RegistryOutcome;
import dev.switchboard.core.registry.RegistryRequest;
import dev.switchboard.core.render.RenderException;
import java.io.File;
import java.io.IOException;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.plugins.annotations.ResolutionScope;

/**
 * Writes one Maven profile per service group into {@code pom.xml}, between two marker comments inside
 * {@code <profiles>}: each adds its group's AWS SDK modules (versionless, from the AWS SDK BOM, which
 * is imported if it is not) and sets {@code switchboard.group.<name>=true}; plus {@code all} and {@code
 * minimal}. Everything outside the markers stays byte for byte. With {@code
 * -Dswitchboard.profiles.check=true} it changes nothing and fails when the block is missing or stale.
 *
 * @since 0.1.0
 */
@Mojo(name = "profiles", requiresDependencyResolution = ResolutionScope.COMPILE, threadSafe = true)
public class ProfilesMojo extends AbstractSwitchboardMojo {

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
     * A directory whose {@code profiles.xml.ftl} replaces the bundled one.
     *
     * <pre>{@code <templateDirectory>src/main/switchboard/templates</templateDirectory>}</pre>
     *
     * @since 0.1.0
     */
    @Parameter
    private File templateDirectory;

    @Override
    public void execute() throws MojoExecutionException, MojoFailureException {
        if (skipped()) {
            return;
        }
        RegistryRequest registry = registryRequest();
        try {
            RegistryOutcome built = new RegistryBuilder().build(registry);
            ProfilesWriter.Outcome outcome = new ProfilesWriter()
                    .run(new ProfilesWriter.Request(
                            project.getFile().toPath(),
                            registry.groups(),
                            built.services(),
                            templateDirectory == null ? null : templateDirectory.toPath(),
                            check));
            if (check) {
                if (outcome.checkFailure() != null) {
                    throw new MojoFailureException("switchboard: " + outcome.checkFailure());
                }
                getLog().info("switchboard: the " + outcome.profiles() + " group profiles in pom.xml are current");
            } else if (outcome.written()) {
                getLog().info("switchboard: wrote " + outcome.profiles() + " group profiles into pom.xml (they were "
                        + outcome.blockState() + ")" + (outcome.bomAdded() ? " and imported the AWS SDK BOM" : ""));
            } else {
                getLog().info("switchboard: the " + outcome.profiles() + " group profiles in pom.xml are current,"
                        + " nothing rewritten");
            }
        } catch (InputException e) {
            throw failure(e);
        } catch (IOException e) {
            throw new MojoExecutionException(
                    "switchboard: cannot read the registry's inputs or write pom.xml: " + e.getMessage(), e);
        } catch (RenderException e) {
            throw new MojoFailureException("switchboard: a template failed: " + e.getMessage(), e);
        }
    }
}
