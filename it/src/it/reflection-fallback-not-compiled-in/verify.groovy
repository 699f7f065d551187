// Only s3 was compiled into the factory; the bundled registry still holds all three services, and
// the test that reaches dynamodb by reflection against DynamoDB Local ran and passed.
import groovy.json.JsonSlurper
import groovy.xml.XmlSlurper

String log = new File(basedir, 'build.log').text
assert log.contains('BUILD SUCCESS') : 'the build did not succeed'
assert log.contains('switchboard: selected 1 service(s) by switchboard.services=s3: s3') : 'build.log lacks the selection line'
assert log.contains('switchboard: generated ServiceClients with 1 service(s)') : 'build.log lacks the generate line'

def report = new XmlSlurper().parse(new File(basedir,
        'target/surefire-reports/TEST-dev.switchboard.it.fallback.ReflectionFallbackTest.xml'))
assert report.@tests.toInteger() == 5 : "expected 5 tests, ran ${report.@tests}"
assert report.@failures.toInteger() == 0 && report.@errors.toInteger() == 0 && report.@skipped.toInteger() == 0

// One provider, for s3 only; no dynamodb code anywhere in the generated sources.
File sources = new File(basedir, 'target/generated-sources/switchboard/dev/switchboard/it/switchboard')
assert new File(sources, 'provider').list().sort() == ['S3Provider.java']
assert !new File(sources, 'ServiceClients.java').text.contains('DynamoDb')
File resources = new File(basedir, 'target/classes/META-INF')
assert new File(resources, 'services/dev.switchboard.runtime.ServiceClientProvider').readLines()
        .findAll { it && !it.startsWith('#') } == ['dev.switchboard.it.switchboard.provider.S3Provider']

// The bundled registry is the whole registry, with the class names reflection needs.
def bundled = new JsonSlurper().parse(new File(resources, 'switchboard/registry.json'))
def services = bundled.services.collectEntries { [(it.name): it] }
assert services.keySet() as List == ['dynamodb', 'dynamodb-streams', 's3']
assert services.dynamodb.aws.clientClass == 'software.amazon.awssdk.services.dynamodb.DynamoDbClient'

String output = new File(basedir,
        'target/surefire-reports/dev.switchboard.it.fallback.ReflectionFallbackTest-output.txt').text
assert output.contains('switchboard: dynamodb uses the apache HTTP client') : 'no HTTP client line for the reflective dynamodb client'
return true
