package dev.switchboard.core.proto;

import com.squareup.wire.schema.CoreLoaderKt;
import com.squareup.wire.schema.ErrorCollector;
import com.squareup.wire.schema.Loader;
import com.squareup.wire.schema.Location;
import com.squareup.wire.schema.ProtoFile;
import com.squareup.wire.schema.internal.parser.ProtoParser;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * Loads the files the linker asks for beyond the sources, from the same roots and in the same order as
 * Wire's own loader, each put through {@link WireDialect} so that editions files and groups load wherever
 * they are, inside dependency jars too. Wire's own copies of {@code descriptor.proto} and the other
 * well-known types, and the report of a file found nowhere, stay Wire's.
 */
final class DialectLoader implements Loader, AutoCloseable {
    private final Loader wire;
    private final List<Path> roots;
    private final Map<Path, ZipFile> archives;
    private final Map<String, ProtoFile> loaded;
    private final ErrorCollector errors;

    /**
     * @param wire Wire's loader over the same roots
     * @param roots directories and {@code .jar} or {@code .zip} archives, searched in this order
     */
    DialectLoader(Loader wire, List<Path> roots) {
        this(wire, roots, new HashMap<>(), new HashMap<>(), null);
    }

    private DialectLoader(
            Loader wire,
            List<Path> roots,
            Map<Path, ZipFile> archives,
            Map<String, ProtoFile> loaded,
            ErrorCollector errors) {
        this.wire = wire;
        this.roots = roots;
        this.archives = archives;
        this.loaded = loaded;
        this.errors = errors;
    }

    /** Shares the archives and the files loaded without a problem with this loader: each is read once. */
    @Override
    public Loader withErrors(ErrorCollector errors) {
        return new DialectLoader(wire.withErrors(errors), roots, archives, loaded, errors);
    }

    /**
     * The file at {@code path}. A file that loads without a problem is parsed once and handed out again
     * ({@link SettledFieldOptions} reads what the linker will load first); the linker loads each path once.
     */
    @Override
    public ProtoFile load(String path) {
        ProtoFile known = loaded.get(path);
        if (known != null) {
            return known;
        }
        if (CoreLoaderKt.isWireRuntimeProto(path)) {
            ProtoFile file = wire.load(path);
            loaded.put(path, file);
            return file;
        }
        List<Path> holders = new ArrayList<>();
        for (Path root : roots) {
            if (holds(root, path)) {
                holders.add(root);
            }
        }
        if (holders.isEmpty()) {
            return wire.load(path);
        }
        if (holders.size() > 1 && errors != null) {
            // Wire's own words, so that the report reads as it does for any other file.
            errors.plusAssign(path + " is ambiguous:\n  " + holders.get(1).resolve(path) + "\n  "
                    + holders.get(0).resolve(path));
        }
        Path root = holders.get(0);
        String text = read(root, path);
        WireDialect.View view = WireDialect.view(text, path, new ArrayList<>());
        ProtoFile file = WireDialect.file(
                ProtoParser.Companion.parse(Location.get(root.toString(), path), view.text()), view.editions());
        if (holders.size() == 1) {
            loaded.put(path, file);
        }
        return file;
    }

    private boolean holds(Path root, String path) {
        if (Files.isDirectory(root)) {
            return Files.isRegularFile(root.resolve(path));
        }
        ZipFile zip = archive(root);
        if (zip == null) {
            return false;
        }
        ZipEntry entry = zip.getEntry(path);
        return entry != null && !entry.isDirectory();
    }

    /** The file's text, its byte-order mark skipped as protoc skips it. */
    private String read(Path root, String path) {
        try {
            byte[] bytes;
            if (Files.isDirectory(root)) {
                bytes = Files.readAllBytes(root.resolve(path));
            } else {
                ZipFile zip = archive(root);
                try (InputStream in = zip.getInputStream(zip.getEntry(path))) {
                    bytes = in.readAllBytes();
                }
            }
            String text = new String(bytes, StandardCharsets.UTF_8);
            return text.startsWith("\uFEFF") ? text.substring(1) : text;
        } catch (IOException e) {
            throw new UncheckedIOException(root.resolve(path) + ": " + e.getMessage(), e);
        }
    }

    private ZipFile archive(Path root) {
        if (!Files.isRegularFile(root)) {
            return null;
        }
        return archives.computeIfAbsent(root, r -> {
            try {
                return new ZipFile(r.toFile());
            } catch (IOException e) {
                throw new UncheckedIOException(r + " cannot be opened as an archive: " + e.getMessage(), e);
            }
        });
    }

    @Override
    public void close() throws IOException {
        for (ZipFile zip : archives.values()) {
            zip.close();
        }
    }
}
