// Maven put the plugin's own jar and the reporting API in the plugin's class realm, nothing else; the
// plugin's POM has no parent; and the goal, running from that one jar, wrote the registry.
List<String> lines = new File(basedir, 'build.log').readLines()

int populating = lines.findIndexOf { it.contains('Populating class realm plugin>dev.switchboard:switchboard-maven-plugin:') }
assert populating >= 0 : 'no "Populating class realm" line for the plugin in build.log (was it run with -X?)'
// groupId:artifactId of each jar Maven put in the realm; Maven before 3.9 adds its plexus-utils to every plugin.
List<String> included = lines.drop(populating + 1)
        .takeWhile { it.contains('Included: ') }
        .collect { it.substring(it.indexOf('Included: ') + 'Included: '.length()).trim().split(':') }
        .collect { "${it[0]}:${it[1]}".toString() }
        .findAll { it != 'org.codehaus.plexus:plexus-utils' }
        .sort()
assert included == ['dev.switchboard:switchboard-maven-plugin',
                    'org.apache.maven.doxia:doxia-sink-api',
                    'org.apache.maven.reporting:maven-reporting-api'] :
        "the plugin's class realm holds more than its one jar and the reporting API: ${included}"

// The published POM stands alone: no parent and no imported BOMs for Maven to read before the build.
File[] versions = new File(localRepositoryPath, 'dev/switchboard/switchboard-maven-plugin').listFiles({ it.isDirectory() } as FileFilter)
assert versions.length == 1 : "expected one version of the plugin in the IT repository, found ${versions*.name}"
String pom = new File(versions[0], "switchboard-maven-plugin-${versions[0].name}.pom").text
assert !pom.contains('<parent>') : 'the installed plugin POM has a parent'
assert !pom.contains('<dependencyManagement>') : 'the installed plugin POM manages dependencies'

assert lines.any { it.contains('registry.json with 1 service(s)') } : 'the goal did not write the registry'
assert new File(basedir, 'target/switchboard/registry.json').text.contains('acme.ping.v1.PingService')
return true
