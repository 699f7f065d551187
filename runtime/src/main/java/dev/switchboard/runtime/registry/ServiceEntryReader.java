package dev.switchboard.runtime.registry;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * Reads a service entry as {@link RegistryJsonWriter} writes it, with Jackson's streaming parser, for
 * files a build wrote itself and reads back (the proto cache): it checks nothing, and fields it does not
 * know are skipped. A registry file a person may have written goes through {@link RegistryReader}, which
 * reports every mistake in the file's terms.
 */
final class ServiceEntryReader {
    private final JsonParser in;

    private ServiceEntryReader(JsonParser in) {
        this.in = in;
    }

    /** Reads the entry whose start the parser is at; the parser is left at its end. */
    static ServiceEntry read(JsonParser parser) throws IOException {
        return new ServiceEntryReader(parser).service();
    }

    private ServiceEntry service() throws IOException {
        expect(JsonToken.START_OBJECT);
        ServiceEntryBuilder entry = new ServiceEntryBuilder(null, null);
        List<Endpoint> endpoints = new ArrayList<>();
        while (in.nextToken() == JsonToken.FIELD_NAME) {
            String field = in.currentName();
            in.nextToken();
            switch (field) {
                case "name" -> entry.name(text());
                case "kind" -> entry.kind(kind(text()));
                case "group" -> entry.group(text());
                case "version" -> entry.version(text());
                case "displayName" -> entry.displayName(text());
                case "description" -> entry.description(text());
                case "owner" -> entry.owner(text());
                case "proto" -> entry.proto(proto());
                case "aws" -> entry.aws(aws());
                case "methods" -> entry.methods(objects(this::method));
                case "endpoints" -> endpoints = objects(this::endpoint);
                case "capabilities" ->
                    objects(this::pair).forEach(p -> entry.addCapability(new Capability(p[0], p[1])));
                case "dependencies" ->
                    objects(this::pair).forEach(p -> entry.addDependency(new Dependency(p[0], p[1])));
                case "events" -> objects(this::pair).forEach(p -> entry.addEvent(new Event(p[0], p[1])));
                case "health" -> entry.health(health());
                case "metrics" -> entry.metrics(text());
                case "tags" -> tags().forEach(entry::putTag);
                case "rateLimit" -> entry.rateLimit(rateLimit());
                default -> in.skipChildren();
            }
        }
        return entry.endpoints(endpoints).build();
    }

    private ProtoInfo proto() throws IOException {
        if (in.currentToken() == JsonToken.VALUE_NULL) {
            return null;
        }
        String file = null;
        String protoPackage = null;
        String service = null;
        String javaPackage = null;
        String stubClass = null;
        String outerClass = null;
        boolean multipleFiles = false;
        String artifact = null;
        while (in.nextToken() == JsonToken.FIELD_NAME) {
            String field = in.currentName();
            in.nextToken();
            switch (field) {
                case "file" -> file = text();
                case "package" -> protoPackage = text();
                case "service" -> service = text();
                case "javaPackage" -> javaPackage = text();
                case "stubClass" -> stubClass = text();
                case "outerClass" -> outerClass = text();
                case "multipleFiles" -> multipleFiles = in.getBooleanValue();
                case "artifact" -> artifact = text();
                default -> in.skipChildren();
            }
        }
        return new ProtoInfo(file, protoPackage, service, javaPackage, stubClass, outerClass, multipleFiles, artifact);
    }

    private AwsInfo aws() throws IOException {
        if (in.currentToken() == JsonToken.VALUE_NULL) {
            return null;
        }
        String artifactId = null;
        String serviceName = null;
        String serviceMetadataId = null;
        String clientClass = null;
        String asyncClientClass = null;
        String builderClass = null;
        boolean global = false;
        List<String> waiters = List.of();
        while (in.nextToken() == JsonToken.FIELD_NAME) {
            String field = in.currentName();
            in.nextToken();
            switch (field) {
                case "artifactId" -> artifactId = text();
                case "serviceName" -> serviceName = text();
                case "serviceMetadataId" -> serviceMetadataId = text();
                case "clientClass" -> clientClass = text();
                case "asyncClientClass" -> asyncClientClass = text();
                case "builderClass" -> builderClass = text();
                case "global" -> global = in.getBooleanValue();
                case "waiters" -> waiters = strings();
                default -> in.skipChildren();
            }
        }
        return new AwsInfo(
                artifactId,
                serviceName,
                serviceMetadataId,
                clientClass,
                asyncClientClass,
                builderClass,
                global,
                waiters);
    }

    private MethodInfo method() throws IOException {
        String name = null;
        String input = null;
        String output = null;
        Boolean clientStreaming = null;
        Boolean serverStreaming = null;
        Boolean deprecated = null;
        String idempotency = null;
        List<HttpRule> http = null;
        Boolean paginated = null;
        while (in.nextToken() == JsonToken.FIELD_NAME) {
            String field = in.currentName();
            in.nextToken();
            switch (field) {
                case "name" -> name = text();
                case "input" -> input = text();
                case "output" -> output = text();
                case "clientStreaming" -> clientStreaming = bool();
                case "serverStreaming" -> serverStreaming = bool();
                case "deprecated" -> deprecated = bool();
                case "idempotency" -> idempotency = text();
                case "http" ->
                    http = objects(() -> {
                        String[] rule = rule("verb", "path", "body");
                        return new HttpRule(rule[0], rule[1], rule[2]);
                    });
                case "paginated" -> paginated = bool();
                default -> in.skipChildren();
            }
        }
        return new MethodInfo(
                name, input, output, clientStreaming, serverStreaming, deprecated, idempotency, http, paginated);
    }

    private Endpoint endpoint() throws IOException {
        String[] e = rule("verb", "path", "method", "body");
        return new Endpoint(e[0], e[1], e[2], e[3]);
    }

    private String[] pair() throws IOException {
        String[] values = new String[2];
        while (in.nextToken() == JsonToken.FIELD_NAME) {
            String field = in.currentName();
            in.nextToken();
            switch (field) {
                case "name", "service" -> values[0] = text();
                case "source" -> values[1] = text();
                default -> in.skipChildren();
            }
        }
        return values;
    }

    private Health health() throws IOException {
        if (in.currentToken() == JsonToken.VALUE_NULL) {
            return null;
        }
        String[] h = rule("http", "grpc");
        return new Health(h[0], h[1]);
    }

    private RateLimit rateLimit() throws IOException {
        if (in.currentToken() == JsonToken.VALUE_NULL) {
            return null;
        }
        double requestsPerSecond = 0;
        int burst = 0;
        while (in.nextToken() == JsonToken.FIELD_NAME) {
            String field = in.currentName();
            in.nextToken();
            switch (field) {
                case "requestsPerSecond" -> requestsPerSecond = in.getDoubleValue();
                case "burst" -> burst = in.getIntValue();
                default -> in.skipChildren();
            }
        }
        return new RateLimit(requestsPerSecond, burst);
    }

    private Map<String, String> tags() throws IOException {
        Map<String, String> tags = new TreeMap<>();
        while (in.nextToken() == JsonToken.FIELD_NAME) {
            String key = in.currentName();
            in.nextToken();
            tags.put(key, text());
        }
        return tags;
    }

    /** The string fields of the object the parser is at, in the order {@code names} gives them. */
    private String[] rule(String... names) throws IOException {
        List<String> known = List.of(names);
        String[] values = new String[names.length];
        while (in.nextToken() == JsonToken.FIELD_NAME) {
            int at = known.indexOf(in.currentName());
            in.nextToken();
            if (at < 0) {
                in.skipChildren();
            } else {
                values[at] = text();
            }
        }
        return values;
    }

    private interface Item<T> {
        T read() throws IOException;
    }

    /** The objects of the array the parser is at, each read by {@code item}. */
    private <T> List<T> objects(Item<T> item) throws IOException {
        expect(JsonToken.START_ARRAY);
        List<T> items = new ArrayList<>();
        while (in.nextToken() == JsonToken.START_OBJECT) {
            items.add(item.read());
        }
        expect(JsonToken.END_ARRAY);
        return items;
    }

    private List<String> strings() throws IOException {
        expect(JsonToken.START_ARRAY);
        List<String> strings = new ArrayList<>();
        while (in.nextToken() == JsonToken.VALUE_STRING) {
            strings.add(in.getText());
        }
        expect(JsonToken.END_ARRAY);
        return strings;
    }

    private static ServiceKind kind(String id) {
        return id == null ? null : ServiceKind.valueOf(id.toUpperCase(Locale.ROOT));
    }

    /** The string or null the parser is at; anything else is not what the writer wrote. */
    private String text() throws IOException {
        if (in.currentToken() == JsonToken.VALUE_NULL) {
            return null;
        }
        expect(JsonToken.VALUE_STRING);
        return in.getText();
    }

    private Boolean bool() throws IOException {
        return in.currentToken() == JsonToken.VALUE_NULL ? null : in.getBooleanValue();
    }

    private void expect(JsonToken token) throws IOException {
        if (in.currentToken() != token) {
            throw new IOException(
                    "expected " + token + " but found " + in.currentToken() + " at " + in.currentLocation());
        }
    }
}
