package dev.switchboard.maven.mojo;

/** Every user property the goals read, all under the one prefix {@code switchboard.}. */
final class PropertyNames {
    static final String SKIP = "switchboard.skip";
    static final String FAIL_ON_MISSING_SOURCES = "switchboard.failOnMissingSources";
    static final String SUMMARY = "switchboard.summary";
    static final String SERVICES = "switchboard.services";
    static final String PROFILES_CHECK = "switchboard.profiles.check";
    static final String FORMAT = "switchboard.format";
    static final String OUTPUT = "switchboard.output";
    static final String SERVICE = "switchboard.service";
    static final String COMPARE_TO = "switchboard.compareTo";
    static final String AGAINST = "switchboard.against";
    static final String FAIL_ON_BREAKING = "switchboard.failOnBreaking";
    static final String WATCH_DEBOUNCE = "switchboard.watch.debounce";

    private PropertyNames() {}
}
