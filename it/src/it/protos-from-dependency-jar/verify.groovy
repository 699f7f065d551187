// google.api.http options from proto-google-common-protos, imported with no configuration.
import groovy.json.JsonSlurper

def registry = new JsonSlurper().parse(new File(basedir, 'target/switchboard/registry.json'))
String log = new File(basedir, 'build.log').text

assert log.contains('switchboard: wrote target/switchboard/registry.json with 1 service(s)') : 'no "wrote" line in build.log'
// The jar's own services (google.longrunning.Operations, …) are importable, never registered.
assert registry.services*.name == ['directory']
def svc = registry.services[0]
assert svc.proto.service == 'acme.directory.v1.DirectoryService'
assert svc.proto.stubClass == 'com.acme.directory.v1.DirectoryServiceGrpc'

def http = svc.methods.collectEntries { [(it.name): (it.http ?: []).collect { [it.verb, it.path, it.body] }] }
assert http == [
        // the main binding and its additional_bindings, each a rule of its own
        GetUser   : [['GET', '/v1/users/{id}', ''], ['POST', '/v1/users:lookup', '*']],
        DeleteUser: [['DELETE', '/v1/users/{id}', '']],
        RenameUser: [['PATCH', '/v1/users/{id}/name', 'name']],
        SyncUsers : []]

assert svc.endpoints.collect { [it.verb, it.path, it.method, it.body] } == [
        ['GET', '/v1/users/{id}', 'GetUser', ''],
        ['POST', '/v1/users:lookup', 'GetUser', '*'],
        ['DELETE', '/v1/users/{id}', 'DeleteUser', ''],
        ['PATCH', '/v1/users/{id}/name', 'RenameUser', 'name']]

// google.api is an ignored type package: importing its annotations makes no dependency
assert svc.dependencies == []

// it/pom.xml hands the user's local repository to the IT builds as Maven's read-only tail
// (maven.repo.local.tail): a jar found there is read in place, not copied into the IT local repository.
String jar = 'com/google/api/grpc/proto-google-common-protos/2.81.0/proto-google-common-protos-2.81.0.jar'
if (new File(userLocalRepository, jar).isFile()) {
    assert !new File(localRepositoryPath, jar).exists() : "the tail repository was not used: $jar was copied"
}
return true
