package dev.switchboard.maven.mojo;

import dev.switchboard.core.inspect.Format;
import dev.switchboard.core.publish.FleetNames;
import dev.switchboard.core.publish.FleetService;
import dev.switchboard.core.publish.FleetView;
import java.io.File;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * Lists the registry's versions in ZooKeeper (number, fingerprint, when, by whom, services added,
 * removed and changed) and the application instances serving each, on standard output: {@code table},
 * {@code json} or {@code yaml}.
 *
 * @since 0.1.0
 */
@Mojo(name = "fleet", requiresProject = false, threadSafe = true)
public class FleetMojo extends AbstractSwitchboardMojo {

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
     * The path under which the registry lives.
     *
     * <pre>{@code -Dswitchboard.zookeeper.path=/switchboard/shop}</pre>
     *
     * @since 0.1.0
     */
    @Parameter(property = PropertyNames.ZOOKEEPER_PATH, defaultValue = "/switchboard/${project.artifactId}")
    private String zookeeperPath;

    /**
     * A file holding {@code user:password} for ZooKeeper; else {@code SWITCHBOARD_ZOOKEEPER_AUTH}.
     *
     * <pre>-Dswitchboard.zookeeper.authFile=${user.home}/.switchboard/zookeeper</pre>
     *
     * @since 0.1.0
     */
    @Parameter(property = PropertyNames.ZOOKEEPER_AUTH_FILE)
    private File zookeeperAuthFile;

    /**
     * How to print: {@code table}, {@code json} or {@code yaml}.
     *
     * <pre>{@code -Dswitchboard.format=json}</pre>
     *
     * @since 0.1.0
     */
    @Parameter(property = PropertyNames.FORMAT)
    private String format;

    @Override
    protected void run() throws Exception {
        Format chosen = Format.of(format, Format.TABLE, Format.JSON, Format.YAML);
        String text = FleetView.render(
                new FleetService(FleetNames.MAVEN, reporter())
                        .fleet(FleetParameters.connection(zookeeperConnect, zookeeperPath, zookeeperAuthFile, null)),
                chosen);
        // Data, not log lines: `mvn -q switchboard:fleet -Dswitchboard.format=json | jq` works.
        System.out.print(text);
        System.out.flush();
    }
}
