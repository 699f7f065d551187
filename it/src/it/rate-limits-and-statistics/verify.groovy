// The overrides file's rate limit reached the registry and the bundled index; the test that calls
// DynamoDB Local through the generated factory under that limit ran and passed, and printed its
// figures and the statistics table.
import groovy.json.JsonSlurper
import groovy.xml.XmlSlurper

String log = new File(basedir, 'build.log').text
assert log.contains('BUILD SUCCESS') : 'the build did not succeed'

def registry = new JsonSlurper().parse(new File(basedir, 'target/switchboard/registry.json'))
def dynamodb = registry.services.find { it.name == 'dynamodb' }
assert dynamodb.rateLimit == [requestsPerSecond: 20.0, burst: 5] : "rateLimit in the registry: ${dynamodb.rateLimit}"
String index = new File(basedir, 'target/generated-resources/switchboard/META-INF/switchboard/clients.properties').text
assert index.contains('dynamodb=aws software.amazon.awssdk.services.dynamodb.DynamoDbClient dynamodb rate=20/5') :
        "the index lacks the limit:\n$index"

String test = 'dev.switchboard.it.limits.RateLimitsTest'
def report = new XmlSlurper().parse(new File(basedir, "target/surefire-reports/TEST-${test}.xml"))
assert report.@tests.toInteger() == 2 : "expected 2 tests, ran ${report.@tests}"
assert report.@failures.toInteger() == 0 && report.@errors.toInteger() == 0 && report.@skipped.toInteger() == 0

String output = new File(basedir, "target/surefire-reports/${test}-output.txt").text
assert output =~ /dynamodb, 8 threads, 20\/s burst 5, 3 s: \d+ calls ended in the window/ : 'no rate line in the test output'
def header = output.readLines().find { it.startsWith('service ') }
assert header != null && header.contains('rate limit') && header.contains('rejected') : 'no statistics table in the test output'
assert output.readLines().any { it.startsWith('dynamodb ') && it.contains('20/s burst 5') } : 'no dynamodb line in the table'
return true
