// Both custom generators rendered with the factory's model: the Java class (compiled, and called by
// the test, which passed) and one Markdown page per service, which prints registry fields
// (service.entry: group, owner, methods, rate limit from the overrides file).
import groovy.xml.XmlSlurper

String log = new File(basedir, 'build.log').text
assert log.contains('BUILD SUCCESS') : 'the build did not succeed'
// factory, names, 3 providers, registration, registry, Inventory.java, 3 pages
assert log.contains('switchboard: generated ServiceClients with 3 service(s): 13 file(s) written') : 'build.log lacks the generate line'

def report = new XmlSlurper().parse(new File(basedir,
        'target/surefire-reports/TEST-dev.switchboard.it.generator.InventoryTest.xml'))
assert report.@tests.toInteger() == 2 : "expected 2 tests, ran ${report.@tests}"
assert report.@failures.toInteger() == 0 && report.@errors.toInteger() == 0 && report.@skipped.toInteger() == 0

File out = new File(basedir, 'target/generated-sources/switchboard')
assert new File(out, 'com/acme/Inventory.java').text.contains('new Service("dynamodb-streams", "aws", "dynamoDbStreams"),')
assert new File(basedir, 'target/classes/com/acme/Inventory.class').isFile()
assert new File(out, 'docs').list().sort() == ['dynamodb-streams.md', 'dynamodb.md', 's3.md']
def registry = new groovy.json.JsonSlurper().parse(new File(basedir, 'target/switchboard/registry.json'))
def s3 = registry.services.find { it.name == 's3' }
assert new File(out, 'docs/s3.md').text == """# s3

- kind: aws
- accessor: `ServiceClients.s3()` returns `S3Client`
- group: storage
- owner: storage-team
- methods: ${s3.methods.size()}, first ${s3.methods[0].name}
- rate limit: 100 requests per second, burst 200
"""
assert new File(out, 'docs/dynamodb.md').text.contains('- owner: nobody\n- methods: ')
assert !new File(out, 'docs/dynamodb.md').text.contains('rate limit')
return true
