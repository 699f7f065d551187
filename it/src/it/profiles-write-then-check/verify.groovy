// The profiles are written once, the pom keeps every byte outside the markers, the check passes,
// and a configuration change makes it fail with the fix command.
String pom = new File(basedir, 'pom.xml').text
String log = new File(basedir, 'build.log').text

assert pom.count('<!-- switchboard:profiles:begin') == 1
assert pom.count('<!-- switchboard:profiles:end -->') == 1
['core', 'compute', 'storage', 'database', 'messaging', 'payments', 'minimal'].each {
    assert pom.contains("<id>${it}</id>") : "no profile ${it}"
}
assert !pom.contains('<id>all</id>') : 'the all profile is written only when <profileGroups> names it'
assert pom.contains('<switchboard.group.compute>true</switchboard.group.compute>')
assert pom.contains('<artifactId>ec2</artifactId>')
assert !(pom =~ /<artifactId>ec2<\/artifactId>\s*<version>/) : 'profile dependencies must be versionless'
assert pom.contains('<artifactId>bom</artifactId>') : 'the AWS SDK BOM import was not added'
assert pom.contains('<!-- a comment the goal must keep, byte for byte -->')

assert log =~ /switchboard: wrote \d+ group profiles \(core, compute, .*, minimal; \d+ lines\) into pom\.xml \(they were missing\) and imported the AWS SDK BOM; <profileGroups> writes fewer/
assert log =~ /switchboard: the \d+ group profiles in pom\.xml are current\n/
assert log.contains('switchboard: the switchboard profiles in pom.xml are stale; run `mvn switchboard:profiles` to write them')
true
