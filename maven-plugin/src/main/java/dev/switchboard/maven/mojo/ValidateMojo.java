package dev.switchboard.maven.mojo;

import dev.switchboard.core.diag.FindingException;
import dev.switchboard.core.inspect.Format;
import dev.switchboard.core.inspect.Validator;
import dev.switchboard.runtime.registry.Registry;
import java.nio.file.Path;
import java.util.List;
import org.apache.maven.artifact.DependencyResolutionRequiredException;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.ResolutionScope;

/**
 * Checks the registry against the compiled code and itself, as a CI gate: AWS client classes on the
 * classpath with every listed operation, gRPC stubs generated, every rpc of a service overridden by
 * the classes in {@code target/classes} that extend its {@code …ImplBase}, dependencies that name a
 * service, unique names. Errors fail the build; cycles, services without health information, empty
 * groups and very large services are warnings. Run it after {@code compile} (or bind it to {@code
 * process-classes}) so the implementations are there.
 *
 * @since 0.1.0
 */
@Mojo(name = "validate", requiresDependencyResolution = ResolutionScope.COMPILE, threadSafe = true)
public class ValidateMojo extends AbstractInspectMojo {
    @Override
    protected void inspect(Registry registry) throws Exception {
        List<Path> classpath;
        try {
            classpath =
                    project.getCompileClasspathElements().stream().map(Path::of).toList();
        } catch (DependencyResolutionRequiredException e) {
            throw new MojoExecutionException(
                    "switchboard: the compile classpath is not resolved: " + e.getMessage(), e);
        }
        Validator validator =
                new Validator(classpath, Path.of(project.getBuild().getOutputDirectory()));
        List<Validator.Finding> findings;
        try {
            findings = validator.validate(registry, registryRequest().groups());
        } finally {
            validator.close();
        }
        emit(Validator.render(findings, format(Format.TABLE, Format.JSON, Format.YAML)));
        long errors = findings.stream().filter(f -> f.level().equals("error")).count();
        if (errors > 0) {
            throw new FindingException(
                    "the registry has " + errors + " error(s)",
                    findings.stream()
                            .filter(f -> f.level().equals("error"))
                            .map(f -> f.service() + ": " + f.message())
                            .toList());
        }
        getLog().info("switchboard: the registry is valid (" + findings.size() + " warning(s))");
    }
}
