package dev.switchboard.runtime.registry;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.json.JsonWriteFeature;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import java.io.IOException;
import java.io.OutputStream;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Writes a registry's JSON through Jackson's streaming generator, the tokens the object mapper writes from
 * the records' annotations, in the same order and with the same fields left out. Every build writes one,
 * and in a fresh JVM the mapper's serializers cost a small project's build more than a tenth of its time
 * in class loading and reflection (benchmarks/BENCHMARKS.md). RegistryJsonWriterTest holds the two to the
 * same bytes for records with every field set and every field left out; YAML still goes through the mapper.
 */
final class RegistryJsonWriter {
    /** UTF-8 straight into bytes; a character beyond the Basic Multilingual Plane as itself, not two escapes. */
    private static final JsonFactory JSON = JsonFactory.builder()
            .enable(JsonWriteFeature.COMBINE_UNICODE_SURROGATES_IN_UTF8)
            .build();

    private final JsonGenerator out;

    private RegistryJsonWriter(JsonGenerator out) {
        this.out = out;
    }

    /** The printer the registry's JSON is laid out with: two spaces, {@code \n} on every platform. */
    static DefaultPrettyPrinter printer() {
        return new DefaultPrettyPrinter().withObjectIndenter(new DefaultIndenter("  ", "\n"));
    }

    /** Writes the registry to {@code out} as UTF-8. */
    static void write(Registry registry, OutputStream out) throws IOException {
        try (JsonGenerator generator = JSON.createGenerator(out, JsonEncoding.UTF8)) {
            generator.setPrettyPrinter(printer());
            new RegistryJsonWriter(generator).registry(registry);
        }
    }

    /** Writes one service entry as the registry's {@code services} hold it. */
    static void service(JsonGenerator generator, ServiceEntry service) throws IOException {
        new RegistryJsonWriter(generator).service(service);
    }

    private void registry(Registry registry) throws IOException {
        out.writeStartObject();
        out.writeNumberField("schemaVersion", registry.schemaVersion());
        string("fingerprint", registry.fingerprint());
        out.writeArrayFieldStart("services");
        for (ServiceEntry service : registry.services()) {
            service(service);
        }
        out.writeEndArray();
        out.writeEndObject();
    }

    private void service(ServiceEntry s) throws IOException {
        out.writeStartObject();
        string("name", s.name());
        if (s.kind() != null) {
            out.writeStringField("kind", s.kind().name().toLowerCase(Locale.ROOT));
        }
        string("group", s.group());
        string("version", s.version());
        string("displayName", s.displayName());
        string("description", s.description());
        string("owner", s.owner());
        if (s.proto() != null) {
            proto(s.proto());
        }
        if (s.aws() != null) {
            aws(s.aws());
        }
        out.writeArrayFieldStart("methods");
        for (MethodInfo method : s.methods()) {
            method(method);
        }
        out.writeEndArray();
        out.writeArrayFieldStart("endpoints");
        for (Endpoint e : s.endpoints()) {
            out.writeStartObject();
            string("verb", e.verb());
            string("path", e.path());
            string("method", e.method());
            string("body", e.body());
            out.writeEndObject();
        }
        out.writeEndArray();
        out.writeArrayFieldStart("capabilities");
        for (Capability c : s.capabilities()) {
            pair("name", c.name(), "source", c.source());
        }
        out.writeEndArray();
        out.writeArrayFieldStart("dependencies");
        for (Dependency d : s.dependencies()) {
            pair("service", d.service(), "source", d.source());
        }
        out.writeEndArray();
        out.writeArrayFieldStart("events");
        for (Event e : s.events()) {
            pair("name", e.name(), "source", e.source());
        }
        out.writeEndArray();
        if (s.health() != null) {
            out.writeObjectFieldStart("health");
            string("http", s.health().http());
            string("grpc", s.health().grpc());
            out.writeEndObject();
        }
        string("metrics", s.metrics());
        out.writeObjectFieldStart("tags");
        for (Map.Entry<String, String> tag : s.tags().entrySet()) {
            out.writeStringField(tag.getKey(), tag.getValue());
        }
        out.writeEndObject();
        if (s.rateLimit() != null) {
            out.writeObjectFieldStart("rateLimit");
            out.writeNumberField("requestsPerSecond", s.rateLimit().requestsPerSecond());
            out.writeNumberField("burst", s.rateLimit().burst());
            out.writeEndObject();
        }
        out.writeEndObject();
    }

    private void proto(ProtoInfo p) throws IOException {
        out.writeObjectFieldStart("proto");
        string("file", p.file());
        string("package", p.protoPackage());
        string("service", p.service());
        string("javaPackage", p.javaPackage());
        string("stubClass", p.stubClass());
        string("outerClass", p.outerClass());
        out.writeBooleanField("multipleFiles", p.multipleFiles());
        string("artifact", p.artifact());
        out.writeEndObject();
    }

    /** Empty strings and lists are left out, as the record's {@code NON_EMPTY} says; {@code global} never is. */
    private void aws(AwsInfo a) throws IOException {
        out.writeObjectFieldStart("aws");
        nonEmpty("artifactId", a.artifactId());
        nonEmpty("serviceName", a.serviceName());
        nonEmpty("serviceMetadataId", a.serviceMetadataId());
        nonEmpty("clientClass", a.clientClass());
        nonEmpty("asyncClientClass", a.asyncClientClass());
        nonEmpty("builderClass", a.builderClass());
        out.writeBooleanField("global", a.global());
        if (!a.waiters().isEmpty()) {
            out.writeArrayFieldStart("waiters");
            for (String waiter : a.waiters()) {
                out.writeString(waiter);
            }
            out.writeEndArray();
        }
        out.writeEndObject();
    }

    private void method(MethodInfo m) throws IOException {
        out.writeStartObject();
        string("name", m.name());
        string("input", m.input());
        string("output", m.output());
        bool("clientStreaming", m.clientStreaming());
        bool("serverStreaming", m.serverStreaming());
        bool("deprecated", m.deprecated());
        string("idempotency", m.idempotency());
        List<HttpRule> http = m.http();
        if (http != null && !http.isEmpty()) {
            out.writeArrayFieldStart("http");
            for (HttpRule rule : http) {
                out.writeStartObject();
                string("verb", rule.verb());
                string("path", rule.path());
                string("body", rule.body());
                out.writeEndObject();
            }
            out.writeEndArray();
        }
        bool("paginated", m.paginated());
        out.writeEndObject();
    }

    /** An object of two string fields written even when null, as records without {@code @JsonInclude} are. */
    private void pair(String first, String firstValue, String second, String secondValue) throws IOException {
        out.writeStartObject();
        out.writeStringField(first, firstValue);
        out.writeStringField(second, secondValue);
        out.writeEndObject();
    }

    /** A field left out when null ({@code NON_NULL}). */
    private void string(String name, String value) throws IOException {
        if (value != null) {
            out.writeStringField(name, value);
        }
    }

    private void nonEmpty(String name, String value) throws IOException {
        if (value != null && !value.isEmpty()) {
            out.writeStringField(name, value);
        }
    }

    private void bool(String name, Boolean value) throws IOException {
        if (value != null) {
            out.writeBooleanField(name, value);
        }
    }
}
