package dev.switchboard.runtime.http;

import java.net.URI;

/** A call of the generic REST client that the server answered with a status other than 2xx. */
public final class ServiceCallException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final int status;
    private final String body;
    private final transient URI uri;

    public ServiceCallException(String service, String method, String verb, URI uri, int status, String body) {
        super(service + "." + method + ": " + verb + " " + uri + " answered " + status
                + (body.isEmpty() ? "" : ": " + abbreviate(body)));
        this.status = status;
        this.body = body;
        this.uri = uri;
    }

    /** The HTTP status the server answered. */
    public int status() {
        return status;
    }

    /** The whole response body, as text. */
    public String body() {
        return body;
    }

    /** The URI that was called. */
    public URI uri() {
        return uri;
    }

    private static String abbreviate(String body) {
        String oneLine = body.strip().replaceAll("\\s+", " ");
        return oneLine.length() <= 500 ? oneLine : oneLine.substring(0, 500) + "…";
    }
}
