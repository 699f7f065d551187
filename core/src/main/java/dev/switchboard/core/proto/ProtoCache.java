package dev.switchboard.core.proto;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import dev.switchboard.core.diag.Problem;
import dev.switchboard.core.io.JsonTokens;
import dev.switchboard.runtime.registry.RegistryCodec;
import dev.switchboard.runtime.registry.ServiceEntry;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.function.Function;

/**
 * What each source file's services gave the registry in the last build, so that the next one links and
 * maps only the files that changed and those that import them, and what the checks read of each file,
 * so that only changed files are parsed again. Entries are keyed by the file's content,
 * the content of every source it imports, directly or not, and the build's {@code environment} (plugin,
 * configuration, import paths, dependency jars, rules), so a key that is found is still right.
 *
 * <p>Kept in two files in the registry directory: the services in {@value #FILE}, what the checks read in
 * {@value #PARSED_FILE}. The checks need the second at once; the first is read on a thread of its own
 * meanwhile (for googleapis 7.4 and 6 MB; both are read and written token by token, as binding them to
 * records cost a fresh JVM over half a second).
 * A missing, unreadable or outdated file only costs a full build. The front end writes {@link #bytes} and
 * {@link #parsedBytes} when it commits the registry, never after a failed build, so the cache always
 * describes a registry that was written.
 */
public final class ProtoCache {
    /** The file of the services' entries in the registry directory. */
    public static final String FILE = "protos.cache";

    /** The file of what the checks read of each source, in the registry directory. */
    public static final String PARSED_FILE = "protos.parsed";

    /** Raised when what a cache entry holds changes shape, so that an older file is not misread. */
    private static final int FORMAT = 3;

    private static final JsonFactory JSON = new JsonFactory();

    private final Path file;
    private final Path parsedFile;
    private final String environment;
    private final Function<Path, Map<String, List<ServiceFacts>>> filesReader;
    private Map<String, FileSummary> parsed;
    private FutureTask<Map<String, List<ServiceFacts>>> files;
    private final Map<String, List<ServiceFacts>> kept = new TreeMap<>();
    private final Map<String, FileSummary> keptParsed = new TreeMap<>();
    private int reused;
    private int reusedParsed;
    private FutureTask<byte[][]> serialized;

    /**
     * @param directory the registry directory
     * @param environment everything besides the sources that the registry depends on, as one string
     */
    public ProtoCache(Path directory, String environment) {
        this(directory, environment, ProtoCache::readFiles);
    }

    /** @param filesReader reads {@value #FILE} (the given path) into the services' entries by key */
    ProtoCache(Path directory, String environment, Function<Path, Map<String, List<ServiceFacts>>> filesReader) {
        this.file = directory.resolve(FILE);
        this.parsedFile = directory.resolve(PARSED_FILE);
        this.environment = environment;
        this.filesReader = filesReader;
    }

    String environment() {
        return environment;
    }

    /** The services a file with this key gave last time, or null when the key is not known. */
    List<ServiceFacts> get(String key) {
        return files().get(key);
    }

    /** What the checks read of a file with this content last time, or null when it is not known. */
    FileSummary parsed(String key) {
        return parsed().get(key);
    }

    /** Records what the checks read of a file with this content, for {@link #bytes}; {@code reused}: from here. */
    void keepParsed(String key, FileSummary summary, boolean reused) {
        keptParsed.put(key, summary);
        if (reused) {
            reusedParsed++;
        }
    }

    /** How many source files the last read did not parse, their summaries coming from here. */
    public int reusedParsed() {
        return reusedParsed;
    }

    /** Starts reading the cache now: the services on a thread of their own, what the checks read here. */
    void read() {
        filesRead();
        parsed();
    }

    /** Read on first use, once: both cores may ask at once, while the sources are parsed. */
    private synchronized Map<String, FileSummary> parsed() {
        if (parsed == null) {
            parsed = readParsed();
        }
        return parsed;
    }

    private Map<String, List<ServiceFacts>> files() {
        return await(filesRead());
    }

    /** The read of the services' entries, started on a thread of its own the first time it is asked for. */
    private synchronized FutureTask<Map<String, List<ServiceFacts>>> filesRead() {
        if (files == null) {
            files = new FutureTask<>(() -> filesReader.apply(file));
            Thread thread = new Thread(files, "switchboard-proto-cache-read");
            thread.setDaemon(true);
            thread.start();
        }
        return files;
    }

    /** Records what a file with this key gives, for {@link #bytes}; {@code reused}: it came from here. */
    void keep(String key, List<ServiceFacts> facts, boolean reused) {
        kept.put(key, List.copyOf(facts));
        if (reused) {
            this.reused++;
        }
    }

    /** How many source files the last read took from the cache instead of linking them. */
    public int reused() {
        return reused;
    }

    /**
     * Starts turning the cache into {@link #bytes} and {@link #parsedBytes} on a thread of its own, once
     * nothing more is kept: the build goes on with the registry meanwhile, and a large tree's cache takes
     * as long to write.
     */
    public void serializeAhead() {
        FutureTask<byte[][]> task = new FutureTask<>(this::serialize);
        Thread thread = new Thread(task, "switchboard-proto-cache-write");
        thread.setDaemon(true);
        thread.start();
        serialized = task;
    }

    /** The services' entries as the last {@link ProtoServiceReader#read} left them: the current files' only. */
    public byte[] bytes() {
        return serialized()[0];
    }

    /** What the checks read of the current files, for {@value #PARSED_FILE}. */
    public byte[] parsedBytes() {
        return serialized()[1];
    }

    private byte[][] serialized() {
        if (serialized == null) {
            serializeAhead();
        }
        return await(serialized);
    }

    /**
     * Both files through Jackson's streaming generator, in the shapes {@link #readFiles} and {@link
     * ParsedSummaries} read, the services' entries as the registry holds them: in a fresh JVM the
     * mapper's serializers cost a small project's build 200–260 ms (benchmarks/BENCHMARKS.md). Map keys
     * are sorted, so the same cache always gives the same bytes.
     */
    private byte[][] serialize() {
        try {
            return new byte[][] {services(), summaries()};
        } catch (IOException e) {
            // Strings, numbers and lists written to memory; failing here is a bug.
            throw new IllegalStateException("cannot write the proto cache", e);
        }
    }

    private byte[] services() throws IOException {
        return document("files", out -> {
            for (Map.Entry<String, List<ServiceFacts>> file : kept.entrySet()) {
                out.writeArrayFieldStart(file.getKey());
                for (ServiceFacts facts : file.getValue()) {
                    // Without the endpoints: a quarter of the file, and derived from the methods.
                    facts(out, facts.stored());
                }
                out.writeEndArray();
            }
        });
    }

    /** The fields a cache file's entries are written into, between its format and its end. */
    private interface Entries {
        void write(JsonGenerator out) throws IOException;
    }

    /** {@code {"format": FORMAT, "field": {entries}}}. */
    private static byte[] document(String field, Entries entries) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(1 << 16);
        try (JsonGenerator out = JSON.createGenerator(bytes)) {
            out.writeStartObject();
            out.writeNumberField("format", FORMAT);
            out.writeObjectFieldStart(field);
            entries.write(out);
            out.writeEndObject();
            out.writeEndObject();
        }
        return bytes.toByteArray();
    }

    private static void facts(JsonGenerator out, ServiceFacts facts) throws IOException {
        out.writeStartObject();
        out.writeStringField("file", facts.file());
        out.writeStringField("fullName", facts.fullName());
        out.writeStringField("simpleName", facts.simpleName());
        out.writeStringField("enclosing", facts.enclosing());
        out.writeStringField("packageName", facts.packageName());
        out.writeStringField("explicitName", facts.explicitName());
        out.writeFieldName("place");
        SourcePlace place = facts.place();
        if (place == null) {
            out.writeNull();
        } else {
            out.writeStartObject();
            out.writeStringField("file", place.file());
            out.writeNumberField("line", place.line());
            out.writeNumberField("column", place.column());
            out.writeEndObject();
        }
        out.writeFieldName("draft");
        RegistryCodec.writeService(out, facts.draft());
        out.writeObjectFieldStart("dependencyTypes");
        for (Map.Entry<String, String> type : new TreeMap<>(facts.dependencyTypes()).entrySet()) {
            out.writeStringField(type.getKey(), type.getValue());
        }
        out.writeEndObject();
        strings(out, "notes", facts.notes());
        out.writeEndObject();
    }

    private byte[] summaries() throws IOException {
        return document("parsed", out -> {
            for (Map.Entry<String, FileSummary> file : keptParsed.entrySet()) {
                FileSummary summary = file.getValue();
                out.writeObjectFieldStart(file.getKey());
                strings(out, "imports", summary.imports());
                out.writeArrayFieldStart("definitions");
                for (FileSummary.Definition d : summary.definitions()) {
                    out.writeStartArray();
                    out.writeString(d.kind());
                    out.writeString(d.name());
                    out.writeNumber(d.line());
                    out.writeNumber(d.column());
                    out.writeEndArray();
                }
                out.writeEndArray();
                strings(out, "nestedTypeNames", summary.nestedTypeNames());
                out.writeArrayFieldStart("warnings");
                for (Problem warning : summary.warnings()) {
                    out.writeStartObject();
                    out.writeStringField("where", warning.where());
                    out.writeNumberField("line", warning.line());
                    out.writeNumberField("column", warning.column());
                    out.writeStringField("message", warning.message());
                    out.writeStringField("fix", warning.fix());
                    out.writeEndObject();
                }
                out.writeEndArray();
                out.writeEndObject();
            }
        });
    }

    private static void strings(JsonGenerator out, String field, List<String> values) throws IOException {
        out.writeArrayFieldStart(field);
        for (String value : values) {
            out.writeString(value);
        }
        out.writeEndArray();
    }

    /**
     * {@value #FILE} through Jackson's streaming parser, as {@link #services} wrote it: binding 7.4 MB for
     * googleapis through the object mapper took over half a second of an edit's build, and its start-up
     * most of a small project's.
     */
    private static Map<String, List<ServiceFacts>> readFiles(Path file) {
        if (!Files.isRegularFile(file)) {
            return Map.of();
        }
        try {
            Map<String, List<ServiceFacts>> files = ParsedSummaries.read(file, FORMAT, "files", ProtoCache::files);
            return files == null ? Map.of() : files;
        } catch (IOException | RuntimeException e) {
            // A damaged or foreign file is rebuilt from the sources, like a missing one.
            return Map.of();
        }
    }

    /** The files' entries, their endpoints given again. */
    private static Map<String, List<ServiceFacts>> files(JsonParser in) throws IOException {
        JsonTokens.expect(in.currentToken(), JsonToken.START_OBJECT, in);
        Map<String, List<ServiceFacts>> files = new HashMap<>();
        while (in.nextToken() == JsonToken.FIELD_NAME) {
            String key = in.currentName();
            JsonTokens.expect(in.nextToken(), JsonToken.START_ARRAY, in);
            List<ServiceFacts> facts = new ArrayList<>();
            while (in.nextToken() == JsonToken.START_OBJECT) {
                facts.add(facts(in).restored());
            }
            JsonTokens.expect(in.currentToken(), JsonToken.END_ARRAY, in);
            files.put(key, List.copyOf(facts));
        }
        return files;
    }

    private static ServiceFacts facts(JsonParser in) throws IOException {
        Map<String, String> texts = new HashMap<>();
        SourcePlace place = null;
        ServiceEntry draft = null;
        Map<String, String> dependencyTypes = new HashMap<>();
        List<String> notes = List.of();
        while (in.nextToken() == JsonToken.FIELD_NAME) {
            String field = in.currentName();
            JsonToken value = in.nextToken();
            switch (field) {
                case "place" -> place = value == JsonToken.VALUE_NULL ? null : place(in);
                case "draft" -> draft = RegistryCodec.readService(in);
                case "dependencyTypes" -> {
                    JsonTokens.expect(value, JsonToken.START_OBJECT, in);
                    while (in.nextToken() == JsonToken.FIELD_NAME) {
                        String type = in.currentName();
                        JsonTokens.expect(in.nextToken(), JsonToken.VALUE_STRING, in);
                        dependencyTypes.put(type, in.getText());
                    }
                }
                case "notes" -> notes = JsonTokens.strings(in);
                case "file", "fullName", "simpleName", "enclosing", "packageName", "explicitName" ->
                    texts.put(field, JsonTokens.text(in));
                default -> in.skipChildren();
            }
        }
        if (draft == null) {
            throw new IOException("a cached service without its entry at " + in.currentLocation());
        }
        return new ServiceFacts(
                texts.get("file"),
                texts.get("fullName"),
                texts.get("simpleName"),
                texts.get("enclosing"),
                texts.get("packageName"),
                texts.get("explicitName"),
                place,
                draft,
                dependencyTypes,
                notes);
    }

    private static SourcePlace place(JsonParser in) throws IOException {
        String file = null;
        int line = 0;
        int column = 0;
        while (in.nextToken() == JsonToken.FIELD_NAME) {
            String field = in.currentName();
            in.nextToken();
            switch (field) {
                case "file" -> file = JsonTokens.text(in);
                case "line" -> line = in.getIntValue();
                case "column" -> column = in.getIntValue();
                default -> in.skipChildren();
            }
        }
        return new SourcePlace(file, line, column);
    }

    private Map<String, FileSummary> readParsed() {
        if (!Files.isRegularFile(parsedFile)) {
            return Map.of();
        }
        try {
            Map<String, FileSummary> read = ParsedSummaries.read(parsedFile, FORMAT);
            return read == null ? Map.of() : read;
        } catch (IOException e) {
            // A damaged or foreign file is rebuilt from the sources, like a missing one.
            return Map.of();
        }
    }

    private static <T> T await(FutureTask<T> task) {
        try {
            return task.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while reading or writing the proto cache", e);
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
        }
    }
}
