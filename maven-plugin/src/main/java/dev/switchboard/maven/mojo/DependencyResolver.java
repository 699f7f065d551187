package dev.switchboard.maven.mojo;

import dev.switchboard.core.diag.InputException;
import dev.switchboard.core.diag.Problem;
import dev.switchboard.core.diag.Suggestions;
import dev.switchboard.core.proto.DependencyArtifact;
import dev.switchboard.core.registry.DependencyCoordinates;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.maven.artifact.Artifact;
import org.apache.maven.project.MavenProject;
import org.eclipse.aether.RepositorySystem;
import org.eclipse.aether.RepositorySystemSession;
import org.eclipse.aether.artifact.DefaultArtifact;
import org.eclipse.aether.resolution.ArtifactRequest;
import org.eclipse.aether.resolution.ArtifactResolutionException;

/**
 * The files of {@code <protoSourceDependencies>} and {@code <registryDependencies>}: an entry without a
 * version is the project's dependency of that {@code groupId:artifactId}; one with a version is that
 * dependency when the versions agree, else resolved through Maven's resolver as {@code dependency:get}
 * would, from the project's repositories. Every unresolvable entry is reported, all together.
 */
final class DependencyResolver {
    private final MavenProject project;
    private final RepositorySystem system;
    private final RepositorySystemSession session;

    DependencyResolver(MavenProject project, RepositorySystem system, RepositorySystemSession session) {
        this.project = project;
        this.system = system;
        this.session = session;
    }

    /**
     * @param value the parameter's comma list, or null
     * @param parameter the parameter as the user sets it, for problems
     */
    List<DependencyArtifact> resolve(String value, String parameter) throws InputException {
        List<DependencyArtifact> resolved = new ArrayList<>();
        List<Problem> problems = new ArrayList<>();
        for (DependencyCoordinates entry : DependencyCoordinates.parse(value, parameter)) {
            Optional<Artifact> dependency = project.getArtifacts().stream()
                    .filter(a -> a.getGroupId().equals(entry.groupId())
                            && a.getArtifactId().equals(entry.artifactId())
                            && a.getClassifier() == null
                            && a.getFile() != null)
                    .findFirst();
            if (dependency.isPresent()
                    && (entry.version() == null
                            || entry.version().equals(dependency.get().getBaseVersion()))) {
                Artifact a = dependency.get();
                resolved.add(new DependencyArtifact(
                        entry.key() + ":" + a.getBaseVersion(),
                        a.getFile().toPath().toAbsolutePath()));
            } else if (dependency.isPresent()) {
                problems.add(Problem.in(
                        parameter,
                        entry + " names version " + entry.version() + ", but the project depends on " + entry.key()
                                + ":" + dependency.get().getBaseVersion(),
                        "write " + entry.key() + " to take the dependency, or change its version in <dependencies>"));
            } else if (entry.version() == null) {
                List<String> known = project.getArtifacts().stream()
                        .map(a -> a.getGroupId() + ":" + a.getArtifactId())
                        .toList();
                problems.add(Problem.in(
                        parameter,
                        entry + " is not a dependency of this project (" + Suggestions.describe(entry.key(), known)
                                + ")",
                        "add it to <dependencies>, or give its version (" + entry.key()
                                + ":1.2.3) to resolve it without depending on it"));
            } else {
                try {
                    ArtifactRequest request = new ArtifactRequest(
                            new DefaultArtifact(entry.groupId(), entry.artifactId(), "jar", entry.version()),
                            project.getRemoteProjectRepositories(),
                            null);
                    var artifact = system.resolveArtifact(session, request).getArtifact();
                    resolved.add(new DependencyArtifact(
                            entry.toString(), artifact.getFile().toPath().toAbsolutePath()));
                } catch (ArtifactResolutionException e) {
                    problems.add(Problem.in(
                            parameter,
                            entry + " cannot be resolved (" + e.getMessage() + ")",
                            "check the coordinates on the repository, or build with network access once"));
                }
            }
        }
        if (!problems.isEmpty()) {
            throw new InputException(
                    problems.size() == 1 ? "1 problem in " + parameter : problems.size() + " problems in " + parameter,
                    problems);
        }
        return resolved;
    }
}
