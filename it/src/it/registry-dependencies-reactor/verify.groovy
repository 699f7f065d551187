// checkout-service merged the registry billing-api bundles; the reactor built one thread at a time, four
// at a time, and checkout-service built alone wrote the same registry, byte for byte.
import groovy.json.JsonSlurper

String log = new File(basedir, 'build.log').text
assert !log.contains('BUILD FAILURE') : 'a build failed'
assert log.count('BUILD SUCCESS') == 3 : 'expected three successful builds'

File module = new File(basedir, 'checkout-service')
def files = ['t1', 't4', 'standalone'].collect { new File(module, "out/$it/registry.json") }
files.each { assert it.isFile() : "$it was not written" }
byte[] first = files[0].bytes
files.drop(1).each { assert it.bytes == first : "$it differs from ${files[0]}" }

def registry = new JsonSlurper().parse(files[0])
def services = registry.services.collectEntries { [(it.name): it] }
assert services.keySet() as List == ['billing', 'checkout']
assert services.billing.proto.stubClass == 'com.acme.billing.v1.BillingServiceGrpc'
assert services.billing.proto.artifact == null : 'a merged service keeps the entry its module wrote'
assert services.checkout.proto.file == 'acme/checkout/v1/checkout.proto'
// The jar billing-api installed bundles the registry checkout-service merged.
File jar = new File(basedir, 'billing-api/target/billing-api-1.0.jar')
assert new java.util.zip.ZipFile(jar).getEntry('META-INF/switchboard/registry.json') != null
return true
