// Maven started with README's .mvn/jvm.config, and the registry built under it.
import groovy.json.JsonSlurper

assert new File(basedir, '.mvn/jvm.config').text.trim() == '-XX:TieredStopAtLevel=1'
String log = new File(basedir, 'build.log').text
assert log =~ /switchboard: wrote target\/switchboard\/registry.json with 1 service\(s\)/ : 'build.log has no registry written'
def registry = new JsonSlurper().parse(new File(basedir, 'target/switchboard/registry.json'))
assert registry.services*.name == ['shipping']
assert registry.services[0].proto.service == 'acme.shipping.v1.ShippingService'
return true
