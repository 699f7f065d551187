package dev.switchboard.core.proto;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import dev.switchboard.core.diag.Problem;
import dev.switchboard.core.io.JsonTokens;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads {@value ProtoCache#PARSED_FILE} token by token. An edit build needs every summary before it can
 * check anything, and binding them to records costs a fresh JVM half a second more than the parse itself
 * for googleapis (6 MB); {@link ProtoCache} writes the file in the shape read here, and reads its other
 * file, of the same outer shape, through {@link #read(Path, int, String, Body)}.
 */
final class ParsedSummaries {
    private static final JsonFactory JSON = new JsonFactory();

    private ParsedSummaries() {}

    /**
     * The summaries by key, or null when the file is of another format.
     *
     * @throws IOException when the file cannot be read or is not in the shape written
     */
    static Map<String, FileSummary> read(Path file, int format) throws IOException {
        return read(file, format, "parsed", ParsedSummaries::summaries);
    }

    /** Reads the value of a cache file's field, the parser at its first token. */
    interface Body<T> {
        T read(JsonParser p) throws IOException;
    }

    /**
     * The value of {@code field} in a cache file {@code {"format": N, "field": …}}, or null when the file
     * is of another format; other fields are skipped.
     *
     * @throws IOException when the file cannot be read or is not in the shape written
     */
    static <T> T read(Path file, int format, String field, Body<T> body) throws IOException {
        try (JsonParser p = JSON.createParser(file.toFile())) {
            JsonTokens.expect(p.nextToken(), JsonToken.START_OBJECT, p);
            Integer foundFormat = null;
            T value = null;
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String name = p.currentName();
                p.nextToken();
                if (name.equals("format")) {
                    foundFormat = p.getIntValue();
                } else if (name.equals(field) && foundFormat != null && foundFormat == format) {
                    value = body.read(p);
                } else {
                    p.skipChildren();
                }
            }
            return foundFormat != null && foundFormat == format ? value : null;
        }
    }

    private static Map<String, FileSummary> summaries(JsonParser p) throws IOException {
        JsonTokens.expect(p.currentToken(), JsonToken.START_OBJECT, p);
        Map<String, FileSummary> summaries = new HashMap<>();
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String key = p.currentName();
            JsonTokens.expect(p.nextToken(), JsonToken.START_OBJECT, p);
            List<String> imports = List.of();
            List<FileSummary.Definition> definitions = List.of();
            List<String> nested = List.of();
            List<Problem> warnings = List.of();
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String field = p.currentName();
                p.nextToken();
                switch (field) {
                    case "imports" -> imports = JsonTokens.strings(p);
                    case "definitions" -> definitions = definitions(p);
                    case "nestedTypeNames" -> nested = JsonTokens.strings(p);
                    case "warnings" -> warnings = problems(p);
                    default -> p.skipChildren();
                }
            }
            summaries.put(key, new FileSummary(imports, definitions, nested, warnings));
        }
        return summaries;
    }

    /** Each definition as the array {@code [kind, name, line, column]}. */
    private static List<FileSummary.Definition> definitions(JsonParser p) throws IOException {
        JsonTokens.expect(p.currentToken(), JsonToken.START_ARRAY, p);
        List<FileSummary.Definition> definitions = new ArrayList<>();
        while (p.nextToken() == JsonToken.START_ARRAY) {
            String kind = p.nextTextValue();
            String name = p.nextTextValue();
            JsonTokens.expect(p.nextToken(), JsonToken.VALUE_NUMBER_INT, p);
            int line = p.getIntValue();
            JsonTokens.expect(p.nextToken(), JsonToken.VALUE_NUMBER_INT, p);
            int column = p.getIntValue();
            JsonTokens.expect(p.nextToken(), JsonToken.END_ARRAY, p);
            if (kind == null || name == null) {
                throw new IOException("a definition without its kind or name at " + p.currentLocation());
            }
            definitions.add(new FileSummary.Definition(kind, name, line, column));
        }
        JsonTokens.expect(p.currentToken(), JsonToken.END_ARRAY, p);
        return definitions;
    }

    private static List<Problem> problems(JsonParser p) throws IOException {
        JsonTokens.expect(p.currentToken(), JsonToken.START_ARRAY, p);
        List<Problem> problems = new ArrayList<>();
        while (p.nextToken() == JsonToken.START_OBJECT) {
            String where = null;
            String message = null;
            String fix = null;
            int line = 0;
            int column = 0;
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String field = p.currentName();
                JsonToken value = p.nextToken();
                switch (field) {
                    case "where" -> where = p.getValueAsString();
                    case "line" -> line = p.getValueAsInt();
                    case "column" -> column = p.getValueAsInt();
                    case "message" -> message = p.getValueAsString();
                    case "fix" -> fix = value == JsonToken.VALUE_NULL ? null : p.getValueAsString();
                    default -> p.skipChildren();
                }
            }
            problems.add(new Problem(where, line, column, message, fix));
        }
        JsonTokens.expect(p.currentToken(), JsonToken.END_ARRAY, p);
        return problems;
    }
}
