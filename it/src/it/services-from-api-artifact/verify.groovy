// billing-api was installed with its protos and stubs; checkout, with no protos of its own, made them
// its sources through <protoSourceDependencies>, recorded where the service came from, validated the
// stubs, and called a real server through the generated factory.
import groovy.json.JsonSlurper
import groovy.xml.XmlSlurper

File checkout = new File(basedir, 'checkout')
String log = new File(basedir, 'build.log').text
assert log.contains('BUILD SUCCESS') : 'a build did not succeed'
assert log.contains('switchboard: generated ServiceClients with 1 service(s)') : 'build.log lacks the generate line'
assert log.contains('switchboard: the registry is valid') : 'build.log lacks the validate line'
assert !log.contains('no .proto files found') : 'the dependency protos were not taken as sources'

def registry = new JsonSlurper().parse(new File(checkout, 'target/switchboard/registry.json'))
assert registry.services*.name == ['billing']
def billing = registry.services[0]
assert billing.proto.artifact == 'com.acme:billing-api:3.2.0'
assert billing.proto.file == 'acme/billing/v1/billing.proto'
assert billing.proto.stubClass == 'com.acme.billing.v1.BillingServiceGrpc'
assert billing.methods*.name == ['Charge']
// money.proto holds no service: unpacked, scanned, and it adds nothing.
assert new File(checkout, 'target/switchboard-proto-dependencies/com.acme/billing-api/acme/billing/v1/money.proto').isFile()

def report = new XmlSlurper().parse(new File(checkout,
        'target/surefire-reports/TEST-com.acme.checkout.BillingThroughFactoryTest.xml'))
assert report.@tests.toInteger() == 1 : "expected 1 test, ran ${report.@tests}"
assert report.@failures.toInteger() == 0 && report.@errors.toInteger() == 0 && report.@skipped.toInteger() == 0
String factory = new File(checkout,
        'target/generated-sources/switchboard/com/acme/checkout/clients/ServiceClients.java').text
assert factory.contains('public BillingServiceGrpc.BillingServiceBlockingStub billing()')
return true
