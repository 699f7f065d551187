// validate read the compiled implementation and named exactly the rpcs it does not override.
String log = new File(basedir, 'build.log').text
assert new File(basedir, 'target/classes/com/acme/server/UserServiceImpl.class').exists()
assert log.contains('com.acme.server.UserServiceImpl extends UserServiceImplBase but does not implement deleteUser, watchUsers')
assert log =~ /switchboard: the registry has 1 error\(s\)/
assert !log.contains('does not implement getUser')
true
