// Removing an rpc broke the build by buf's RPC_NO_DELETE (PACKAGE, the default category); adding one did
// not, and its report says so.
import groovy.json.JsonSlurper

String log = new File(basedir, 'build.log').text
assert log =~ /removed\s+order\.CancelOrder\s+method\s+yes/
assert log.contains('switchboard: 1 breaking change(s):')
assert log.contains('[ERROR] removed order.CancelOrder (RPC_NO_DELETE, acme/order.proto)')

def report = new JsonSlurper().parse(new File(basedir, 'target/compare.json'))
assert report.breaking == 0
assert report.category == 'PACKAGE'
assert report.changes*.subject == ['order.TrackOrder']
assert report.changes*.kind == ['added']
true
