// Run 1 built the registry in a forked JVM; run 2, in Maven's JVM, found it current.
import groovy.json.JsonSlurper

String log = new File(basedir, 'build.log').text
def logHas = { String text -> assert log.contains(text) : "build.log lacks: $text" }
// run 1 forked, and the child's stages came back as debug lines of this build
logHas('[DEBUG] switchboard: 1 proto file(s) to read, so the registry is built in a JVM of its own')
logHas('[DEBUG] switchboard: registry stage "parse and check the protos" took')
logHas('[DEBUG] switchboard: registry stage "build in a forked JVM" took')
def wrote = log.findAll(/switchboard: wrote target\/switchboard\/registry.json with 1 service\(s\) \(fingerprint ([0-9a-f]+)/) { it[1] }
def upToDate = log.findAll(/switchboard: registry is up to date \(fingerprint ([0-9a-f]+)\), nothing rewritten/) { it[1] }
assert wrote.size() == 1 : "expected one 'wrote' line in build.log, found ${wrote.size()}"
assert upToDate == wrote : "run 2 should find run 1's registry current: $upToDate against $wrote"

// the commit in Maven's JVM wrote what the child prepared, and nothing of the child was left behind
File dir = new File(basedir, 'target/switchboard')
assert dir.list().sort() == ['.lock', 'protos.cache', 'protos.parsed', 'registry.inputs', 'registry.json', 'sources.sha256']
def registry = new JsonSlurper().parse(new File(dir, 'registry.json'))
assert registry.fingerprint.startsWith(wrote[0])
assert registry.services*.name == ['shipping']
assert registry.services[0].proto.service == 'acme.shipping.v1.ShippingService'
return true
