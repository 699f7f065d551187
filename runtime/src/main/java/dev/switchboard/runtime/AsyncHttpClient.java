package dev.switchboard.runtime;

/** The AWS SDK async HTTP clients a factory can be told to use, in the order it picks one itself. */
public enum AsyncHttpClient implements HttpClientImplementation {
    NETTY("software.amazon.awssdk.http.nio.netty.NettyNioAsyncHttpClient", "netty-nio-client"),
    AWS_CRT("software.amazon.awssdk.http.crt.AwsCrtAsyncHttpClient", "aws-crt-client");

    private final String className;
    private final String artifactId;

    AsyncHttpClient(String className, String artifactId) {
        this.className = className;
        this.artifactId = artifactId;
    }

    @Override
    public String className() {
        return className;
    }

    @Override
    public String artifactId() {
        return artifactId;
    }
}
