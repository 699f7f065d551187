// Discovery reads the real SDK jars of s3, dynamodb and sqs: the dynamodb module holds two clients,
// so four services, each in its catalogue group, with their operations.
import groovy.json.JsonSlurper

def registry = new JsonSlurper().parse(new File(basedir, 'target/switchboard/registry.json'))
def services = registry.services.collectEntries { [(it.name): it] }

assert services.keySet() as List == ['dynamodb', 'dynamodb-streams', 's3', 'sqs']
assert services.values()*.kind.unique() == ['aws']
assert services.s3.group == 'storage'
assert services.dynamodb.group == 'database'
assert services['dynamodb-streams'].group == 'database'
assert services.sqs.group == 'messaging'

assert services.s3.aws.clientClass == 'software.amazon.awssdk.services.s3.S3Client'
assert services.s3.aws.asyncClientClass == 'software.amazon.awssdk.services.s3.S3AsyncClient'
assert services.dynamodb.aws.clientClass == 'software.amazon.awssdk.services.dynamodb.DynamoDbClient'
def streams = services['dynamodb-streams'].aws
assert streams.clientClass == 'software.amazon.awssdk.services.dynamodb.streams.DynamoDbStreamsClient'
assert streams.serviceName == 'dynamodb'
assert streams.serviceMetadataId == 'streams.dynamodb'
assert streams.artifactId == 'dynamodb'
assert services.sqs.aws.clientClass == 'software.amazon.awssdk.services.sqs.SqsClient'

def ops = { name -> services[name].methods.collectEntries { [(it.name): it] } }
assert ops('s3').createBucket.input == 'software.amazon.awssdk.services.s3.model.CreateBucketRequest'
assert ops('s3').createBucket.output == 'software.amazon.awssdk.services.s3.model.CreateBucketResponse'
assert ops('s3').listObjectsV2.paginated == true
assert ops('dynamodb').putItem.paginated == false
assert ops('sqs').sendMessage != null
assert services.s3.aws.waiters.contains('waitUntilBucketExists')
assert services.s3.capabilities*.name.containsAll(['create', 'delete', 'list', 'read'])

String log = new File(basedir, 'build.log').text
// run 2: the name narrows the group, without rebuilding the registry
assert log.contains('switchboard: selected 1 service(s) by switchboard.services=dynamodb within switchboard.group.database=true: dynamodb') : 'build.log lacks the selection line of run 2'
// run 3 names lambda, catalogued but not a dependency: the exact versionless element to add
assert log.contains('"lambda" is an AWS service whose SDK module is not on the classpath')
assert log.contains('<artifactId>lambda</artifactId>')
assert log =~ /BUILD FAILURE/
true
