package dev.switchboard.core.publish;

/**
 * How a front end names its switches, so that messages tell the user what to set in their own terms.
 *
 * @param connect the connect string ({@code switchboard.zookeeper.connect} or {@code --zookeeper})
 * @param path the path ({@code switchboard.zookeeper.path} or {@code --path})
 * @param authFile the credentials file ({@code switchboard.zookeeper.authFile} or {@code --auth-file})
 * @param allowBreaking the gate's override ({@code -Dswitchboard.publish.allowBreaking=true} or {@code
 *     --allow-breaking})
 * @param fleet the command that lists the fleet ({@code mvn switchboard:fleet} or {@code switchboard fleet})
 */
public record FleetNames(String connect, String path, String authFile, String allowBreaking, String fleet) {

    /** The names of the Maven goals' properties. */
    public static final FleetNames MAVEN = new FleetNames(
            "switchboard.zookeeper.connect",
            "switchboard.zookeeper.path",
            "switchboard.zookeeper.authFile",
            "-Dswitchboard.publish.allowBreaking=true",
            "mvn switchboard:fleet");

    /** The names of the command line's options. */
    public static final FleetNames CLI =
            new FleetNames("--zookeeper", "--path", "--auth-file", "--allow-breaking", "switchboard fleet");
}
