package dev.switchboard.zookeeper;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;
import org.apache.curator.framework.CuratorFramework;

/**
 * The nodes of a registry under its path, and how a version's JSON is stored:
 *
 * <pre>
 * /switchboard/shop/current                        the number of the version in force
 * /switchboard/shop/versions/v-0000000007          {@link VersionInfo} as JSON
 * /switchboard/shop/versions/v-0000000007/c-00000  the gzip-compressed registry JSON, in chunks
 * /switchboard/shop/instances/&lt;instance id&gt;  {@link InstanceInfo} as JSON, ephemeral
 * </pre>
 *
 * <p>A version's nodes are created before the pointer moves to it and never changed afterwards, so a
 * reader that follows the pointer always finds every chunk; it checks the SHA-256 all the same.
 */
final class Layout {
    /**
     * The largest chunk unless told otherwise: half of ZooKeeper's default 1 MB node limit ({@code
     * jute.maxbuffer}), which also bounds a whole request, so each write stays well under it.
     */
    static final int DEFAULT_CHUNK_BYTES = 512 * 1024;

    static final ObjectMapper JSON = JsonMapper.builder()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();

    private final String root;

    Layout(String root) {
        this.root = root;
    }

    String root() {
        return root;
    }

    String pointer() {
        return root + "/current";
    }

    String versions() {
        return root + "/versions";
    }

    String instances() {
        return root + "/instances";
    }

    String version(long number) {
        return versions() + "/" + versionName(number);
    }

    String chunk(long number, int index) {
        return version(number) + "/" + String.format(Locale.ROOT, "c-%05d", index);
    }

    String instance(String id) {
        return instances() + "/" + id;
    }

    static String versionName(long number) {
        return String.format(Locale.ROOT, "v-%010d", number);
    }

    /** The number of a version node's name, or -1 for a name that is not one. */
    static long versionNumber(String name) {
        if (!name.matches("v-\\d{10}")) {
            return -1;
        }
        return Long.parseLong(name.substring(2));
    }

    static byte[] pointerData(long version) {
        return Long.toString(version).getBytes(StandardCharsets.US_ASCII);
    }

    static long pointerVersion(byte[] data, String where) {
        try {
            return Long.parseLong(new String(data, StandardCharsets.US_ASCII).trim());
        } catch (NumberFormatException e) {
            throw new FleetException(
                    FleetException.Reason.INVALID,
                    where + " holds \"" + new String(data, StandardCharsets.US_ASCII)
                            + "\", not a version number; publish again or roll back with --to <version> to reset it");
        }
    }

    static byte[] toJson(Object value) {
        try {
            return JSON.writeValueAsBytes(value);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    static <T> T fromJson(byte[] data, Class<T> type, String where) {
        try {
            return JSON.readValue(data, type);
        } catch (IOException e) {
            throw new FleetException(
                    FleetException.Reason.INVALID,
                    where + " does not hold what switchboard writes there (" + whatIsWrong(e)
                            + "); remove it, or publish again",
                    e);
        }
    }

    /** What Jackson found wrong, in words: its own messages name Java types and its parser's internals. */
    private static String whatIsWrong(IOException e) {
        if (e instanceof JsonParseException parse) {
            return parse.getLocation() == null
                    ? "not JSON"
                    : "not JSON: line " + parse.getLocation().getLineNr() + ", column "
                            + parse.getLocation().getColumnNr();
        }
        if (e instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()) {
            String field = mapping.getPath().stream()
                    .map(r -> r.getFieldName() != null ? r.getFieldName() : "[" + r.getIndex() + "]")
                    .collect(Collectors.joining("."));
            return "its field \"" + field + "\" is missing or not what switchboard writes";
        }
        return "a field is missing or not what switchboard writes";
    }

    /** Gzip without a time stamp, so the same JSON always gives the same stored bytes. */
    static byte[] compress(byte[] json) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(json.length / 4 + 64);
        try (GZIPOutputStream gzip = new GZIPOutputStream(out)) {
            gzip.write(json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /**
     * Uncompresses at most {@code maxBytes}, so a corrupted or hostile version cannot exhaust the heap.
     */
    static byte[] uncompress(byte[] stored, long maxBytes, String where) {
        try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(stored))) {
            byte[] json = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, maxBytes + 1));
            if (json.length > maxBytes) {
                throw new FleetException(
                        FleetException.Reason.INVALID,
                        where + " holds more than " + maxBytes
                                + " bytes of registry; raise switchboard.registry.maxBytes"
                                + " if it is meant to be that big");
            }
            return json;
        } catch (IOException e) {
            throw new FleetException(
                    FleetException.Reason.INVALID,
                    where + " is not a complete gzip stream (" + e.getMessage() + "); publish the registry again",
                    e);
        }
    }

    static List<byte[]> split(byte[] stored, int chunkBytes) {
        List<byte[]> chunks = new ArrayList<>();
        for (int from = 0; from < stored.length || chunks.isEmpty(); from += chunkBytes) {
            int to = Math.min(stored.length, from + chunkBytes);
            byte[] chunk = new byte[to - from];
            System.arraycopy(stored, from, chunk, 0, chunk.length);
            chunks.add(chunk);
        }
        return chunks;
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java platform", e);
        }
    }

    VersionInfo readInfo(CuratorFramework client, long number) throws Exception {
        return fromJson(client.getData().forPath(version(number)), VersionInfo.class, version(number));
    }

    /** The JSON of a version, read from all its chunks and checked against its SHA-256. */
    byte[] readJson(CuratorFramework client, VersionInfo info, long maxBytes) throws Exception {
        ByteArrayOutputStream stored = new ByteArrayOutputStream((int) Math.min(info.storedBytes(), 1 << 30));
        for (int i = 0; i < info.chunks(); i++) {
            stored.write(client.getData().forPath(chunk(info.version(), i)));
        }
        String where = version(info.version());
        byte[] json = uncompress(stored.toByteArray(), maxBytes, where);
        if (!sha256(json).equals(info.sha256())) {
            throw new FleetException(
                    FleetException.Reason.INVALID,
                    where + " does not match its SHA-256 (a chunk is missing or was changed); publish the registry"
                            + " again");
        }
        return json;
    }
}
