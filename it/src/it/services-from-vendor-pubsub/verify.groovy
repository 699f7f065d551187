// The vendor's protos were sources, the services recorded the artifact they came from, validate found
// the vendor's stubs with the proto's names, and the test published through clients.publisher().
import groovy.json.JsonSlurper
import groovy.xml.XmlSlurper

String log = new File(basedir, 'build.log').text
assert log.contains('BUILD SUCCESS') : 'the build did not succeed'
assert log.contains('switchboard: the registry is valid') : 'build.log lacks the validate line'

def registry = new JsonSlurper().parse(new File(basedir, 'target/switchboard/registry.json'))
def services = registry.services.collectEntries { [(it.name): it] }
assert services.keySet() as List == ['publisher', 'subscriber'] : "services: ${services.keySet()}"
services.values().each {
    assert it.proto.artifact == 'com.google.api.grpc:proto-google-cloud-pubsub-v1:1.160.0'
    assert it.proto.file == 'google/pubsub/v1/pubsub.proto'
}
assert services.publisher.proto.service == 'google.pubsub.v1.Publisher'
assert services.publisher.proto.stubClass == 'com.google.pubsub.v1.PublisherGrpc'
assert services.publisher.methods*.name.containsAll(['CreateTopic', 'Publish'])
assert services.publisher.endpoints.any { it.verb == 'PUT' && it.path == '/v1/{name=projects/*/topics/*}' }

def report = new XmlSlurper().parse(new File(basedir,
        'target/surefire-reports/TEST-com.acme.pubsub.PublisherThroughFactoryTest.xml'))
assert report.@tests.toInteger() == 1 : "expected 1 test, ran ${report.@tests}"
assert report.@failures.toInteger() == 0 && report.@errors.toInteger() == 0 && report.@skipped.toInteger() == 0
String factory = new File(basedir,
        'target/generated-sources/switchboard/com/acme/pubsub/clients/ServiceClients.java').text
assert factory.contains('public PublisherGrpc.PublisherBlockingStub publisher()')
return true
