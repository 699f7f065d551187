package dev.switchboard.runtime;

/** The AWS SDK sync HTTP clients a factory can be told to use, in the order it picks one itself. */
public enum SyncHttpClient implements HttpClientImplementation {
    APACHE("software.amazon.awssdk.http.apache.ApacheHttpClient", "apache-client"),
    URL_CONNECTION("software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient", "url-connection-client"),
    APACHE5("software.amazon.awssdk.http.apache5.Apache5HttpClient", "apache5-client"),
    AWS_CRT("software.amazon.awssdk.http.crt.AwsCrtHttpClient", "aws-crt-client");

    private final String className;
    private final String artifactId;

    SyncHttpClient(String className, String artifactId) {
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
