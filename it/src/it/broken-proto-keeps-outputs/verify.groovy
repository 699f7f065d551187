// Run 1 wrote the registry from the good tree; run 2 failed on syntax errors; run 3 failed on unresolved
// types; run 4 wrote the good tree's registry again into target/switchboard-fresh. The failed runs must
// name every error at file:line:col and leave run 1's registry exactly as it was.
import groovy.json.JsonSlurper

String log = new File(basedir, 'build.log').text
def logHas = { pattern -> assert log =~ pattern : "build.log has no line matching /${pattern}/" }

// run 2: both syntax errors, each in its own file, in the same run
String syntaxTree = 'src/broken-syntax/proto/acme/catalog/v1/'
logHas(/\[ERROR\] ${syntaxTree}catalog\.proto:9:40: syntax error: expected '\(' but was 'I'/)
logHas(/\[ERROR\] ${syntaxTree}pricing\.proto:12:17: syntax error/)
logHas(/switchboard: 3 problems in the proto sources:/)

// stock.proto imports neither broken file, so it is linked in the same run and its unresolved type
// is reported together with the syntax errors
logHas(/\[ERROR\] ${syntaxTree}stock\.proto:8:3: unable to resolve Warehouse/)

// run 3: both unresolved types, each in its own file, in the same run
String linkTree = 'src/broken-links/proto/acme/catalog/v1/'
logHas(/\[ERROR\] ${linkTree}catalog\.proto:15:3: unable to resolve Prise/)
logHas(/\[ERROR\] ${linkTree}pricing\.proto:13:3: unable to resolve Currency/)
logHas(/switchboard: 2 problems linking the proto sources:/)

def count = { pattern -> log.findAll(pattern).size() }
// runs 2 and 3 failed on the user's input, and said that nothing was changed
// each problem is printed once as an [ERROR] line (not also logged on its own before the failure)
int syntaxLines = count(/\[ERROR\] ${syntaxTree}catalog\.proto:9:40/)
assert syntaxLines == 1 : "expected the syntax error once as an [ERROR] line, found $syntaxLines"
int keptNotes = count(/\[ERROR\] The registry and earlier outputs were left as they were\./)
assert keptNotes == 2 : "expected 2 'left as they were' notes, found $keptNotes"
int failures = count(/BUILD FAILURE/)
assert failures == 2 : "expected 2 failed runs, found $failures"
// runs 1 and 4 wrote; runs 2 and 3 did not
int writes = count(/switchboard: wrote target\/switchboard(-fresh)?\/registry\.json with 2 service\(s\)/)
assert writes == 2 : "expected 2 'wrote' lines, found $writes"

// run 1's registry is still there, byte for byte what the good tree gives
File kept = new File(basedir, 'target/switchboard/registry.json')
File fresh = new File(basedir, 'target/switchboard-fresh/registry.json')
assert kept.isFile() && fresh.isFile()
assert kept.bytes == fresh.bytes : 'target/switchboard/registry.json changed after the failed runs'
assert new JsonSlurper().parse(kept).services*.name == ['catalog', 'pricing']
// no backup of the old registry (a rewrite would keep one), no temporary files
assert new File(basedir, 'target/switchboard').list().sort() == ['.lock', 'protos.cache', 'protos.parsed', 'registry.inputs', 'registry.json', 'sources.sha256']
return true
