// The dynamic wrapper was generated next to the factory (s3 compiled in, nothing else), and the tests
// that edit the registry file at run time, call DynamoDB Local through a service added that way, and
// call the REST-only catalog through the generic client all ran and passed.
import groovy.xml.XmlSlurper

String log = new File(basedir, 'build.log').text
assert log.contains('BUILD SUCCESS') : 'the build did not succeed'

File sources = new File(basedir, 'target/generated-sources/switchboard/com/acme/shop')
String dynamic = new File(sources, 'DynamicServiceClients.java').text
assert dynamic.contains('case "s3":') && !dynamic.contains('case "dynamodb":') : 'only s3 is compiled in'
assert new File(sources, 'provider').list().sort() == ['S3Provider.java']

def report = new XmlSlurper().parse(new File(basedir,
        'target/surefire-reports/TEST-dev.switchboard.it.dynamic.DynamicRegistryTest.xml'))
assert report.@tests.toInteger() == 3 : "expected 3 tests, ran ${report.@tests}"
assert report.@failures.toInteger() == 0 && report.@errors.toInteger() == 0 && report.@skipped.toInteger() == 0

String output = new File(basedir,
        'target/surefire-reports/dev.switchboard.it.dynamic.DynamicRegistryTest-output.txt').text
assert output =~ /dynamic-registry: dynamodb served \d+ ms after the file was replaced/
assert output.contains('switchboard: reloaded') : 'the reload was not logged'
assert output.contains('ignoring the new content of the registry file') : 'the corrupt edit was not logged'
assert output.contains('does not exist; serving the bundled registry') : 'the fallback was not logged'
return true
