package dev.switchboard.core.proto;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The SHA-256 of each proto source, kept from one build to the next beside the registry ({@value #FILE})
 * with the size and modification time the file had when it was hashed. A source whose size and time are
 * unchanged is not read again for its hash: after one file is edited in a tree of thousands, the
 * fingerprint and the {@link ProtoCache}'s keys need that one file's bytes, not all of them.
 *
 * <p>As with the input stamps, a time proves nothing when the file changed within {@value #RACY_MILLIS}
 * ms of the record being written (file systems keep times that coarsely, and an edit in that window may
 * keep size and time): such a file is read again.
 */
public final class SourceHashes {
    public static final String FILE = "sources.sha256";
    private static final long RACY_MILLIS = 2_000;

    private final Path directory;
    private Map<String, Recorded> recorded;
    private long writtenAt;
    private final Map<String, Recorded> current = new ConcurrentHashMap<>();
    private final Map<Path, String> roots = new ConcurrentHashMap<>();

    private record Recorded(String hash, long size, long modified) {}

    /** @param directory the registry directory; the record there is read when a hash is first asked for */
    public SourceHashes(Path directory) {
        this.directory = directory;
    }

    /** The hash the record holds for the source at its present size and time; null when it must be read. */
    String known(ProtoSource source) {
        Recorded r = recorded().get(path(source));
        if (r == null
                || r.size() != source.size()
                || r.modified() != source.modified()
                || source.modified() + RACY_MILLIS >= writtenAt) {
            return null;
        }
        current.put(path(source), r);
        return r.hash();
    }

    /** The source's hash: as this build read it, from the record when it holds, or read now and remembered. */
    public String hash(ProtoSource source) throws IOException {
        Recorded read = current.get(path(source));
        if (read != null && read.size() == source.size() && read.modified() == source.modified()) {
            return read.hash();
        }
        String known = known(source);
        if (known != null) {
            return known;
        }
        String hash = ProtoText.sha256(Files.readAllBytes(source.file()));
        remember(source, hash);
        return hash;
    }

    /** Records the hash of bytes read at the source's size and time, for the next build. */
    void remember(ProtoSource source, String hash) {
        current.put(path(source), new Recorded(hash, source.size(), source.modified()));
    }

    /**
     * The whole path, since two source roots may hold files of one relative path; from its root's, worked
     * out once, as every unchanged file asks for it.
     */
    private String path(ProtoSource source) {
        String root =
                roots.computeIfAbsent(source.root(), r -> r.toAbsolutePath().toString());
        String relative = source.relativePath().replace('/', File.separatorChar);
        return root.endsWith(File.separator) ? root + relative : root + File.separator + relative;
    }

    /** Whether this build hashed no source (it has none). */
    public boolean isEmpty() {
        return current.isEmpty();
    }

    /** The record of this build's sources, one line each in path order, for {@value #FILE}. */
    public byte[] bytes() {
        StringBuilder out = new StringBuilder();
        new TreeMap<>(current)
                .forEach((path, r) -> out.append(r.hash())
                        .append(' ')
                        .append(r.size())
                        .append(' ')
                        .append(r.modified())
                        .append(' ')
                        .append(path)
                        .append('\n'));
        return out.toString().getBytes(StandardCharsets.UTF_8);
    }

    private synchronized Map<String, Recorded> recorded() {
        if (recorded == null) {
            recorded = read();
        }
        return recorded;
    }

    private Map<String, Recorded> read() {
        Path file = directory.resolve(FILE);
        Map<String, Recorded> read = new ConcurrentHashMap<>();
        try {
            writtenAt = Files.getLastModifiedTime(file).toMillis();
            for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                String[] parts = line.split(" ", 4);
                if (parts.length == 4) {
                    read.put(parts[3], new Recorded(parts[0], Long.parseLong(parts[1]), Long.parseLong(parts[2])));
                }
            }
        } catch (IOException | NumberFormatException e) {
            // No record, or one this build cannot read: every source is read, and the record written anew.
            read.clear();
        }
        return read;
    }
}
