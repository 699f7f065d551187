// Starts a real ZooKeeper server on loopback and an application instance that follows the registry
// published to it (the runtime's LiveRegistry over switchboard-zookeeper's follower, as the generated
// DynamicServiceClients builds it). Both run in the Invoker's JVM until verify.groovy stops them.
import dev.switchboard.runtime.live.LiveRegistry
import dev.switchboard.zookeeper.ZooKeeperConnection
import dev.switchboard.zookeeper.ZooKeeperFollower
import dev.switchboard.zookeeper.ZooKeeperLocation
import java.time.Duration
import org.apache.curator.test.TestingServer

def server = new TestingServer(true)
new File(basedir, 'zookeeper.properties').text = """\
switchboard.zookeeper.connect=${server.connectString}
switchboard.zookeeper.path=/switchboard/shop
"""
def connection = ZooKeeperConnection.of(new ZooKeeperLocation(server.connectString, '/switchboard/shop'))
// Nothing is published yet: the instance serves the (empty) bundled registry and switches on the first publish.
def follower = new ZooKeeperFollower(connection, Duration.ofSeconds(2), 'it-app', LiveRegistry.DEFAULT_MAX_BYTES)
def live = LiveRegistry.following(follower, Optional.empty(), getClass().classLoader, false, LiveRegistry.DEFAULT_MAX_BYTES)
System.properties.put('fleet-publish-and-follow', [live, server])
return true
