package dev.switchboard.runtime.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.switchboard.runtime.calls.ServiceGate;
import dev.switchboard.runtime.registry.Endpoint;
import dev.switchboard.runtime.registry.ServiceEntry;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.net.ssl.SSLHandshakeException;

/**
 * Calls the methods of a service that has REST endpoints in the registry but no client class: JSON over
 * {@code java.net.http}, mapped as {@code google.api.http} rules map a request. Path variables ({@code
 * /v1/users/{id}}, {@code {user.id}}, {@code {name=projects/*}}) are filled from the request's fields;
 * the rule's body is the whole request without the path fields ({@code *}), one field, or nothing; the
 * fields left over go into the query string.
 *
 * <p>Thread-safe; one instance per service. A method with several bindings is called through its
 * first (the primary binding). Each call takes a permit of the service's rate limit before it is sent,
 * waiting for one on the caller's thread, and is counted in the service's statistics.
 */
public final class GenericServiceClient {
    private static final Pattern VARIABLE = Pattern.compile("\\{([^}=]+)(?:=([^}]*))?}");

    private final String service;
    private final URI baseUrl;
    private final HttpClient http;
    private final Duration timeout;
    private final ObjectMapper json;
    private final Map<String, Endpoint> endpoints;
    private final ServiceGate gate;

    /**
     * @param entry the service; its {@code endpoints} are what can be called
     * @param baseUrl where the service answers ({@code http://127.0.0.1:8080}, or with a path prefix)
     * @param http the client to send with, shared by the services of a factory
     * @param timeout how long one call may take, from sending to the whole response
     * @param gate the service's gate: its rate limit, statistics and meters
     */
    public GenericServiceClient(ServiceEntry entry, URI baseUrl, HttpClient http, Duration timeout, ServiceGate gate) {
        if (entry.endpoints().isEmpty()) {
            throw new IllegalArgumentException("service \"" + entry.name()
                    + "\" has no REST endpoints in the registry; give its rpcs google.api.http rules or"
                    + " declare endpoints in the overrides file");
        }
        this.service = entry.name();
        this.baseUrl = baseUrl;
        this.http = http;
        this.timeout = timeout;
        this.json = new ObjectMapper();
        Map<String, Endpoint> byMethod = new LinkedHashMap<>();
        for (Endpoint e : entry.endpoints()) {
            byMethod.putIfAbsent(e.method(), e);
        }
        this.endpoints = Map.copyOf(byMethod);
        this.gate = gate;
    }

    /** The service's registry name. */
    public String service() {
        return service;
    }

    /** The methods that can be called, sorted. */
    public Set<String> methods() {
        return new TreeSet<>(endpoints.keySet());
    }

    /**
     * Calls {@code method} with a JSON request and returns the JSON response ({@code {}} for an empty
     * one).
     *
     * @throws ServiceCallException when the server answers with a status other than 2xx
     * @throws UncheckedIOException when the server cannot be reached or does not answer in time
     * @throws dev.switchboard.runtime.calls.RateLimitExceededException when the service's rate limit has no
     *     permit for the call within its timeout
     */
    public String call(String method, String jsonRequest) {
        try {
            return json.writeValueAsString(call(method, json.readTree(jsonRequest.isBlank() ? "{}" : jsonRequest)));
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(
                    service + "." + method + ": the request is not valid JSON: " + e.getOriginalMessage(), e);
        }
    }

    /** Calls {@code method} with a request object and returns the response's JSON tree. */
    public JsonNode call(String method, JsonNode request) {
        Endpoint endpoint = endpoints.get(method);
        if (endpoint == null) {
            throw new IllegalArgumentException("service \"" + service + "\" has no REST endpoint for method \"" + method
                    + "\"; it has " + methods());
        }
        if (!request.isObject()) {
            throw new IllegalArgumentException(service + "." + method + ": the request is " + request.getNodeType()
                    + ", not a JSON object; give the request fields as an object, e.g. {\"id\": \"p-1\"}");
        }
        ObjectNode rest = ((ObjectNode) request).deepCopy();
        String path = fillPath(method, endpoint.path(), rest);
        String verb = endpoint.verb().toUpperCase(java.util.Locale.ROOT);
        HttpRequest.BodyPublisher body = HttpRequest.BodyPublishers.noBody();
        String bodyField = endpoint.body() == null ? "" : endpoint.body();
        if (bodyField.equals("*")) {
            body = HttpRequest.BodyPublishers.ofString(rest.toString());
            rest.removeAll();
        } else if (!bodyField.isEmpty()) {
            JsonNode value = rest.remove(bodyField);
            body = HttpRequest.BodyPublishers.ofString(value == null ? "{}" : value.toString());
        }
        URI uri = URI.create(join(baseUrl.toString(), path) + query(rest));
        HttpRequest.Builder outgoing = HttpRequest.newBuilder(uri)
                .timeout(timeout)
                .header("Accept", "application/json")
                .method(verb, body);
        if (!bodyField.isEmpty()) {
            outgoing.header("Content-Type", "application/json");
        }
        long started = gate.callStarted();
        boolean failed = true;
        try {
            gate.acquire();
            JsonNode answer = send(method, verb, uri, outgoing.build());
            failed = false;
            return answer;
        } finally {
            gate.callEnded(started, failed);
        }
    }

    private JsonNode send(String method, String verb, URI uri, HttpRequest outgoing) {
        HttpResponse<String> response;
        try {
            response = http.send(outgoing, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (HttpTimeoutException e) {
            throw new UncheckedIOException(
                    service + "." + method + ": " + verb + " " + uri + " did not answer within " + timeout
                            + "; raise switchboard." + service + ".timeout if the service is slow",
                    e);
        } catch (ConnectException e) {
            // The JDK's client gives no message here: nothing listens, or the host cannot be reached.
            throw new UncheckedIOException(
                    service + "." + method + ": " + verb + " " + uri + " could not connect; check switchboard."
                            + service + ".endpoint",
                    e);
        } catch (SSLHandshakeException e) {
            // The JDK's text of an untrusted certificate names its certificate path builder's classes.
            String why = String.valueOf(e.getMessage()).contains("unable to find valid certification path")
                    ? "the server's certificate is not signed by a CA this JVM trusts; add that CA to the JVM's"
                            + " trust store (javax.net.ssl.trustStore)"
                    : String.valueOf(e.getMessage());
            throw new UncheckedIOException(
                    service + "." + method + ": " + verb + " " + uri + " failed the TLS handshake: " + why, e);
        } catch (IOException e) {
            String why = e.getMessage() == null ? "the connection failed" : e.getMessage();
            throw new UncheckedIOException(
                    service + "." + method + ": " + verb + " " + uri + " failed: " + why + "; check switchboard."
                            + service + ".endpoint",
                    e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(service + "." + method + ": interrupted", e);
        }
        if (response.statusCode() / 100 != 2) {
            throw new ServiceCallException(service, method, verb, uri, response.statusCode(), response.body());
        }
        try {
            return response.body().isBlank() ? json.createObjectNode() : json.readTree(response.body());
        } catch (JsonProcessingException e) {
            throw new ServiceCallException(service, method, verb, uri, response.statusCode(), response.body());
        }
    }

    /** Replaces each path variable with the request field it names, removing the field from {@code rest}. */
    private String fillPath(String method, String template, ObjectNode rest) {
        Matcher m = VARIABLE.matcher(template);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String field = m.group(1).trim();
            JsonNode value = take(rest, field);
            if (value == null || value.isNull() || value.isContainerNode()) {
                throw new IllegalArgumentException(service + "." + method + ": the request has no value for \"" + field
                        + "\", which the path " + template + " needs");
            }
            boolean multiSegment = m.group(2) != null && m.group(2).contains("/");
            m.appendReplacement(out, Matcher.quoteReplacement(encodePath(value.asText(), multiSegment)));
        }
        m.appendTail(out);
        return out.toString();
    }

    /** Removes and returns the field at a dotted path ({@code user.id}). */
    private static JsonNode take(ObjectNode node, String dotted) {
        String[] parts = dotted.split("\\.");
        ObjectNode current = node;
        for (int i = 0; i < parts.length - 1; i++) {
            JsonNode next = current.get(parts[i]);
            if (!(next instanceof ObjectNode object)) {
                return null;
            }
            current = object;
        }
        return current.remove(parts[parts.length - 1]);
    }

    private static String encodePath(String value, boolean keepSlashes) {
        if (!keepSlashes) {
            return encode(value);
        }
        List<String> segments = new ArrayList<>();
        for (String segment : value.split("/", -1)) {
            segments.add(encode(segment));
        }
        return String.join("/", segments);
    }

    private static String query(ObjectNode rest) {
        List<String> pairs = new ArrayList<>();
        addQuery("", rest, pairs);
        return pairs.isEmpty() ? "" : "?" + String.join("&", pairs);
    }

    private static void addQuery(String prefix, JsonNode node, List<String> pairs) {
        if (node.isObject()) {
            Iterator<Map.Entry<String, JsonNode>> fields = node.fields();
            while (fields.hasNext()) {
                Map.Entry<String, JsonNode> f = fields.next();
                addQuery(prefix.isEmpty() ? f.getKey() : prefix + "." + f.getKey(), f.getValue(), pairs);
            }
        } else if (node.isArray()) {
            node.forEach(item -> addQuery(prefix, item, pairs));
        } else if (!node.isNull()) {
            pairs.add(encode(prefix) + "=" + encode(node.asText()));
        }
    }

    private static String encode(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private static String join(String base, String path) {
        if (base.endsWith("/") && path.startsWith("/")) {
            return base + path.substring(1);
        }
        return base.endsWith("/") || path.startsWith("/") ? base + path : base + "/" + path;
    }
}
