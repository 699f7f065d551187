package dev.switchboard.maven.mojo;

import dev.switchboard.core.inspect.BreakingCategory;
import dev.switchboard.core.inspect.BreakingOptions;
import dev.switchboard.core.publish.FleetNames;
import dev.switchboard.core.publish.FleetService;
import dev.switchboard.runtime.registry.Registry;
import dev.switchboard.zookeeper.ZooKeeperConnection;
import java.io.File;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.plugins.annotations.ResolutionScope;

/**
 * Publishes the registry to ZooKeeper for a fleet of applications that follow it: brings the registry up
 * to date, validates it, refuses breaking changes against the version in force (unless {@code
 * -Dswitchboard.publish.allowBreaking=true}), writes an immutable version and moves the fleet's pointer
 * to it in one transaction. An unchanged fingerprint publishes nothing. Credentials come from {@code
 * switchboard.zookeeper.authFile} or {@code SWITCHBOARD_ZOOKEEPER_AUTH}.
 *
 * @since 0.1.0
 */
@Mojo(name = "publish", requiresDependencyResolution = ResolutionScope.COMPILE, threadSafe = true)
public class PublishMojo extends AbstractInspectMojo {

    /**
     * The ZooKeeper ensemble.
     *
     * <pre>{@code -Dswitchboard.zookeeper.connect=zk1:2181,zk2:2181,zk3:2181}</pre>
     *
     * @since 0.1.0
     */
    @Parameter(property = PropertyNames.ZOOKEEPER_CONNECT)
    private String zookeeperConnect;

    /**
     * The path under which the registry's versions, pointer and instances live.
     *
     * <pre>{@code -Dswitchboard.zookeeper.path=/switchboard/shop}</pre>
     *
     * @since 0.1.0
     */
    @Parameter(property = PropertyNames.ZOOKEEPER_PATH, defaultValue = "/switchboard/${project.artifactId}")
    private String zookeeperPath;

    /**
     * A file holding the publishing identity's {@code user:password} (ZooKeeper digest); else {@code
     * SWITCHBOARD_ZOOKEEPER_AUTH}; else none, and published nodes are open to all.
     *
     * <pre>-Dswitchboard.zookeeper.authFile=${user.home}/.switchboard/zookeeper</pre>
     *
     * @since 0.1.0
     */
    @Parameter(property = PropertyNames.ZOOKEEPER_AUTH_FILE)
    private File zookeeperAuthFile;

    /**
     * The digest identities ({@code user:base64hash}) that may read published nodes; with credentials and
     * none named, anyone may read them and only the publisher write them.
     *
     * <pre>{@code -Dswitchboard.zookeeper.readers=app:x3Fv…=}</pre>
     *
     * @since 0.1.0
     */
    @Parameter(property = PropertyNames.ZOOKEEPER_READERS)
    private String zookeeperReaders;

    /**
     * How many versions to keep; older ones are deleted after the pointer moved.
     *
     * <pre>{@code -Dswitchboard.publish.keep=50}</pre>
     *
     * @since 0.1.0
     */
    @Parameter(property = PropertyNames.PUBLISH_KEEP, defaultValue = "20")
    private int keep;

    /**
     * Publishes even when a change breaks callers of the version in force.
     *
     * <pre>{@code -Dswitchboard.publish.allowBreaking=true}</pre>
     *
     * @since 0.1.0
     */
    @Parameter(property = PropertyNames.PUBLISH_ALLOW_BREAKING, defaultValue = "false")
    private boolean allowBreaking;

    /**
     * Which of buf's breaking-change categories the gate judges with, as for {@code compare}.
     *
     * <pre>{@code -Dswitchboard.compare.category=WIRE_JSON}</pre>
     *
     * @since 0.1.0
     */
    @Parameter(property = PropertyNames.COMPARE_CATEGORY, defaultValue = "PACKAGE")
    private String category;

    @Override
    protected void inspect(Registry registry) throws Exception {
        ZooKeeperConnection connection =
                FleetParameters.connection(zookeeperConnect, zookeeperPath, zookeeperAuthFile, zookeeperReaders);
        BreakingOptions options =
                new BreakingOptions(BreakingCategory.parse(category, PropertyNames.COMPARE_CATEGORY), false);
        new FleetService(FleetNames.MAVEN, reporter())
                .publish(new FleetService.PublishRequest(
                        registry, connection, FleetService.identity(connection), keep, allowBreaking, options));
    }
}
