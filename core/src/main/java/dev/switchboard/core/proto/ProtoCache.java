package dev.switchboard.core.proto;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.switchboard.runtime.registry.RegistryCodec;
import dev.switchboard.runtime.registry.RegistryFormat;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;

/**
 * What each source file's services gave the registry in the last build, so that the next one links and
 * maps only the files that changed and those that import them, and what the checks read of each file,
 * so that only changed files are parsed again. Entries are keyed by the file's content,
 * the content of every source it imports, directly or not, and the build's {@code environment} (plugin,
 * configuration, import paths, dependency jars, rules), so a key that is found is still right.
 *
 * <p>Kept in {@value #FILE} in the registry directory. A missing, unreadable or outdated file only costs
 * a full build. The front end writes {@link #bytes} when it commits the registry, never after a failed
 * build, so the cache always describes a registry that was written.
 */
public final class ProtoCache {
    /** The cache's file name in the registry directory. */
    public static final String FILE = "protos.cache";

    /** Raised when what a cache entry holds changes shape, so that an older file is not misread. */
    private static final int FORMAT = 1;

    private final Path file;
    private final String environment;
    private Stored stored;
    private final Map<String, List<ServiceFacts>> kept = new TreeMap<>();
    private final Map<String, FileSummary> keptParsed = new TreeMap<>();
    private int reused;
    private int reusedParsed;
    private FutureTask<byte[]> serialized;

    /**
     * @param directory the registry directory
     * @param environment everything besides the sources that the registry depends on, as one string
     */
    public ProtoCache(Path directory, String environment) {
        this.file = directory.resolve(FILE);
        this.environment = environment;
    }

    /**
     * @param files what each file's services give the registry, by the key of the file and its imports
     * @param parsed what the checks read of each file, by the key of its content
     */
    private record Stored(int format, Map<String, List<ServiceFacts>> files, Map<String, FileSummary> parsed) {
        static final Stored EMPTY = new Stored(FORMAT, Map.of(), Map.of());
    }

    String environment() {
        return environment;
    }

    /** The services a file with this key gave last time, or null when the key is not known. */
    List<ServiceFacts> get(String key) {
        return stored().files().get(key);
    }

    /** What the checks read of a file with this content last time, or null when it is not known. */
    FileSummary parsed(String key) {
        return stored().parsed().get(key);
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

    /** Reads the cache file now, rather than on first use. */
    void read() {
        stored();
    }

    /** Read on first use, once: both cores may ask at once, while the sources are parsed. */
    private synchronized Stored stored() {
        if (stored == null) {
            stored = load();
        }
        return stored;
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
     * Starts turning the cache into {@link #bytes} on a thread of its own, once nothing more is kept: the
     * build goes on with the registry meanwhile, and a large tree's cache takes as long to write.
     */
    public void serializeAhead() {
        FutureTask<byte[]> task = new FutureTask<>(this::serialize);
        Thread thread = new Thread(task, "switchboard-proto-cache");
        thread.setDaemon(true);
        thread.start();
        serialized = task;
    }

    /** The cache as the last {@link ProtoServiceReader#read} left it: the current files' entries only. */
    public byte[] bytes() {
        if (serialized == null) {
            return serialize();
        }
        try {
            return serialized.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while writing the proto cache", e);
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
        }
    }

    private byte[] serialize() {
        try {
            return mapper().writeValueAsBytes(new Stored(FORMAT, kept, keptParsed));
        } catch (JacksonException e) {
            // Records of strings, numbers and lists always serialize; failing here is a bug.
            throw new IllegalStateException("cannot write the proto cache", e);
        }
    }

    private Stored load() {
        if (!Files.isRegularFile(file)) {
            return Stored.EMPTY;
        }
        try {
            Stored read = mapper().readValue(file.toFile(), Stored.class);
            return read.format() == FORMAT && read.files() != null && read.parsed() != null ? read : Stored.EMPTY;
        } catch (IOException e) {
            // A damaged or foreign file is rebuilt from the sources, like a missing one.
            return Stored.EMPTY;
        }
    }

    private static ObjectMapper mapper() {
        return RegistryCodec.mapper(RegistryFormat.JSON);
    }
}
