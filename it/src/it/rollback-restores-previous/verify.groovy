// After the rollback the registry is v1's again, the dropped service's provider is back, and v2's
// registry is kept as the previous one, so a second rollback would undo the first.
import groovy.json.JsonSlurper

def names = { file -> new JsonSlurper().parse(new File(basedir, "target/switchboard/${file}")).services*.name }
assert names('registry.json') == ['cart', 'wishlist']
assert names('registry.previous.json') == ['cart']

File providers = new File(basedir, 'target/generated-sources/switchboard/dev/switchboard/it/switchboard/provider')
assert providers.list().sort() == ['CartProvider.java', 'WishlistProvider.java']

String log = new File(basedir, 'build.log').text
assert log.contains('switchboard: restored registry.json from registry.previous.json')
assert log =~ /switchboard: generated ServiceClients with 1 service\(s\): \d+ file\(s\) written, \d+ unchanged, 1 deleted/
true
