package dev.switchboard.maven.mojo;

/** Every user property the goals read, all under the one prefix {@code switchboard.}. */
final class PropertyNames {
    static final String SKIP = "switchboard.skip";
    static final String FAIL_ON_MISSING_SOURCES = "switchboard.failOnMissingSources";
    static final String SUMMARY = "switchboard.summary";
    static final String SERVICES = "switchboard.services";
    static final String PROTO_SOURCE_DEPENDENCIES = "switchboard.protoSourceDependencies";
    static final String REGISTRY_DEPENDENCIES = "switchboard.registryDependencies";
    static final String PROFILES_CHECK = "switchboard.profiles.check";
    static final String PROFILES_GROUPS = "switchboard.profiles.groups";
    static final String FORMAT = "switchboard.format";
    static final String OUTPUT = "switchboard.output";
    static final String SERVICE = "switchboard.service";
    static final String COMPARE_TO = "switchboard.compareTo";
    static final String AGAINST = "switchboard.against";
    static final String FAIL_ON_BREAKING = "switchboard.failOnBreaking";
    static final String COMPARE_CATEGORY = "switchboard.compare.category";
    static final String COMPARE_IGNORE_UNSTABLE_PACKAGES = "switchboard.compare.ignoreUnstablePackages";
    static final String ENV = "switchboard.env";
    static final String MONITOR = "switchboard.monitor";
    static final String INTERVAL = "switchboard.interval";
    static final String HEALTH_PARALLELISM = "switchboard.health.parallelism";
    static final String HEALTH_CONNECT_TIMEOUT = "switchboard.health.connectTimeout";
    static final String HEALTH_READ_TIMEOUT = "switchboard.health.readTimeout";
    static final String HEALTH_MAX_BODY_BYTES = "switchboard.health.maxBodyBytes";
    static final String HEALTH_CA_FILE = "switchboard.health.caFile";
    static final String HEALTH_CLIENT_CERTIFICATE = "switchboard.health.clientCertificate";
    static final String HEALTH_CLIENT_CERTIFICATE_PASSWORD = "switchboard.health.clientCertificatePassword";
    static final String HEALTH_INSECURE = "switchboard.health.insecure";
    static final String WATCH_DEBOUNCE = "switchboard.watch.debounce";
    static final String REPORT_HEALTH = "switchboard.report.health";
    static final String ZOOKEEPER_CONNECT = "switchboard.zookeeper.connect";
    static final String ZOOKEEPER_PATH = "switchboard.zookeeper.path";
    static final String ZOOKEEPER_AUTH_FILE = "switchboard.zookeeper.authFile";
    static final String ZOOKEEPER_READERS = "switchboard.zookeeper.readers";
    static final String PUBLISH_KEEP = "switchboard.publish.keep";
    static final String PUBLISH_ALLOW_BREAKING = "switchboard.publish.allowBreaking";
    static final String ROLLBACK_TO = "switchboard.rollback.to";
    static final String FACTORY_INTERFACE = "switchboard.factoryInterface";

    private PropertyNames() {}
}
