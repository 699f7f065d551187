// Build 1 generated a factory implementing com.acme.Clients and ran the switch test against the servers;
// build 2 printed the analyze report as JSON; build 3 failed at the method no service answers.
import groovy.json.JsonSlurper
import groovy.xml.XmlSlurper

String log = new File(basedir, 'build.log').text
File sources = new File(basedir, 'target/generated-sources/switchboard/com/acme/clients')

// The factory implements the interface, delegating s3Client() to s3(); the switching class exists.
String factory = new File(sources, 'ServiceClients.java').text
assert factory.contains('public final class ServiceClients implements AutoCloseable, com.acme.Clients {')
assert factory.contains('public S3Client s3Client() {\n        return s3();\n    }')
assert new File(sources, 'MigratingServiceClients.java').text.contains('implements com.acme.Clients {')

// Every switch test ran and passed.
def report = new XmlSlurper().parse(new File(basedir, 'target/surefire-reports/TEST-com.acme.MigrationSwitchTest.xml'))
assert report.@tests.toInteger() == 5 : "expected 5 tests, ran ${report.@tests}"
assert report.@failures.toInteger() == 0 && report.@errors.toInteger() == 0 && report.@skipped.toInteger() == 0

// The analyze report: the application (Inventory) goes through the interface, the legacy factory builds
// its clients by hand, and sqs is selected but never called.
int start = log.indexOf('{\n  "factory"')
assert start >= 0 : 'build.log lacks the analyze JSON'
int end = log.indexOf('\n}\n', start) + 2
def analyze = new JsonSlurper().parseText(log.substring(start, end))
assert analyze.factory == 'com.acme.clients.ServiceClients'
assert analyze.legacyInterface == 'com.acme.Clients'
def byName = analyze.services.collectEntries { [(it.service): it] }
assert byName.s3.legacy == ['com.acme.Inventory.report']
assert byName.s3.handBuilt == ['com.acme.LegacyClients.<init>']
assert byName.dynamodb.legacy == ['com.acme.Inventory.report']
assert analyze.unused == ['sqs']
assert analyze.removableDependencies == ['software.amazon.awssdk:sqs']
assert analyze.selection == 'dynamodb,s3'

// Build 3: the placed message with the fix, and no stack trace at the default log level.
assert log.contains('src/main/java/com/acme/BrokenClients.java:9:12: region() returns String, which is not the'
        + ' client of any service switchboard knows; give it a body (a default method) or remove it')
assert !log.contains('\tat dev.switchboard') : 'a stack trace reached the log'
return true
