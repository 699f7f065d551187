package dev.switchboard.maven.mojo;

/** Every user property the goals read, all under the one prefix {@code switchboard.}. */
final class PropertyNames {
    static final String SKIP = "switchboard.skip";
    static final String FAIL_ON_MISSING_SOURCES = "switchboard.failOnMissingSources";
    static final String SUMMARY = "switchboard.summary";
    static final String SERVICES = "switchboard.services";
    static final String PROFILES_CHECK = "switchboard.profiles.check";

    private PropertyNames() {}
}
