// Three services in three packages and a service-less `common` package, read back from registry.json.
import groovy.json.JsonSlurper

File registryFile = new File(basedir, 'target/switchboard/registry.json')
assert registryFile.isFile()
def registry = new JsonSlurper().parse(registryFile)
String log = new File(basedir, 'build.log').text

assert registry.schemaVersion == 1
assert log.contains('switchboard: wrote target/switchboard/registry.json with 3 service(s)') : 'no "wrote" line in build.log'
assert !log.contains('[WARNING] switchboard:') : 'build.log has a switchboard warning'

def services = registry.services.collectEntries { [(it.name): it] }
assert registry.services*.name == ['billing', 'order', 'user'] // sorted; `common` has no service
assert registry.services.every { it.kind == 'grpc' && it.version == 'v1' }

def methods = { svc -> svc.methods.collect { [it.name, it.clientStreaming, it.serverStreaming] } }
def pairs = { list, key -> list.collect { [it[key], it.source] } as Set }

// billing: everything from its own proto and switchboard/options.proto
def billing = services.billing
assert billing.displayName == 'BillingService'
assert billing.description == 'Invoices and payments.'
assert billing.proto.file == 'acme/billing/v1/billing.proto'
assert billing.proto.package == 'acme.billing.v1'
assert billing.proto.service == 'acme.billing.v1.BillingService'
assert billing.proto.javaPackage == 'com.acme.billing.v1'
assert billing.proto.stubClass == 'com.acme.billing.v1.BillingServiceGrpc'
assert methods(billing) == [
        ['CreateInvoice', false, false], ['GetInvoice', false, false], ['UpdateInvoice', false, false],
        ['DeleteInvoice', false, false], ['ListInvoices', false, false]]
assert billing.methods.find { it.name == 'GetInvoice' }.input == 'acme.billing.v1.GetInvoiceRequest'
assert billing.methods.find { it.name == 'GetInvoice' }.output == 'acme.billing.v1.Invoice'
assert pairs(billing.capabilities, 'name') == [
        ['create', 'rule:create'], ['read', 'rule:read'], ['update', 'rule:update'],
        ['delete', 'rule:delete'], ['list', 'rule:list'], ['crud', 'rule:crud']] as Set
// common.Money and google.protobuf.Timestamp live in packages without services: no dependency
assert billing.dependencies == []
assert pairs(billing.events, 'name') == [['InvoicePaidEvent', 'message']] as Set
assert billing.group == 'payments'
assert billing.health == [http: '/health/billing']
assert billing.tags == [team: 'payments', tier: '1']
assert billing.rateLimit == [requestsPerSecond: 25.5, burst: 50]

// user: a dependency on billing through a field type, client streaming
def user = services.user
assert user.group == 'identity'
assert methods(user) == [['GetUser', false, false], ['SearchUsers', false, false], ['UploadAvatar', true, false]]
assert pairs(user.dependencies, 'service') == [['billing', 'type:acme.billing.v1.PaymentMethod']] as Set
assert pairs(user.capabilities, 'name') == [['read', 'rule:read'], ['search', 'rule:search'],
                                            ['stream', 'rule:stream']] as Set
assert user.events == []
assert user.tags == [:]
assert user.health == null && user.rateLimit == null

// order: depends on billing (Order.invoice), not on common; streams; option capability; overrides
def order = services.order
assert methods(order) == [['PlaceOrder', false, false], ['WatchOrder', false, true], ['Negotiate', true, true]]
assert pairs(order.dependencies, 'service') == [['billing', 'type:acme.billing.v1.Invoice']] as Set
assert pairs(order.events, 'name') == [
        ['OrderStatusChangedEvent', 'message'], ['WatchOrder', 'stream'], ['Negotiate', 'stream']] as Set
assert pairs(order.capabilities, 'name') == [['checkout', 'option'], ['stream', 'rule:stream']] as Set
// src/main/switchboard/overrides.yaml: group "sales" from the proto replaced, a tag added to the proto's
assert order.group == 'commerce'
assert order.tags == [team: 'orders', oncall: 'orders-pager']

// nobody depends on the service-less package, and nothing depends on itself
registry.services.each { svc ->
    assert !svc.dependencies.any { it.service == 'common' || it.service == svc.name || it.source.contains('acme.common.') }
}
return true
