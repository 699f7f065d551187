// Run 1 (-q, JSON) wrote only the JSON document; run 2 appended the table among Maven's log lines.
import groovy.json.JsonSlurper

String log = new File(basedir, 'build.log').text
// run 2's first line is Maven's own, the first [INFO] in the file
int secondRun = log.indexOf('[INFO]')
assert secondRun > 0 : 'run 2 is in build.log'
String quiet = log.substring(0, secondRun)

// Everything run 1 printed is one JSON document: what `mvn -q … | jq .` reads.
def document = new JsonSlurper().parseText(quiet)
assert document instanceof Map && document.services instanceof List : "expected {\"services\": [...]}, got: ${quiet.take(200)}"
assert document.services*.name == ['billing', 'order', 'user']
assert !quiet.contains('[WARNING]') && !quiet.contains('[ERROR]')

// Run 2: the table's rows stand on lines of their own, not behind Maven's [INFO].
assert log =~ /(?m)^NAME +KIND/ : 'table header on standard output'
assert log =~ /(?m)^user +grpc/ : 'user row on standard output'
return true
