package dev.switchboard.maven.mojo;

import dev.switchboard.core.migrate.FactoryInterface;
import java.nio.file.Path;
import java.util.List;
import org.apache.maven.artifact.Artifact;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * What the generated factory holds and implements: accessors for gRPC services ({@code <grpc>}) and the
 * team's own factory interface ({@code <factoryInterface>}).
 */
abstract class AbstractFactoryMojo extends AbstractRegistryMojo {
    /**
     * Whether gRPC services get accessors and providers. They need the grpc-java stubs, which protoc
     * generates, and grpc-java on the compile classpath; without it the goal fails, naming what to add.
     * {@code false} leaves gRPC services out of the generated code (they stay in the bundled registry),
     * for a project that only wants its AWS clients or the registry's other services.
     *
     * <pre>{@code <grpc>false</grpc>}</pre>
     *
     * @since 0.1.0
     */
    @Parameter(defaultValue = "true")
    private boolean grpc = true;

    /** Whether selected gRPC services get accessors and providers. */
    protected boolean grpc() {
        return grpc;
    }

    /**
     * The fully qualified name of the interface of the project's hand-written client factory. The generated
     * factory implements it: each abstract method that returns the client of a selected service returns that
     * service's client; a method that returns no selected service's client fails the build at its place.
     * {@code migrating(legacy)} on the generated factory then switches each method between the two factories
     * ({@code -Dswitchboard.factory=generated}, {@code -Dswitchboard.factory.s3=generated}). The interface is
     * read from the project's sources, else from the class files of its dependencies.
     *
     * <pre>{@code <factoryInterface>com.acme.Clients</factoryInterface>}</pre>
     *
     * @since 0.1.0
     */
    @Parameter(property = PropertyNames.FACTORY_INTERFACE)
    private String factoryInterface;

    /** The interface to implement, where to look for it; null when none is set. */
    protected FactoryInterface factoryInterface() {
        if (factoryInterface == null || factoryInterface.isBlank()) {
            return null;
        }
        List<Path> sources =
                project.getCompileSourceRoots().stream().map(Path::of).toList();
        List<Path> classpath = project.getArtifacts().stream()
                .map(Artifact::getFile)
                .filter(f -> f != null)
                .map(java.io.File::toPath)
                .toList();
        return new FactoryInterface(factoryInterface.trim(), sources, classpath);
    }
}
