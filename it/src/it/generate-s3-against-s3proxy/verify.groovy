// The factory was generated into the default package, compiled with the project, bundled with its
// registry and provider registration, and the JUnit test that calls S3Proxy through it ran and passed.
import groovy.json.JsonSlurper
import groovy.xml.XmlSlurper
import java.util.zip.ZipFile

String log = new File(basedir, 'build.log').text
assert log.contains('switchboard: generated ServiceClients with 1 service(s)') : 'build.log lacks the generate line'
assert log.contains('BUILD SUCCESS') : 'the build did not succeed'

// The tests ran, every one, and none failed or was skipped.
def report = new XmlSlurper().parse(new File(basedir,
        'target/surefire-reports/TEST-dev.switchboard.it.s3.S3ThroughFactoryTest.xml'))
assert report.@tests.toInteger() == 4 : "expected 4 tests, ran ${report.@tests}"
assert report.@failures.toInteger() == 0 && report.@errors.toInteger() == 0 && report.@skipped.toInteger() == 0
def ran = report.testcase*.@name*.toString() as Set
assert ran == ['putsAndGetsAnObjectThroughTheTypedAccessor', 'oneCachedClientPerServiceWhicheverWayItIsAskedFor',
               'theCredentialsGivenAreTheOnesSigned', 'aClosedFactoryCreatesNoMoreClients'] as Set : "ran: $ran"

// The HTTP client chosen in code is the one used, and the log says so (at FINE: it was chosen).
String output = new File(basedir,
        'target/surefire-reports/dev.switchboard.it.s3.S3ThroughFactoryTest-output.txt').text
assert output.contains('switchboard: s3 uses the url-connection HTTP client') : 'the test output lacks the HTTP client line'
assert !output.contains('first on the classpath') : 'an HTTP client was picked although one was chosen'

// Sources in ${project.groupId}.switchboard; an AWS-only factory imports nothing of gRPC.
File sources = new File(basedir, 'target/generated-sources/switchboard/dev/switchboard/it/switchboard')
String factory = new File(sources, 'ServiceClients.java').text
assert factory.startsWith('package dev.switchboard.it.switchboard;')
assert factory.contains('public S3Client s3()')
assert !factory.contains('io.grpc')
assert new File(sources, 'ServiceNames.java').isFile()
assert new File(sources, 'provider/S3Provider.java').isFile()
assert new File(sources, 'provider').list().sort() == ['S3Provider.java']

// The generated resources went into the jar: the provider registration and the whole registry.
File jar = new File(basedir, 'target/generate-s3-against-s3proxy-1.0-SNAPSHOT.jar')
new ZipFile(jar).withCloseable { zip ->
    def registration = zip.getEntry('META-INF/services/dev.switchboard.runtime.ServiceClientProvider')
    assert registration != null : 'the jar lacks the provider registration'
    assert zip.getInputStream(registration).text.readLines().findAll { it && !it.startsWith('#') } ==
            ['dev.switchboard.it.switchboard.provider.S3Provider']
    def bundled = zip.getEntry('META-INF/switchboard/registry.json')
    assert bundled != null : 'the jar lacks the bundled registry'
    def registry = new JsonSlurper().parse(zip.getInputStream(bundled))
    assert registry.services*.name == ['s3']
    assert registry.services[0].aws.clientClass == 'software.amazon.awssdk.services.s3.S3Client'
    assert zip.getEntry('dev/switchboard/it/switchboard/ServiceClients.class') != null
}
return true
