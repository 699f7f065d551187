package dev.switchboard.runtime;

/** An AWS SDK HTTP client implementation, named so that it can be found without loading it. */
public interface HttpClientImplementation {

    /** The client class, which has a static {@code builder()}. */
    String className();

    /** The SDK module that holds it ({@code software.amazon.awssdk:<artifactId>}). */
    String artifactId();
}
