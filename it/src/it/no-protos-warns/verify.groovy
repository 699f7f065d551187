// Run 1 warned and wrote an empty registry; run 2 failed because failOnMissingSources was set.
import groovy.json.JsonSlurper

String log = new File(basedir, 'build.log').text

// run 1: one warning that names the directory searched, relative to the project
def logHas = { String text -> assert log.contains(text) : "build.log lacks: $text" }
logHas('[WARNING] switchboard: no .proto files found in src/main/proto; the registry has no proto services')
logHas('switchboard: wrote target/switchboard/registry.json with 0 service(s)')

// run 2: an error that names the parameter, the directory and what to do
assert log =~ /\[ERROR\] <protoSourceRoots>: no \.proto files found in src\/main\/proto; .*failOnMissingSources/ :
        'build.log has no error naming <protoSourceRoots>, src/main/proto and failOnMissingSources'
logHas('The registry and earlier outputs were left as they were.')
logHas('BUILD FAILURE')

// run 1's registry stays as it was: empty, and not replaced by run 2
File dir = new File(basedir, 'target/switchboard')
assert dir.list().sort() == ['.lock', 'registry.inputs', 'registry.json']
def registry = new JsonSlurper().parse(new File(dir, 'registry.json'))
assert registry.services == []
return true
