package dev.switchboard.core.registry;

import com.fasterxml.jackson.annotation.JsonSetter;
import com.fasterxml.jackson.annotation.Nulls;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.exc.InvalidNullException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.type.LogicalType;
import com.fasterxml.jackson.dataformat.yaml.snakeyaml.error.Mark;
import com.fasterxml.jackson.dataformat.yaml.snakeyaml.error.MarkedYAMLException;
import dev.switchboard.core.diag.InputException;
import dev.switchboard.core.diag.IoProblems;
import dev.switchboard.core.diag.Problem;
import dev.switchboard.core.diag.Suggestions;
import dev.switchboard.runtime.registry.RegistryCodec;
import dev.switchboard.runtime.registry.RegistryFormat;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reading the user's YAML and JSON files (rules, overrides) strictly, with placed errors. This is the
 * one place where the parser's and the data binding's failures become problems in the file's own
 * terms: the key path ({@code services.s3.tags}), what was found, what is expected, a right value, and
 * {@code file:line:col}. A file is read in three passes:
 *
 * <ol>
 *   <li>the bytes: the file exists, is a file, has an extension that says its format, and is UTF-8 text;
 *   <li>the syntax: where every key and list entry stands, duplicate keys, a second document;
 *   <li>the binding to the file's records, strict about unknown fields and the kinds of values.
 * </ol>
 */
final class DataFiles {
    private static final Pattern PLAIN_KEY = Pattern.compile("[A-Za-z0-9_-]+");
    private static final Pattern PATH_PART = Pattern.compile("\\[\\d*]|\"(?:[^\"\\\\]|\\\\.)*\"|[^.\\[]+");
    private static final Pattern JSON_UNEXPECTED =
            Pattern.compile("Unexpected character \\('(.+?)' \\(code \\d+\\)\\)[^:]*: (.*)", Pattern.DOTALL);
    private static final Pattern START_MARKER = Pattern.compile("line: (\\d+), column: (\\d+)");

    private DataFiles() {}

    /**
     * What a kind of data file is, for its messages.
     *
     * @param noun how messages name it ({@code overrides file})
     * @param parameter the XML parameter that names it ({@code <overridesFile>})
     * @param baseName the name to suggest when renaming it, without extension ({@code overrides})
     * @param format where its format is described, for fixes that have no example
     * @param examples a right value by key pattern, in YAML: {@code services.*.tags} → {@code tags: {team:
     *     accounts}}; {@code *} stands for any key, {@code []} for any list entry, {@code ""} for the file
     */
    record Spec(String noun, String parameter, String baseName, String format, Map<String, String> examples) {

        /** The example for a path, or null. */
        String example(String path) {
            List<String> parts = parts(path);
            for (Map.Entry<String, String> e : examples.entrySet()) {
                if (matches(parts(e.getKey()), parts)) {
                    return e.getValue();
                }
            }
            return null;
        }

        private static boolean matches(List<String> pattern, List<String> parts) {
            if (pattern.size() != parts.size()) {
                return false;
            }
            for (int i = 0; i < parts.size(); i++) {
                String p = pattern.get(i);
                String part = parts.get(i);
                boolean entry = part.startsWith("[");
                boolean ok = p.equals("[]") ? entry : !entry && (p.equals("*") || p.equals(part));
                if (!ok) {
                    return false;
                }
            }
            return true;
        }
    }

    /**
     * Where a key or list entry stands, and its value in words.
     *
     * @param found "a list", "the text \"x\"", "empty"; null until the value is seen
     */
    record Place(int line, int column, String found) {}

    /**
     * A file read and bound, with where each key and list entry stands, for the checks that follow the
     * binding.
     *
     * @param value the bound value; null when the file is empty
     */
    record Document<T>(String shownAs, RegistryFormat format, Spec spec, T value, Map<String, Place> places) {

        /** A problem at the key or list entry {@code path}, or at the nearest enclosing one the file has. */
        Problem problem(String path, String message, String fix) {
            Place place = place(path);
            return place == null
                    ? Problem.in(shownAs, message, fix)
                    : Problem.at(shownAs, place.line(), place.column(), message, fix);
        }

        /** Whether the file states {@code path} itself. */
        boolean has(String path) {
            return places.containsKey(path);
        }

        /** The line of {@code path}, or 0. */
        int line(String path) {
            Place place = place(path);
            return place == null ? 0 : place.line();
        }

        /** {@code write it like `tags: {team: accounts}`}, in the file's syntax; or the format's pointer. */
        String writeItLike(String path) {
            String example = spec.example(path);
            return example == null ? spec.format() : "write it like `" + inSyntax(example) + "`";
        }

        private Place place(String path) {
            for (String p = path; ; p = parent(p)) {
                Place place = places.get(p);
                if (place != null || p.isEmpty()) {
                    return place;
                }
            }
        }

        /** The examples are written once, in YAML; a JSON file gets them in JSON. */
        private String inSyntax(String yaml) {
            if (format == RegistryFormat.YAML) {
                return yaml;
            }
            try {
                JsonNode node = RegistryCodec.mapper(RegistryFormat.YAML).readTree(yaml);
                ObjectMapper json = RegistryCodec.mapper(RegistryFormat.JSON);
                if (node instanceof ObjectNode object && object.size() == 1 && !yaml.startsWith("{")) {
                    Map.Entry<String, JsonNode> field =
                            object.properties().iterator().next();
                    return json.writeValueAsString(field.getKey()) + ": " + json.writeValueAsString(field.getValue());
                }
                return json.writeValueAsString(node);
            } catch (JsonProcessingException e) {
                throw new IllegalStateException("the example " + yaml + " is not valid YAML", e);
            }
        }

        /**
         * The problem a data-binding failure describes, in the file's terms; Jackson's own words, which
         * name Java types, never reach the user.
         */
        private Problem binding(JsonMappingException e) {
            String path = path(e.getPath());
            String subject = path.isEmpty() ? "the " + spec.noun() : "`" + path + "`";
            if (e instanceof UnrecognizedPropertyException unknown) {
                String name = unknown.getPropertyName();
                List<String> known = unknown.getKnownPropertyIds().stream()
                        .map(String::valueOf)
                        .sorted()
                        .toList();
                String parent = parent(path);
                List<String> near = Suggestions.nearest(name, known);
                return problem(
                        path,
                        "unknown field \"" + name + "\"" + (parent.isEmpty() ? " at the top" : " in `" + parent + "`")
                                + (near.isEmpty() ? "" : " (nearest: " + String.join(", ", near) + ")"),
                        "use one of: " + String.join(", ", known));
            }
            if (e instanceof InvalidNullException) {
                return problem(path, subject + " is empty", writeItLike(path) + ", or remove it");
            }
            if (e instanceof MismatchedInputException mismatch) {
                Place place = places.get(path);
                String found = place == null || place.found() == null ? "" : " is " + place.found() + ", but";
                return problem(
                        path, subject + found + " must be " + expected(mismatch.getTargetType()), writeItLike(path));
            }
            return problem(path, subject + " cannot be read as written", writeItLike(path));
        }
    }

    /** A mapper for the file's format, strict where Jackson is lenient, so a wrong value is reported. */
    private static ObjectMapper strictMapper(RegistryFormat format) {
        ObjectMapper mapper = RegistryCodec.mapper(format)
                .copy()
                .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT);
        // An empty list entry or map value ("tags: {team: }") is a slip, not a value.
        JsonSetter.Value noEmptyEntries = JsonSetter.Value.forContentNulls(Nulls.FAIL);
        mapper.configOverride(List.class).setSetterInfo(noEmptyEntries);
        mapper.configOverride(Map.class).setSetterInfo(noEmptyEntries);
        // "streaming: 1" is not a yes or no.
        mapper.coercionConfigFor(LogicalType.Boolean).setCoercion(CoercionInputShape.Integer, CoercionAction.Fail);
        return mapper;
    }

    /**
     * Reads and binds a data file, collecting every problem of a pass before failing.
     *
     * @return the document; its value is null when the file holds nothing, which each caller warns about
     *     in its own terms
     */
    static <T> Document<T> read(Path file, String shownAs, Class<T> type, Spec spec) throws InputException {
        String text = text(file, shownAs, spec);
        RegistryFormat format = RegistryFormat.of(file);
        ObjectMapper mapper = strictMapper(format);
        Map<String, Place> places = new HashMap<>();
        List<Problem> problems = new ArrayList<>();
        boolean empty = scan(mapper, format, text, shownAs, spec, places, problems);
        if (!problems.isEmpty()) {
            throw failure(problems);
        }
        if (empty) {
            return new Document<>(shownAs, format, spec, null, places);
        }
        Document<T> unbound = new Document<>(shownAs, format, spec, null, places);
        try {
            return new Document<>(shownAs, format, spec, mapper.readValue(text, type), places);
        } catch (JsonMappingException e) {
            throw failure(List.of(unbound.binding(e)));
        } catch (JsonProcessingException e) {
            // The scan parsed the same text, so the parser cannot fail here.
            throw new IllegalStateException(shownAs + " parsed once but not twice", e);
        }
    }

    /** Every problem, summarised by the files they are in. */
    static InputException failure(List<Problem> problems) {
        LinkedHashSet<String> where = new LinkedHashSet<>();
        problems.stream().sorted(Problem.ORDER).forEach(p -> where.add(p.where()));
        return new InputException(problems.size() + " problem(s) in " + String.join(", ", where), problems);
    }

    /** {@code services.user}: the path of a key below {@code parent}, quoted when it holds dots or the like. */
    static String child(String parent, String key) {
        String part = PLAIN_KEY.matcher(key).matches()
                ? key
                : "\"" + key.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
        return parent.isEmpty() ? part : parent + "." + part;
    }

    /** {@code capabilities[2]}: the path of a list entry. */
    static String entry(String parent, int index) {
        return parent + "[" + index + "]";
    }

    private static String parent(String path) {
        List<String> parts = parts(path);
        if (parts.size() <= 1) {
            return "";
        }
        String last = parts.get(parts.size() - 1);
        int cut = path.length() - last.length() - (last.startsWith("[") ? 0 : 1);
        return path.substring(0, cut);
    }

    private static List<String> parts(String path) {
        List<String> parts = new ArrayList<>();
        Matcher m = PATH_PART.matcher(path);
        while (m.find()) {
            parts.add(m.group());
        }
        return parts;
    }

    private static String path(List<JsonMappingException.Reference> references) {
        String path = "";
        for (JsonMappingException.Reference r : references) {
            path = r.getFieldName() != null ? child(path, r.getFieldName()) : entry(path, r.getIndex());
        }
        return path;
    }

    /** The kind of value a target type takes, in the words of a YAML or JSON file. */
    private static String expected(Class<?> type) {
        if (type == null) {
            return "another kind of value";
        }
        if (Collection.class.isAssignableFrom(type) || type.isArray()) {
            return "a list";
        }
        if (Map.class.isAssignableFrom(type)) {
            return "a map";
        }
        if (CharSequence.class.isAssignableFrom(type)) {
            return "text";
        }
        if (type == boolean.class || type == Boolean.class) {
            return "true or false";
        }
        if (type == int.class || type == Integer.class || type == long.class || type == Long.class) {
            return "a whole number";
        }
        if (type.isPrimitive() || Number.class.isAssignableFrom(type)) {
            return "a number";
        }
        return "a map";
    }

    /**
     * Adds a problem when {@code file} cannot be a data file at all: it is missing, a directory, or its
     * extension does not say YAML or JSON. Cheap enough for the up-to-date check, which must not fail
     * on a file it cannot fingerprint.
     */
    static void checkFile(Path file, String shownAs, Spec spec, List<Problem> problems) {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        if (!Files.exists(file)) {
            problems.add(Problem.in(
                    spec.parameter(), shownAs + " does not exist", "correct the path, or remove " + spec.parameter()));
        } else if (Files.isDirectory(file)) {
            problems.add(Problem.in(
                    shownAs,
                    "is a directory, not a file",
                    "name the " + spec.noun() + " itself, a .yaml, .yml or .json file, with " + spec.parameter()));
        } else if (!name.endsWith(".yaml") && !name.endsWith(".yml") && !name.endsWith(".json")) {
            problems.add(Problem.in(
                    shownAs,
                    spec.noun().substring(0, 1).toUpperCase(Locale.ROOT)
                            + spec.noun().substring(1) + "s end in .yaml, .yml or .json, which say how to read them",
                    "rename it to " + spec.baseName() + ".yaml (or .json), and " + spec.parameter() + " with it"));
        }
    }

    /** The file's text; every problem here is about the file as a whole or one byte of it. */
    private static String text(Path file, String shownAs, Spec spec) throws InputException {
        List<Problem> problems = new ArrayList<>();
        checkFile(file, shownAs, spec, problems);
        if (!problems.isEmpty()) {
            throw failure(problems);
        }
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (AccessDeniedException e) {
            throw failure(List.of(Problem.in(shownAs, "cannot be read: permission denied", "make it readable")));
        } catch (IOException e) {
            throw failure(List.of(
                    Problem.in(shownAs, "cannot be read: " + IoProblems.reason(e), "check that the file is readable")));
        }
        for (int i = 0; i < bytes.length; i++) {
            if (bytes[i] == 0) {
                throw failure(List.of(Problem.at(
                        shownAs,
                        lineOf(bytes, i),
                        columnOf(bytes, i),
                        "holds a NUL byte, so it is binary data or text that is not UTF-8, not YAML or JSON",
                        "name the " + spec.noun() + " with " + spec.parameter() + ", saved as UTF-8 text")));
            }
        }
        CharsetDecoder decoder = StandardCharsets.UTF_8
                .newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes);
        CharBuffer out = CharBuffer.allocate(bytes.length);
        CoderResult result = decoder.decode(in, out, true);
        if (result.isError()) {
            int at = in.position();
            throw failure(List.of(Problem.at(
                    shownAs,
                    lineOf(bytes, at),
                    columnOf(bytes, at),
                    String.format("byte 0x%02X is not UTF-8 text", bytes[at] & 0xff),
                    "save the file as UTF-8")));
        }
        decoder.flush(out);
        String text = out.flip().toString();
        return text.startsWith("\uFEFF") ? text.substring(1) : text;
    }

    private static int lineOf(byte[] bytes, int offset) {
        int line = 1;
        for (int i = 0; i < offset; i++) {
            if (bytes[i] == '\n') {
                line++;
            }
        }
        return line;
    }

    private static int columnOf(byte[] bytes, int offset) {
        int start = offset;
        while (start > 0 && bytes[start - 1] != '\n') {
            start--;
        }
        // Everything before the offset decoded, so the column counts characters, not bytes.
        return new String(bytes, start, offset - start, StandardCharsets.UTF_8).length() + 1;
    }

    /** An open map or list while scanning: its path, its keys so far, or its next index. */
    private static final class Open {
        final String path;
        final boolean list;
        final Map<String, JsonLocation> keys = new HashMap<>();
        int next;
        String key;

        Open(String path, boolean list) {
            this.path = path;
            this.list = list;
        }
    }

    /**
     * Records where every key and list entry stands and what it holds; reports duplicate keys, a second
     * document and the first syntax error.
     *
     * @return whether the file holds no value at all
     */
    private static boolean scan(
            ObjectMapper mapper,
            RegistryFormat format,
            String text,
            String shownAs,
            Spec spec,
            Map<String, Place> places,
            List<Problem> problems) {
        Deque<Open> open = new ArrayDeque<>();
        boolean root = false;
        boolean empty = true;
        try (JsonParser parser = mapper.createParser(text)) {
            for (JsonToken token = parser.nextToken(); token != null; token = parser.nextToken()) {
                JsonLocation at = parser.currentTokenLocation();
                if (token == JsonToken.END_OBJECT || token == JsonToken.END_ARRAY) {
                    open.pop();
                    continue;
                }
                if (token == JsonToken.FIELD_NAME) {
                    Open map = open.peek();
                    String name = parser.currentName();
                    map.key = child(map.path, name);
                    JsonLocation first = map.keys.putIfAbsent(name, at);
                    if (first != null) {
                        problems.add(Problem.at(
                                shownAs,
                                at.getLineNr(),
                                at.getColumnNr(),
                                "`" + map.key + "` is given twice; the first is at line " + first.getLineNr()
                                        + ", and only one can count",
                                "keep one of them, with the fields of both if they are all wanted"));
                    } else {
                        places.put(map.key, new Place(at.getLineNr(), at.getColumnNr(), null));
                    }
                    continue;
                }
                String found = found(token, parser);
                String path;
                if (open.isEmpty()) {
                    if (root) {
                        problems.add(Problem.at(
                                shownAs,
                                at.getLineNr(),
                                at.getColumnNr(),
                                "a second document starts here; the " + spec.noun() + " holds one document",
                                "merge it into the first, or remove it"));
                        break;
                    }
                    root = true;
                    empty = token == JsonToken.VALUE_NULL;
                    path = "";
                    places.put(path, new Place(at.getLineNr(), at.getColumnNr(), found));
                } else if (open.peek().list) {
                    Open list = open.peek();
                    path = entry(list.path, list.next++);
                    places.put(path, new Place(at.getLineNr(), at.getColumnNr(), found));
                } else {
                    path = open.peek().key;
                    places.computeIfPresent(
                            path, (k, p) -> p.found() == null ? new Place(p.line(), p.column(), found) : p);
                }
                if (token == JsonToken.START_OBJECT || token == JsonToken.START_ARRAY) {
                    open.push(new Open(path, token == JsonToken.START_ARRAY));
                }
            }
        } catch (MarkedYAMLException e) {
            problems.add(yamlSyntax(shownAs, spec, e));
        } catch (JsonProcessingException e) {
            problems.add(
                    format == RegistryFormat.YAML
                            ? located(shownAs, e.getLocation(), "this is not valid YAML", spec.format())
                            : jsonSyntax(shownAs, spec, e));
        } catch (IOException e) {
            // A parser over a string in memory has no I/O to fail.
            throw new IllegalStateException(e);
        }
        return empty;
    }

    private static String found(JsonToken token, JsonParser parser) throws IOException {
        return switch (token) {
            case START_OBJECT -> "a map";
            case START_ARRAY -> "a list";
            // YAML reads a key with nothing after it as empty text.
            case VALUE_STRING ->
                parser.getText().isEmpty() ? "empty" : "the text \"" + abbreviate(parser.getText()) + "\"";
            case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> "the number " + parser.getText();
            case VALUE_TRUE -> "`true`";
            case VALUE_FALSE -> "`false`";
            case VALUE_NULL -> "empty";
            default -> "a value";
        };
    }

    private static String abbreviate(String text) {
        return text.length() <= 40 ? text : text.substring(0, 37) + "…";
    }

    private static Problem located(String shownAs, JsonLocation at, String message, String fix) {
        return at == null || at.getLineNr() < 1
                ? Problem.in(shownAs, message, fix)
                : Problem.at(shownAs, at.getLineNr(), Math.max(0, at.getColumnNr()), message, fix);
    }

    /** A YAML syntax error in words a YAML author uses, at the place that needs the fix. */
    private static Problem yamlSyntax(String shownAs, Spec spec, MarkedYAMLException e) {
        String context = e.getContext() == null ? "" : e.getContext();
        String problem = e.getProblem() == null ? "" : e.getProblem();
        Mark at = e.getProblemMark() != null ? e.getProblemMark() : e.getContextMark();
        Mark start = e.getContextMark() != null ? e.getContextMark() : at;
        if (problem.contains("\\t(TAB)") || problem.contains("'\\t'")) {
            return marked(shownAs, at, "a tab character; YAML indents with spaces only", "replace the tab with spaces");
        }
        if (context.contains("quoted scalar")) {
            return marked(
                    shownAs,
                    start,
                    "the quoted value that starts here is never closed",
                    "add the closing quote on the same line");
        }
        if (context.contains("flow sequence")) {
            return marked(
                    shownAs,
                    start,
                    "the `[` list that starts here is not closed, or two of its entries have no `,` between them",
                    "separate the entries with `,` and end the list with `]`");
        }
        if (context.contains("flow mapping")) {
            return marked(
                    shownAs,
                    start,
                    "the `{` map that starts here is not closed, or two of its entries have no `,` between them",
                    "separate the entries with `,` and end the map with `}`");
        }
        if (problem.startsWith("mapping values are not allowed")) {
            return marked(
                    shownAs,
                    at,
                    "a `: ` inside a value that is not quoted",
                    "put the value in quotes, or put a nested map on lines of its own, indented further");
        }
        if (problem.startsWith("could not find expected ':'")) {
            return marked(shownAs, start, "this line has no `:` after its key", "write it as `key: value`");
        }
        if (context.contains("block mapping") || context.contains("block collection")) {
            return marked(
                    shownAs,
                    at,
                    "this line is indented differently from the lines before it at the same level",
                    "indent the keys of one map, and the `-` of one list, by the same number of spaces");
        }
        if (problem.startsWith("found character") && problem.contains("cannot start any token")) {
            return marked(shownAs, at, "a value cannot start with this character", "put the value in quotes");
        }
        if (problem.contains("escape")) {
            return marked(
                    shownAs,
                    at,
                    "an unknown escape (`\\`) in a double-quoted value",
                    "write a backslash as `\\\\`, or put the value in single quotes");
        }
        return marked(shownAs, at, "this is not valid YAML", spec.format());
    }

    private static Problem marked(String shownAs, Mark mark, String message, String fix) {
        // The YAML parser counts lines and columns from 0.
        return mark == null
                ? Problem.in(shownAs, message, fix)
                : Problem.at(shownAs, mark.getLine() + 1, mark.getColumn() + 1, message, fix);
    }

    /** A JSON syntax error in words a JSON author uses, at the place that needs the fix. */
    private static Problem jsonSyntax(String shownAs, Spec spec, JsonProcessingException e) {
        String original = e.getOriginalMessage() == null ? "" : e.getOriginalMessage();
        JsonLocation at = e.getLocation();
        Matcher unexpected = JSON_UNEXPECTED.matcher(original);
        if (unexpected.matches()) {
            String found = unexpected.group(1);
            String reason = unexpected.group(2);
            if (found.equals("'")) {
                return located(
                        shownAs,
                        at,
                        "a single quote; JSON quotes keys and text with double quotes",
                        "write \"text\" instead of 'text'");
            }
            if (reason.contains("comment")) {
                return located(
                        shownAs,
                        at,
                        "JSON has no comments",
                        "remove the comment, or write the file as YAML, where `#` starts one");
            }
            if (reason.contains("comma to separate")) {
                return located(shownAs, at, "a `,` is missing before this entry", "put `,` between the entries");
            }
            if (reason.contains("colon to separate")) {
                return located(shownAs, at, "a `:` is missing after the key", "write it as \"key\": value");
            }
            if (found.equals("}") || found.equals("]")) {
                return located(
                        shownAs, at, "a `,` before `" + found + "` has no entry after it", "remove the last `,`");
            }
            if (reason.contains("start field name")) {
                return located(shownAs, at, "a key must be in double quotes", "write it as \"key\": value");
            }
            return located(shownAs, at, "a value cannot start with `" + found + "`", "put text in double quotes");
        }
        if (original.startsWith("Unrecognized token")) {
            return located(
                    shownAs,
                    at,
                    "this is not a JSON value",
                    "put text in double quotes; only numbers, true, false and null go without");
        }
        if (original.contains("expected close marker")) {
            Matcher marker = START_MARKER.matcher(original);
            String bracket = original.contains("for Array") ? "[" : "{";
            String closing = bracket.equals("[") ? "]" : "}";
            if (marker.find()) {
                return Problem.at(
                        shownAs,
                        Integer.parseInt(marker.group(1)),
                        Integer.parseInt(marker.group(2)),
                        "the `" + bracket + "` that starts here is never closed",
                        "add the closing `" + closing + "`");
            }
            return located(
                    shownAs, at, "the file ends inside a `" + bracket + "`", "add the closing `" + closing + "`");
        }
        if (original.contains("closing quote") || original.contains("CTRL-CHAR, code 10")) {
            return located(
                    shownAs,
                    at,
                    "a quoted value is not closed on its line",
                    "add the closing `\"`; write a line break inside text as \\n");
        }
        if (original.contains("CTRL-CHAR")) {
            return located(shownAs, at, "a control character inside quotes", "write a tab as \\t, a line break as \\n");
        }
        if (original.contains("escape")) {
            return located(shownAs, at, "an unknown escape (`\\`) in text", "write a backslash as `\\\\`");
        }
        return located(shownAs, at, "this is not valid JSON", spec.format());
    }
}
