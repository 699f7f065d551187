package dev.switchboard.maven.mojo;

import dev.switchboard.core.publish.FleetNames;
import dev.switchboard.core.publish.FleetService;
import dev.switchboard.core.render.Rollback;
import java.io.File;
import java.util.OptionalLong;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.plugins.annotations.ResolutionScope;

/**
 * Restores {@code registry.previous.json} as the registry (the current one becomes the previous, so a
 * second rollback undoes the first) and regenerates the sources from it as it is. A project that only
 * builds the registry (no {@code switchboard-runtime} dependency, or no earlier {@code generate} run)
 * gets its registry alone rolled back. The next build that runs {@code registry} or {@code generate}
 * rebuilds the registry from the inputs again if they differ.
 *
 * <p>With {@code -Dswitchboard.zookeeper.connect=…} it rolls back the fleet instead: the pointer of the
 * registry published under {@code switchboard.zookeeper.path} moves back one version, or to {@code
 * -Dswitchboard.rollback.to=N}, and every following application switches; local files stay as they are.
 *
 * @since 0.1.0
 */
@Mojo(name = "rollback", requiresDependencyResolution = ResolutionScope.COMPILE, threadSafe = true)
public class RollbackMojo extends AbstractGenerateMojo {

    /**
     * The ZooKeeper ensemble whose fleet to roll back; when unset, the local registry is rolled back.
     *
     * <pre>{@code -Dswitchboard.zookeeper.connect=zk1:2181,zk2:2181,zk3:2181}</pre>
     *
     * @since 0.1.0
     */
    @Parameter(property = PropertyNames.ZOOKEEPER_CONNECT)
    private String zookeeperConnect;

    /**
     * The path under which the registry lives in ZooKeeper.
     *
     * <pre>{@code -Dswitchboard.zookeeper.path=/switchboard/shop}</pre>
     *
     * @since 0.1.0
     */
    @Parameter(property = PropertyNames.ZOOKEEPER_PATH, defaultValue = "/switchboard/${project.artifactId}")
    private String zookeeperPath;

    /**
     * A file holding the publishing identity's {@code user:password}; else {@code SWITCHBOARD_ZOOKEEPER_AUTH}.
     *
     * <pre>-Dswitchboard.zookeeper.authFile=${user.home}/.switchboard/zookeeper</pre>
     *
     * @since 0.1.0
     */
    @Parameter(property = PropertyNames.ZOOKEEPER_AUTH_FILE)
    private File zookeeperAuthFile;

    /**
     * The version to roll the fleet back to; one before the version in force when unset.
     *
     * <pre>{@code -Dswitchboard.rollback.to=12}</pre>
     *
     * @since 0.1.0
     */
    @Parameter(property = PropertyNames.ROLLBACK_TO)
    private Long to;

    @Override
    protected void run() throws Exception {
        if (zookeeperConnect != null && !zookeeperConnect.isBlank()) {
            new FleetService(FleetNames.MAVEN, reporter())
                    .rollback(
                            FleetParameters.connection(zookeeperConnect, zookeeperPath, zookeeperAuthFile, null),
                            to == null ? OptionalLong.empty() : OptionalLong.of(to));
            return;
        }
        boolean generates = runtimeIsDependency();
        Rollback.Request request = generates
                ? Rollback.Request.withSources(generateRequest())
                : Rollback.Request.registryOnly(registryRequest());
        long started = System.nanoTime();
        Rollback.Outcome outcome = new Rollback().run(request);
        String restored = "switchboard: restored " + outcome.registryFile().getFileName() + " from "
                + outcome.previousFile().getFileName();
        if (outcome.registryOnly()) {
            getLog().info(restored + "; the registry alone, as "
                    + (generates
                            ? "no earlier `generate` run left sources to regenerate"
                            : "switchboard-runtime is not a dependency, so the project generates no sources"));
            return;
        }
        getLog().info(restored);
        logGenerated(outcome.regenerated(), started);
        addRoots();
    }
}
