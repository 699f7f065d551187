// The goal ran, said it skipped and why, and wrote nothing although there are protos to read.
String log = new File(basedir, 'build.log').text

assert log.contains(':registry (registry) @ skip ---') : 'the registry goal did not run'
assert log.contains('[INFO] switchboard: skipped (switchboard.skip=true)') : 'no "skipped" line in build.log'
assert !log.contains('switchboard: wrote') : 'the goal wrote a registry although skipped'
assert !new File(basedir, 'target/switchboard').exists()
return true
