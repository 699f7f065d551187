package dev.switchboard.runtime.registry;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Reads and writes registry files.
 *
 * <p>Output is deterministic: fields in the documented order, services sorted by name, map keys
 * sorted, {@code \n} line ends on every platform and a final newline, so the same registry always gives
 * the same bytes. Reading ignores unknown fields (newer writers may add some) but refuses a newer
 * {@code schemaVersion}, whose meaning this version cannot know, and anything else the JSON Schema does
 * not allow that the runtime relies on; see {@link #read(byte[], RegistryFormat, String)}.
 */
public final class RegistryCodec {
    private RegistryCodec() {}

    // Holders, so a caller that needs one format (or only readFingerprint) does not pay for the other's
    // start-up: the no-op check of an unchanged build must stay cheap.
    private static final class Json {
        static final ObjectMapper MAPPER = configure(JsonMapper.builder().build());
    }

    private static final class Yaml {
        static final ObjectMapper MAPPER = configure(YAMLMapper.builder(YAMLFactory.builder()
                        .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
                        .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES)
                        .enable(YAMLGenerator.Feature.ALWAYS_QUOTE_NUMBERS_AS_STRINGS)
                        .build())
                .build());
    }

    private static ObjectMapper configure(ObjectMapper mapper) {
        return mapper.disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
                .enable(JsonParser.Feature.INCLUDE_SOURCE_IN_LOCATION);
    }

    /** The mapper for a format, configured as the registry needs; for tools that read related files. */
    public static ObjectMapper mapper(RegistryFormat format) {
        return format == RegistryFormat.YAML ? Yaml.MAPPER : Json.MAPPER;
    }

    /** Encodes a registry; the same registry always gives the same text. */
    public static String write(Registry registry, RegistryFormat format) {
        return new String(writeBytes(registry, format), StandardCharsets.UTF_8);
    }

    /**
     * Reads a registry file; its format follows from the file name.
     *
     * @throws RegistryFormatException when the file is not a valid registry, or a directory
     */
    public static Registry read(Path file) throws IOException, RegistryFormatException {
        if (Files.isDirectory(file)) {
            throw new RegistryFormatException(
                    file.toString(), 0, 0, "", "is a directory, not a registry file", "name the registry file itself");
        }
        return read(Files.readAllBytes(file), RegistryFormat.of(file), file.toString());
    }

    /**
     * Reads a registry.
     *
     * @param sourceName how error messages name the source (a path or a resource name)
     */
    public static Registry read(InputStream in, RegistryFormat format, String sourceName)
            throws IOException, RegistryFormatException {
        return read(in.readAllBytes(), format, sourceName);
    }

    /**
     * Reads a registry from its bytes. Every problem is reported in the file's terms: the source, the line
     * and column, the JSON path of the field ({@code services[3].kind}), what is wrong and what to do.
     *
     * @param sourceName how error messages name the source (a path or a resource name)
     */
    public static Registry read(byte[] bytes, RegistryFormat format, String sourceName) throws RegistryFormatException {
        return RegistryReader.read(bytes, format, sourceName);
    }

    /**
     * Reads only the fingerprint of a JSON registry, stopping at the first field after it; far cheaper
     * than a full read for deciding whether a registry is current.
     *
     * @return the fingerprint, or empty when the file has none or is not a registry
     */
    public static Optional<String> readFingerprint(Path jsonFile) {
        try (JsonParser parser = new JsonFactory().createParser(jsonFile.toFile())) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                return Optional.empty();
            }
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String field = parser.currentName();
                JsonToken value = parser.nextToken();
                if ("fingerprint".equals(field)) {
                    return value == JsonToken.VALUE_STRING ? Optional.of(parser.getText()) : Optional.empty();
                }
                if (!"schemaVersion".equals(field)) {
                    return Optional.empty();
                }
            }
            return Optional.empty();
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    /**
     * Writes a service entry as a registry's {@code services} hold it, for files that keep entries in the
     * registry's form and read them back with {@link #readService}.
     */
    public static void writeService(JsonGenerator generator, ServiceEntry service) throws IOException {
        RegistryJsonWriter.service(generator, service);
    }

    /**
     * Reads a service entry as {@link #writeService} wrote it, from the start of its object; fields it does
     * not know are skipped and nothing is checked, so only for files a build wrote itself.
     */
    public static ServiceEntry readService(JsonParser parser) throws IOException {
        return ServiceEntryReader.read(parser);
    }

    /**
     * Encodes a registry as UTF-8, the bytes of {@link #write}: JSON by {@link RegistryJsonWriter} straight
     * into bytes, since a registry of thousands of services is megabytes that a string would copy twice
     * more; YAML by the object mapper.
     */
    public static byte[] writeBytes(Registry registry, RegistryFormat format) {
        try {
            if (format == RegistryFormat.YAML) {
                return Yaml.MAPPER.writeValueAsBytes(registry);
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream(1 << 16);
            RegistryJsonWriter.write(registry, out);
            out.write('\n');
            return out.toByteArray();
        } catch (IOException e) {
            // Records of strings, numbers and lists always serialize, and to memory; failing here is a bug.
            throw new UncheckedIOException(e);
        }
    }
}
