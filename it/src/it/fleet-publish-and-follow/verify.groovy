// The builds published twice and skipped the unchanged third; the following instance serves the service
// the second publish added; fleet lists both versions and the instance on version 2.
def (live, server) = System.properties.remove('fleet-publish-and-follow')
try {
    String log = new File(basedir, 'build.log').text
    assert log =~ /switchboard: published version 1 to 127\.0\.0\.1:\d+\/switchboard\/shop \(fingerprint \w+, 1 service\(s\), 1 added/
    assert log =~ /switchboard: published version 2 to .*, 2 service\(s\), 1 added, 0 removed, 0 changed.*the fleet moves from version 1/
    assert log.contains('already has fingerprint') && log.contains('nothing published')

    long deadline = System.currentTimeMillis() + 20_000
    while (!live.current().service('orders').isPresent() && System.currentTimeMillis() < deadline) {
        Thread.sleep(50)
    }
    assert live.current().services()*.name() == ['catalog', 'orders']
    assert live.reloads() >= 1

    // Run 4's JSON document, the last thing in the log: fleet prints it on standard output.
    def json = log.substring(log.lastIndexOf('{\n  "location"'), log.lastIndexOf('}') + 1)
    def fleet = new groovy.json.JsonSlurper().parseText(json)
    assert fleet.current == 2
    assert fleet.versions*.info*.version == [2, 1]
    assert fleet.versions[0].instances*.instance == ['it-app']
    return true
} finally {
    live.close()
    server.close()
}
