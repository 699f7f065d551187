// protoc and grpc-java generated the stubs, switchboard read the same protos into its registry and
// generated the factory after them, all compiled together, and the JUnit test that runs a real
// gRPC server and calls it through the factory ran and passed.
import groovy.json.JsonSlurper
import groovy.xml.XmlSlurper

String log = new File(basedir, 'build.log').text
assert log.contains('BUILD SUCCESS') : 'the build did not succeed'
int protoc = log.indexOf('--- protobuf:5.1.12:generate (default) @ ')
int registryGoal = log.indexOf(':registry (registry) @ generate-grpc-stubs-against-real-server')
int generate = log.indexOf(':generate (generate) @ generate-grpc-stubs-against-real-server')
assert protoc >= 0 : 'protobuf-maven-plugin did not run'
assert registryGoal > protoc && generate > registryGoal : 'switchboard did not run after protobuf-maven-plugin'
assert log.contains('PROTOC SUCCEEDED') : 'protoc did not succeed'
assert log.contains('switchboard: generated ServiceClients with 2 service(s)') : 'build.log lacks the generate line'

def report = new XmlSlurper().parse(new File(basedir,
        'target/surefire-reports/TEST-dev.switchboard.it.grpc.GrpcThroughFactoryTest.xml'))
assert report.@tests.toInteger() == 4 : "expected 4 tests, ran ${report.@tests}"
assert report.@failures.toInteger() == 0 && report.@errors.toInteger() == 0 && report.@skipped.toInteger() == 0

// The registry came from the .proto files: names, kinds, stub classes, and the type dependency.
def registry = new JsonSlurper().parse(new File(basedir, 'target/switchboard/registry.json'))
def services = registry.services.collectEntries { [(it.name): it] }
assert services.keySet() as List == ['order', 'user']
assert services.values()*.kind.unique() == ['grpc']
assert services.user.proto.stubClass == 'com.acme.user.v1.UserServiceGrpc'
assert services.order.proto.stubClass == 'com.acme.order.v1.OrderServiceGrpc'
assert services.user.methods*.name == ['GetUser', 'ListUsers']
assert services.user.methods.find { it.name == 'ListUsers' }.serverStreaming == true
assert services.order.dependencies*.service == ['user']

// The factory uses the stubs protoc generated; a gRPC-only factory imports nothing of AWS.
File sources = new File(basedir, 'target/generated-sources/switchboard/com/acme/clients')
String factory = new File(sources, 'ServiceClients.java').text
assert factory.contains('public UserServiceGrpc.UserServiceBlockingStub user()')
assert factory.contains('public UserServiceGrpc.UserServiceFutureStub userFuture()')
assert !factory.contains('software.amazon.awssdk')
assert new File(basedir, 'target/generated-sources/protobuf/com/acme/user/v1/UserServiceGrpc.java').isFile()
assert new File(basedir, 'target/classes/META-INF/switchboard/registry.json').isFile()
return true
