// Run 1 and 2 passed with every checked service healthy, run 3 failed with one line per unhealthy
// service in the words of its status, run 4 failed on the mistyped name in the endpoints file, run 5 on
// a gRPC host that does not resolve.
import groovy.json.JsonSlurper

def servers = System.properties.remove('health-http-and-grpc.servers')
servers?.each { it instanceof com.sun.net.httpserver.HttpServer ? it.stop(0) : it.shutdownNow() }

String log = new File(basedir, 'build.log').text
def expect = { String text -> assert log.contains(text) : "build.log lacks: $text" }

// Run 1: the table, the skipped service, and the success line.
expect('switchboard: not checked, no endpoint: order')
// the table is data: printed on standard output, not through Maven's log, so it has no [INFO] prefix
assert log =~ /(?m)^SERVICE +STATUS +LATENCY/ : 'table header on standard output'
expect('switchboard: all 3 service(s) healthy (3 serving)')
assert log =~ /(?m)^billing +serving +\d+ ms +GET http:\/\/127\.0\.0\.1:\d+\/actuator\/health/ : 'billing row'
assert log =~ /(?m)^inventory +serving +\d+ ms +GET http:\/\/127\.0\.0\.1:\d+\/ready/ : 'inventory row'
assert log =~ /(?m)^user +serving +\d+ ms +grpc\.health\.v1\.Health\/Check "acme\.user\.v1\.UserService" at grpc:\/\/127\.0\.0\.1:\d+/ : 'user row'

// Run 2: the same as JSON in a file.
def report = new JsonSlurper().parse(new File(basedir, 'target/health.json'))
assert report.results*.service == ['billing', 'inventory', 'user']
assert report.results*.status == ['serving', 'serving', 'serving']
assert report.results*.healthy == [true, true, true]
assert report.skipped == ['order']

// Run 3: one failure line per service, each status in its own words.
expect('switchboard: 4 of 4 service(s) unhealthy:')
assert log =~ /billing: rpc failed: no answer within 500 ms \(GET http:\/\/127\.0\.0\.1:\d+\/slow\/health\)/ : 'billing line'
assert log =~ /inventory: unreachable: connection refused \(GET http:\/\/127\.0\.0\.1:\d+\/ready\)/ : 'inventory line'
assert log =~ /order: not serving: answered NOT_SERVING \(grpc\.health\.v1\.Health\/Check "acme\.order\.v1\.OrderService" at grpc:\/\/127\.0\.0\.1:\d+\)/ : 'order line'
assert log =~ /user: no health service: the server does not implement grpc\.health\.v1\.Health/ : 'user line'

// Run 4: the mistyped name, at its file and line, with the nearest service.
expect('src/main/switchboard/endpoints-typo.properties:2:1: "usr" is not a service of the registry (nearest: user')
// Run 5: the unknown host in the result's words; gRPC's own log of the channel stays out of the build's.
expect('user: unreachable: unknown host nothing.invalid')
assert !log.contains('Failed to resolve name') : "gRPC's logging of the failed channel reached the build's output"
assert log.count('BUILD SUCCESS') == 2 : 'runs 1 and 2 should succeed'
assert log.count('BUILD FAILURE') == 3 : 'runs 3, 4 and 5 should fail'
return true
