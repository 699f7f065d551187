package dev.switchboard.runtime.registry;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.io.JsonEOFException;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.InvalidNullException;
import com.fasterxml.jackson.databind.introspect.BeanPropertyDefinition;
import java.io.CharConversionException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;

/**
 * The one place where what Jackson reports about a registry becomes a {@link RegistryFormatException} in
 * the file's terms: the JSON path of the field ({@code services[3].kind}), its line and column, what was
 * expected and what was found, described as the file's JSON (a list of service objects, a string), and
 * what to do. Jackson's messages name Java types and its own token names, so none of their text is used
 * except for syntax errors, with the parts that name Jackson's internals taken out.
 *
 * <p>What was found is read again from the source at the failing path, since Jackson's binding errors
 * say only what was expected.
 */
final class RegistryProblems {
    /** The reply to most problems: the file is wrong, and the plugin writes a right one. */
    private static final String REBUILD = "rebuild it with `mvn switchboard:registry`";

    /** The file's names for the records, as the JSON Schema and the README call them. */
    private static final Map<Class<?>, String> NOUNS = Map.ofEntries(
            Map.entry(RegistryReader.RawRegistry.class, "registry"),
            Map.entry(Registry.class, "registry"),
            Map.entry(ServiceEntry.class, "service"),
            Map.entry(ProtoInfo.class, "proto"),
            Map.entry(AwsInfo.class, "aws"),
            Map.entry(MethodInfo.class, "method"),
            Map.entry(HttpRule.class, "HTTP rule"),
            Map.entry(Endpoint.class, "endpoint"),
            Map.entry(Capability.class, "capability"),
            Map.entry(Dependency.class, "dependency"),
            Map.entry(Event.class, "event"),
            Map.entry(Health.class, "health"),
            Map.entry(RateLimit.class, "rate limit"));

    private final ObjectMapper mapper;
    private final byte[] bytes;
    private final RegistryFormat format;
    private final String source;

    RegistryProblems(ObjectMapper mapper, byte[] bytes, RegistryFormat format, String source) {
        this.mapper = mapper;
        this.bytes = bytes;
        this.format = format;
        this.source = source;
    }

    /** A problem with the value at {@code path}, placed at that value when it is in the file. */
    RegistryFormatException at(List<Object> path, String problem, String fix) {
        Located found = locate(path);
        return problem(found == null ? null : found.location(), path, problem, fix);
    }

    RegistryFormatException empty() {
        return new RegistryFormatException(
                source,
                0,
                0,
                "",
                "the file is empty",
                "a registry is an object with \"schemaVersion\" and \"services\": write one, or " + REBUILD);
    }

    RegistryFormatException trailing(JsonLocation location) {
        return problem(
                location,
                List.of(),
                "more content follows the registry object",
                "a registry file holds one object; remove what follows it");
    }

    /** The problem of a schema version newer than this library reads, or null when it is not newer. */
    RegistryFormatException newerSchemaVersion() {
        Located version = locate(List.of("schemaVersion"));
        if (version == null || version.token() != JsonToken.VALUE_NUMBER_INT) {
            return null;
        }
        long value;
        try {
            value = Long.parseLong(version.text());
        } catch (NumberFormatException e) {
            value = Long.MAX_VALUE;
        }
        if (value <= Registry.SCHEMA_VERSION) {
            return null;
        }
        return problem(
                version.location(),
                List.of("schemaVersion"),
                version.text() + " is newer than this switchboard understands (" + Registry.SCHEMA_VERSION + ")",
                "upgrade the switchboard runtime and plugin to the version that wrote it");
    }

    /** The problem a failure of the parser or of binding describes. */
    RegistryFormatException from(IOException e) {
        if (e instanceof JsonMappingException m && m.getCause() instanceof JsonParseException syntax) {
            // A syntax error met while binding arrives wrapped, with the path it was met at.
            return syntax(syntax);
        }
        if (e instanceof JsonParseException syntax) {
            return syntax(syntax);
        }
        if (e instanceof JsonMappingException m) {
            return binding(m);
        }
        if (e instanceof CharConversionException || e.getCause() instanceof CharConversionException) {
            return notUtf8(null);
        }
        return new RegistryFormatException(
                source, 0, 0, "", "cannot be read (" + e.getMessage() + ")", "fix the file or " + REBUILD);
    }

    private RegistryFormatException syntax(JsonParseException e) {
        JsonLocation location = e.getLocation();
        String message = e.getOriginalMessage() == null ? "" : e.getOriginalMessage();
        if (message.contains("Invalid UTF-8") || message.contains("Invalid UTF-32")) {
            return notUtf8(location);
        }
        JsonParser parser = e.getProcessor();
        if (e instanceof JsonEOFException && parser != null) {
            JsonStreamContext open = parser.getParsingContext();
            if (open != null && !open.inRoot()) {
                JsonLocation start = open.startLocation(null);
                return problem(
                        location,
                        List.of(),
                        "the file ends inside the " + (open.inArray() ? "list" : "object") + " that opens at "
                                + start.getLineNr() + ":" + start.getColumnNr(),
                        "the file looks cut off; write it again whole (to a new file moved into place, so that"
                                + " readers never see half of it)");
            }
        }
        return problem(location, List.of(), "not valid " + format + ": " + clean(message), "correct the syntax there");
    }

    /**
     * Jackson notices a bad byte only when it decodes the token around it, and places it after that
     * token: decoding again finds the byte itself.
     */
    private RegistryFormatException notUtf8(JsonLocation fallback) {
        CharsetDecoder decoder = StandardCharsets.UTF_8
                .newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes);
        CharBuffer out = CharBuffer.allocate(bytes.length);
        CoderResult result = decoder.decode(in, out, true);
        if (!result.isError()) {
            return problem(fallback, List.of(), "the file is not UTF-8 text", "save it as UTF-8");
        }
        out.flip();
        int line = 1;
        int column = 1;
        while (out.hasRemaining()) {
            char c = out.get();
            if (c == '\n') {
                line++;
                column = 1;
            } else if (!Character.isLowSurrogate(c)) {
                column++;
            }
        }
        String bad = String.format("0x%02X", bytes[in.position()] & 0xff);
        return new RegistryFormatException(
                source, line, column, "", "the file is not UTF-8 text (byte " + bad + ")", "save it as UTF-8");
    }

    /** Jackson's syntax messages less what names its internals: source descriptions, code points. */
    private static String clean(String message) {
        String first = message.lines().findFirst().orElse("").trim();
        String cleaned = first.replaceAll("\\s*\\((?:for|start marker at)[^()]*\\[Source:[^\\]]*\\]\\)", "")
                .replaceAll("\\s*\\[Source:[^\\]]*\\]", "")
                .replaceAll(" \\(code \\d+\\)", "")
                .replaceAll("\\(('[^']*')\\)", "$1")
                .replaceAll("\\s*\\(token `JsonToken\\.\\w+`\\)", "")
                .trim();
        return cleaned.isEmpty() ? cleaned : Character.toLowerCase(cleaned.charAt(0)) + cleaned.substring(1);
    }

    private RegistryFormatException binding(JsonMappingException e) {
        List<Object> path = new ArrayList<>();
        for (JsonMappingException.Reference reference : e.getPath()) {
            path.add(reference.getFieldName() != null ? reference.getFieldName() : reference.getIndex());
        }
        JavaType expected = typeAt(path);
        Located found = locate(path);
        if (found == null && !path.isEmpty() && path.get(path.size() - 1) instanceof String field) {
            // Nothing at the path, so a required field is absent: point at the object that lacks it.
            List<Object> holder = path.subList(0, path.size() - 1);
            Located object = locate(holder);
            JsonLocation where = object == null ? e.getLocation() : object.location();
            if (holder.isEmpty() && field.equals("schemaVersion")) {
                return problem(
                        where,
                        holder,
                        "\"schemaVersion\" is missing",
                        "a registry starts with \"schemaVersion\": " + Registry.SCHEMA_VERSION);
            }
            return problem(where, holder, "\"" + field + "\" is missing", needs(holder, field, expected));
        }
        JsonLocation where = found == null ? e.getLocation() : found.location();
        Object last = path.isEmpty() ? null : path.get(path.size() - 1);
        if (e instanceof InvalidFormatException invalid
                && expected != null
                && expected.isEnumType()
                && invalid.getValue() instanceof String value) {
            return problem(
                    where,
                    path,
                    "unknown " + last + " \"" + value + "\"",
                    "use one of " + String.join(", ", enumNames(expected.getRawClass())));
        }
        String what = e instanceof InvalidNullException ? "null" : found == null ? null : found.describe();
        String problem = "expected " + describe(expected) + (what == null ? "" : ", found " + what);
        String fix;
        if (path.isEmpty()) {
            fix = "a registry is an object with \"schemaVersion\" and \"services\"; write one, or " + REBUILD;
        } else if ("null".equals(what) && last instanceof Integer) {
            fix = "remove the null from the list";
        } else if ("null".equals(what)
                && last instanceof String field
                && required(path.subList(0, path.size() - 1), field)) {
            fix = needs(path.subList(0, path.size() - 1), field, expected);
        } else {
            fix = "write " + describe(expected) + " there";
        }
        return problem(where, path, problem, fix);
    }

    private String needs(List<Object> holder, String field, JavaType expected) {
        return "every " + noun(typeAt(holder)) + " needs \"" + field + "\": " + describe(expected);
    }

    private RegistryFormatException problem(JsonLocation location, List<Object> path, String problem, String fix) {
        int line = location == null ? 0 : Math.max(0, location.getLineNr());
        int column = location == null || line == 0 ? 0 : Math.max(0, location.getColumnNr());
        return new RegistryFormatException(source, line, column, render(path), problem, fix);
    }

    /** {@code services[3].kind}; a key that is not a plain word in brackets: {@code tags["team a"]}. */
    static String render(List<Object> path) {
        StringBuilder out = new StringBuilder();
        for (Object segment : path) {
            if (segment instanceof Integer index) {
                out.append('[').append(index).append(']');
            } else if (segment.toString().matches("[A-Za-z_][A-Za-z0-9_-]*")) {
                out.append(out.length() == 0 ? "" : ".").append(segment);
            } else {
                out.append("[\"").append(segment).append("\"]");
            }
        }
        return out.toString();
    }

    // ---- the model, in the file's terms

    /** The type the registry's model has at {@code path}, or null when the path leaves the model. */
    private JavaType typeAt(List<Object> path) {
        JavaType type = mapper.constructType(RegistryReader.RawRegistry.class);
        for (Object segment : path) {
            if (type == null) {
                return null;
            }
            if (type.isContainerType()) {
                type = type.getContentType();
            } else {
                BeanPropertyDefinition property = property(type, segment.toString());
                type = property == null ? null : property.getPrimaryType();
            }
        }
        return type;
    }

    private boolean required(List<Object> holder, String field) {
        JavaType type = typeAt(holder);
        BeanPropertyDefinition property = type == null || type.isContainerType() ? null : property(type, field);
        return property != null && property.isRequired();
    }

    private BeanPropertyDefinition property(JavaType type, String name) {
        for (BeanPropertyDefinition property :
                mapper.getDeserializationConfig().introspect(type).findProperties()) {
            if (property.getName().equals(name)) {
                return property;
            }
        }
        return null;
    }

    private static String describe(JavaType type) {
        if (type == null) {
            return "another value";
        }
        Class<?> raw = type.getRawClass();
        if (type.isEnumType()) {
            List<String> names = enumNames(raw);
            if (names.size() == 1) {
                return names.get(0);
            }
            return String.join(", ", names.subList(0, names.size() - 1)) + " or " + names.get(names.size() - 1);
        }
        if (type.isCollectionLikeType()) {
            return "a list of " + plural(type.getContentType());
        }
        if (type.isMapLikeType()) {
            return "an object of " + plural(type.getContentType());
        }
        if (raw == String.class) {
            return "a string";
        }
        if (raw == boolean.class || raw == Boolean.class) {
            return "true or false";
        }
        if (raw == int.class || raw == Integer.class || raw == long.class || raw == Long.class) {
            return "a whole number";
        }
        if (raw == double.class || raw == Double.class || raw == float.class || raw == Float.class) {
            return "a number";
        }
        String noun = noun(type);
        return (startsWithVowelSound(noun) ? "an " : "a ") + noun + " object";
    }

    private static String plural(JavaType type) {
        if (type == null) {
            return "values";
        }
        if (type.getRawClass() == String.class) {
            return "strings";
        }
        return NOUNS.containsKey(type.getRawClass()) ? NOUNS.get(type.getRawClass()) + " objects" : "values";
    }

    private static String noun(JavaType type) {
        return type == null ? "object" : NOUNS.getOrDefault(type.getRawClass(), "object");
    }

    private static boolean startsWithVowelSound(String noun) {
        return "aeiou".indexOf(noun.charAt(0)) >= 0 || noun.startsWith("HTTP");
    }

    /** The names an enum has in the file, sorted. */
    private static List<String> enumNames(Class<?> type) {
        TreeSet<String> names = new TreeSet<>();
        for (Object constant : type.getEnumConstants()) {
            String name = ((Enum<?>) constant).name();
            try {
                JsonProperty property = type.getField(name).getAnnotation(JsonProperty.class);
                names.add(property != null ? property.value() : name.toLowerCase(Locale.ROOT));
            } catch (NoSuchFieldException e) {
                names.add(name.toLowerCase(Locale.ROOT));
            }
        }
        return List.copyOf(names);
    }

    // ---- the source, read again

    /** The value that starts at {@code path} in the source: its token, text and place. */
    record Located(JsonToken token, String text, JsonLocation location) {
        /** The value as the file's JSON: {@code the string "x"}, {@code a list}, {@code null}. */
        String describe() {
            return switch (token) {
                case START_OBJECT -> "an object";
                case START_ARRAY -> "a list";
                case VALUE_STRING -> "the string \"" + shortened(text) + "\"";
                case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> "the number " + shortened(text);
                case VALUE_TRUE -> "true";
                case VALUE_FALSE -> "false";
                case VALUE_NULL -> "null";
                default -> "something else";
            };
        }

        private static String shortened(String text) {
            return text.length() <= 40 ? text : text.substring(0, 37) + "...";
        }
    }

    /**
     * Finds the value at {@code path} by reading the source again, skipping every object and list not on
     * the way; null when it is absent or the source breaks off before it.
     */
    Located locate(List<Object> path) {
        try (JsonParser parser = mapper.createParser(bytes)) {
            JsonToken token;
            while ((token = parser.nextToken()) != null) {
                if (!RegistryReader.startsValue(token)) {
                    continue;
                }
                JsonStreamContext context = parser.getParsingContext();
                List<Object> at = pathOf(token.isStructStart() ? context.getParent() : context);
                if (at.equals(path)) {
                    return new Located(
                            token, token.isScalarValue() ? parser.getText() : null, parser.currentTokenLocation());
                }
                boolean onTheWay =
                        at.size() < path.size() && path.subList(0, at.size()).equals(at);
                if (token.isStructStart() && !onTheWay) {
                    parser.skipChildren();
                }
            }
        } catch (IOException | RuntimeException e) {
            // The source breaks off before the path: the caller falls back to what Jackson reported.
        }
        return null;
    }

    private static List<Object> pathOf(JsonStreamContext context) {
        LinkedList<Object> path = new LinkedList<>();
        for (JsonStreamContext c = context; c != null && !c.inRoot(); c = c.getParent()) {
            if (c.inArray()) {
                path.addFirst(c.getCurrentIndex());
            } else {
                path.addFirst(String.valueOf(c.getCurrentName()));
            }
        }
        return path;
    }
}
