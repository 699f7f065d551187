// Run 1 wrote the registry; run 2, with the same inputs, must rewrite nothing and say so in one line.
import groovy.json.JsonSlurper

String log = new File(basedir, 'build.log').text
def wrote = log.findAll(/switchboard: wrote target\/switchboard\/registry.json with 1 service\(s\) \(fingerprint ([0-9a-f]+)/) { it[1] }
def upToDate = log.findAll(/switchboard: registry is up to date \(fingerprint ([0-9a-f]+)\), nothing rewritten/) { it[1] }
assert wrote.size() == 1 : "expected one 'wrote' line in build.log, found ${wrote.size()}"
assert upToDate.size() == 1 : "expected one 'up to date' line in build.log, found ${upToDate.size()}"
// the second run recognised the very registry the first one wrote
assert upToDate[0] == wrote[0]
// the summary table is printed only when something was written
int tableRows = log.findAll(/\[INFO\]   inventory +grpc/).size()
assert tableRows == 1 : "expected the summary table once, found $tableRows rows"

File dir = new File(basedir, 'target/switchboard')
// a rewrite would have kept the old registry as registry.previous.json
assert dir.list().sort() == ['.lock', 'protos.cache', 'protos.parsed', 'registry.inputs', 'registry.json', 'sources.sha256']
def registry = new JsonSlurper().parse(new File(dir, 'registry.json'))
assert registry.fingerprint.startsWith(wrote[0])
assert registry.services*.name == ['inventory']
return true
