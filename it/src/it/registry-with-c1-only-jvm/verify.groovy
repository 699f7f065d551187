// Maven started with README's .mvn/jvm.config, and the registry built under it.
import groovy.json.JsonSlurper

assert new File(basedir, '.mvn/jvm.config').text.trim() == '-XX:TieredStopAtLevel=1'
String log = new File(basedir, 'build.log').text
// the JVM that ran the build printed its flags: the file's is among them
def flags = log.readLines().find { it.startsWith('-XX:') && it.contains('-XX:+PrintCommandLineFlags') }
assert flags != null : 'build.log has no line of JVM flags'
assert flags.split(' ').contains('-XX:TieredStopAtLevel=1') : "Maven's JVM did not start with .mvn/jvm.config's flag: $flags"
assert log =~ /switchboard: wrote target\/switchboard\/registry.json with 1 service\(s\)/ : 'build.log has no registry written'
def registry = new JsonSlurper().parse(new File(basedir, 'target/switchboard/registry.json'))
assert registry.services*.name == ['shipping']
assert registry.services[0].proto.service == 'acme.shipping.v1.ShippingService'
return true
