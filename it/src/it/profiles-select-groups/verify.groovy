// Each run's factory holds the accessors of exactly what it selected.
def factory = { variant ->
    new File(basedir, "target/generated-sources/${variant}/dev/switchboard/it/switchboard/ServiceClients.java").text
}
def accessors = { text -> ((text =~ /public (\w+Client) (\w+)\(\)/).collect { it[2] }.findAll { !it.endsWith("Async") }) as Set }

def compute = accessors(factory('compute'))
assert compute.containsAll(['ec2', 'lambda', 'autoScaling', 'ecs', 'eks', 'batch'])
assert !compute.contains('s3') && !compute.contains('dynamoDb') && !compute.contains('sts')
assert new File(basedir, 'target/classes/com/acme/app/ComputeApp.class').exists() : 'ComputeApp did not compile'

def storageDatabase = accessors(factory('storage-database'))
assert storageDatabase.containsAll(['s3', 'glacier', 'dynamoDb', 'dynamoDbStreams', 'rds'])
assert !storageDatabase.contains('ec2') && !storageDatabase.contains('lambda')

def minimal = accessors(factory('minimal'))
assert minimal.containsAll(['sts', 'iam', 'kms'])
assert !minimal.contains('s3') && !minimal.contains('ec2')

assert accessors(factory('by-name')) == ['s3', 'ec2', 'lambda', 'dynamoDb'] as Set

String log = new File(basedir, 'build.log').text
assert log.contains('switchboard: selected 4 service(s) by switchboard.services=s3,ec2,lambda,dynamodb: dynamodb, ec2, lambda, s3')
true
