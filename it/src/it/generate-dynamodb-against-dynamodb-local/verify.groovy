// The factory was generated into <packageName>, compiled, and the JUnit test that calls DynamoDB
// Local through it ran and passed; with no HTTP client chosen, the first on the classpath was used
// and the log names it.
import groovy.xml.XmlSlurper

String log = new File(basedir, 'build.log').text
assert log.contains('switchboard: generated ServiceClients with 2 service(s)') : 'build.log lacks the generate line'
assert log.contains('BUILD SUCCESS') : 'the build did not succeed'

def report = new XmlSlurper().parse(new File(basedir,
        'target/surefire-reports/TEST-dev.switchboard.it.dynamodb.DynamoDbThroughFactoryTest.xml'))
assert report.@tests.toInteger() == 1 : "expected 1 test, ran ${report.@tests}"
assert report.@failures.toInteger() == 0 && report.@errors.toInteger() == 0 && report.@skipped.toInteger() == 0
assert report.testcase*.@name*.toString() == ['createsATablePutsAndGetsAnItem']

String output = new File(basedir,
        'target/surefire-reports/dev.switchboard.it.dynamodb.DynamoDbThroughFactoryTest-output.txt').text
String picked = 'switchboard: dynamodb uses the apache HTTP client (first on the classpath; choose one with httpClient(…))'
assert output.contains(picked) : "the test output lacks: $picked"
assert output.contains('switchboard: dynamodb-streams uses the apache HTTP client') : 'no HTTP client line for dynamodb-streams'

File sources = new File(basedir, 'target/generated-sources/switchboard/com/acme/data')
assert new File(sources, 'ServiceClients.java').text.startsWith('package com.acme.data;')
assert new File(sources, 'provider').list().sort() == ['DynamoDbProvider.java', 'DynamoDbStreamsProvider.java']
assert !new File(basedir, 'target/generated-sources/switchboard/dev').exists() : 'sources also went to the default package'
// -disableTelemetry: DynamoDB Local wrote no metadata file into the working directory.
assert !new File(basedir, 'dynamodb-local-metadata.json').exists() : 'DynamoDB Local wrote its telemetry metadata'
return true
