package dev.switchboard.runtime.registry;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonSetter;
import com.fasterxml.jackson.annotation.Nulls;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.cfg.MapperBuilder;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.type.LogicalType;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads a registry strictly, so that every invalid file is refused with its place rather than read into
 * nulls and zeros that fail later, far from the file:
 *
 * <ol>
 *   <li>an empty file is refused before parsing;
 *   <li>the content is bound in one pass, refusing fields of the wrong type (no {@code "true"} for
 *       {@code true}, no number for a string in JSON, no index for a kind), nulls in lists and maps,
 *       and required fields that are missing or null, as the JSON Schema has them; an optional {@code
 *       true}/{@code false} or number left out or null reads as {@code false} or 0, as it always has;
 *   <li>content after the registry object is refused;
 *   <li>the schema version is checked (also when binding failed, since a newer version may be why);
 *   <li>service names are checked: none blank, none twice.
 * </ol>
 *
 * Every failure becomes a {@link RegistryFormatException} through {@link RegistryProblems}.
 *
 * <p>These rules apply only here, through mix-ins on a mapper of its own: the public {@link
 * RegistryCodec#mapper} stays lenient for tools that bind the same records from other files.
 */
final class RegistryReader {
    private RegistryReader() {}

    /**
     * The file as written, before {@link Registry} sorts its services: problems then name the index the
     * user sees in the file.
     */
    record RawRegistry(
            @JsonProperty(required = true) @JsonSetter(nulls = Nulls.FAIL)
            int schemaVersion,

            String fingerprint,

            @JsonProperty(required = true) @JsonSetter(nulls = Nulls.FAIL)
            List<ServiceEntry> services) {}

    // The required fields of the schema that the runtime relies on. Those of "proto" and "aws" are left
    // out: reflection reports a missing class name itself, with the dependency to add.

    interface ServiceEntryRules {
        @JsonProperty(required = true)
        @JsonSetter(nulls = Nulls.FAIL)
        String name();

        @JsonProperty(required = true)
        @JsonSetter(nulls = Nulls.FAIL)
        ServiceKind kind();
    }

    interface MethodInfoRules {
        @JsonProperty(required = true)
        @JsonSetter(nulls = Nulls.FAIL)
        String name();
    }

    interface HttpRuleRules {
        @JsonProperty(required = true)
        @JsonSetter(nulls = Nulls.FAIL)
        String verb();

        @JsonProperty(required = true)
        @JsonSetter(nulls = Nulls.FAIL)
        String path();
    }

    interface EndpointRules extends HttpRuleRules {
        @JsonProperty(required = true)
        @JsonSetter(nulls = Nulls.FAIL)
        String method();
    }

    interface NameAndSourceRules {
        @JsonProperty(required = true)
        @JsonSetter(nulls = Nulls.FAIL)
        String name();

        @JsonProperty(required = true)
        @JsonSetter(nulls = Nulls.FAIL)
        String source();
    }

    interface DependencyRules {
        @JsonProperty(required = true)
        @JsonSetter(nulls = Nulls.FAIL)
        String service();

        @JsonProperty(required = true)
        @JsonSetter(nulls = Nulls.FAIL)
        String source();
    }

    interface RateLimitRules {
        @JsonProperty(required = true)
        @JsonSetter(nulls = Nulls.FAIL)
        double requestsPerSecond();
    }

    // Holders, as in RegistryCodec: a JSON reader never builds the YAML mapper.
    private static final class Json {
        static final ObjectMapper READER = strict(JsonMapper.builder(), true);
    }

    private static final class Yaml {
        static final ObjectMapper READER = strict(YAMLMapper.builder(), false);
    }

    static ObjectMapper mapper(RegistryFormat format) {
        return format == RegistryFormat.YAML ? Yaml.READER : Json.READER;
    }

    /**
     * @param json whether numbers and booleans are refused where a string belongs: YAML reads {@code
     *     version: 2} as a number where a person means the string, JSON users write quotes
     */
    private static ObjectMapper strict(MapperBuilder<?, ?> builder, boolean json) {
        builder.disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .enable(DeserializationFeature.FAIL_ON_NUMBERS_FOR_ENUMS)
                .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
                .withConfigOverride(List.class, o -> o.setSetterInfo(JsonSetter.Value.forContentNulls(Nulls.FAIL)))
                .withConfigOverride(Map.class, o -> o.setSetterInfo(JsonSetter.Value.forContentNulls(Nulls.FAIL)))
                .addMixIn(ServiceEntry.class, ServiceEntryRules.class)
                .addMixIn(MethodInfo.class, MethodInfoRules.class)
                .addMixIn(HttpRule.class, HttpRuleRules.class)
                .addMixIn(Endpoint.class, EndpointRules.class)
                .addMixIn(Capability.class, NameAndSourceRules.class)
                .addMixIn(Event.class, NameAndSourceRules.class)
                .addMixIn(Dependency.class, DependencyRules.class)
                .addMixIn(RateLimit.class, RateLimitRules.class);
        if (json) {
            builder.withCoercionConfig(
                    LogicalType.Textual,
                    c -> c.setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                            .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                            .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail));
        }
        return builder.build();
    }

    static Registry read(byte[] bytes, RegistryFormat format, String source) throws RegistryFormatException {
        ObjectMapper mapper = mapper(format);
        RegistryProblems problems = new RegistryProblems(mapper, bytes, format, source);
        RawRegistry raw;
        try (JsonParser parser = mapper.createParser(bytes)) {
            if (parser.nextToken() == null) {
                throw problems.empty();
            }
            raw = mapper.readValue(parser, RawRegistry.class);
            if (parser.nextToken() != null) {
                throw problems.trailing(parser.currentTokenLocation());
            }
        } catch (IOException e) {
            RegistryFormatException newer = problems.newerSchemaVersion();
            throw newer != null ? newer : problems.from(e);
        }
        if (raw.schemaVersion() > Registry.SCHEMA_VERSION) {
            throw problems.newerSchemaVersion();
        }
        if (raw.schemaVersion() < 1) {
            throw problems.at(
                    List.of("schemaVersion"),
                    raw.schemaVersion() + " is not a schema version",
                    "write \"schemaVersion\": " + Registry.SCHEMA_VERSION);
        }
        checkNames(raw.services(), problems);
        return new Registry(raw.schemaVersion(), raw.fingerprint(), raw.services());
    }

    private static void checkNames(List<ServiceEntry> services, RegistryProblems problems)
            throws RegistryFormatException {
        Map<String, Integer> seen = new HashMap<>();
        for (int i = 0; i < services.size(); i++) {
            String name = services.get(i).name();
            if (name.isBlank()) {
                throw problems.at(
                        List.of("services", i, "name"),
                        "a service name may not be blank",
                        "name the service in lower case, such as \"orders\"");
            }
            Integer first = seen.putIfAbsent(name, i);
            if (first != null) {
                throw problems.at(
                        List.of("services", i, "name"),
                        "\"" + name + "\" appears twice (first at services[" + first + "])",
                        "each name may appear once, so remove or rename one");
            }
        }
    }

    /** Whether the token is where a value starts, not a field name or the end of an object or list. */
    static boolean startsValue(JsonToken token) {
        return token != JsonToken.FIELD_NAME && token != JsonToken.END_OBJECT && token != JsonToken.END_ARRAY;
    }
}
