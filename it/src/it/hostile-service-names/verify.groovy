// The registry took the names from (switchboard.name), the factory escaped them into accessors that
// compile, and the test that calls each against a real gRPC server ran and passed.
import groovy.json.JsonSlurper
import groovy.xml.XmlSlurper

String log = new File(basedir, 'build.log').text
assert log.contains('BUILD SUCCESS') : 'the build did not succeed'
assert log.contains('PROTOC SUCCEEDED') : 'protoc did not succeed'
assert log.contains('switchboard: generated ServiceClients with 6 service(s)') : 'build.log lacks the generate line'

def report = new XmlSlurper().parse(new File(basedir,
        'target/surefire-reports/TEST-dev.switchboard.it.hostile.HostileNamesTest.xml'))
assert report.@tests.toInteger() == 3 : "expected 3 tests, ran ${report.@tests}"
assert report.@failures.toInteger() == 0 && report.@errors.toInteger() == 0 && report.@skipped.toInteger() == 0

// switchboard/options.proto, which protoc compiled from the switchboard-options jar, added no service.
def registry = new JsonSlurper().parse(new File(basedir, 'target/switchboard/registry.json'))
def services = registry.services.collectEntries { [(it.name): it] }
assert services.keySet() as List == ['a-b', 'a.b', 'class', 'client', 'close', 'default']
assert services['class'].proto.stubClass == 'com.hostile.v1.KeywordServiceGrpc'
assert services['a.b'].proto.stubClass == 'com.hostile.v1.DotServiceGrpc'

String factory = new File(basedir, 'target/generated-sources/switchboard/com/hostile/clients/ServiceClients.java').text
[' class_()', ' default_()', ' closeService()', ' clientService()', ' aB()', ' aB2()', ' close()', ' client(String name)'].each {
    assert factory.contains(it) : "the factory lacks$it"
}
assert new File(basedir, 'target/generated-sources/switchboard/com/hostile/clients/provider').list().sort() ==
        ['ABProvider.java', 'ABProvider2.java', 'ClassProvider.java', 'ClientProvider.java', 'CloseProvider.java', 'DefaultProvider.java']
return true
