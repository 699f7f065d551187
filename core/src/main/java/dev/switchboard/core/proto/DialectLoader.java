package dev.switchboard.core.proto;

import com.squareup.wire.schema.CoreLoader;
import com.squareup.wire.schema.CoreLoaderKt;
import com.squareup.wire.schema.ErrorCollector;
import com.squareup.wire.schema.Loader;
import com.squareup.wire.schema.Location;
import com.squareup.wire.schema.ProtoFile;
import com.squareup.wire.schema.internal.parser.ProtoFileElement;
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
 * Loads the files the linker asks for beyond the sources, from the roots in their order, as Wire's own
 * loader does, each put through {@link WireDialect} so that editions files and groups load wherever they
 * are, inside dependency jars too. A well-known type that no root holds ({@code descriptor.proto} and the
 * others Wire bundles) is Wire's own copy, and a file found nowhere is reported in Wire's words.
 *
 * <p>Wire's {@code SchemaLoader} is not used: it opens every archive of the proto path with a reader of
 * its own, and its first bundled file makes it open every jar on the plugin's class path: together over
 * a quarter of a small project's cold build (benchmarks/BENCHMARKS.md).
 */
final class DialectLoader implements Loader, AutoCloseable {
    private final List<Path> roots;
    private final Map<Path, ZipFile> archives;
    private final Map<String, ProtoFile> loaded;
    private final ErrorCollector errors;

    /** @param roots directories and {@code .jar} or {@code .zip} archives, searched in this order */
    DialectLoader(List<Path> roots) {
        this(roots, new HashMap<>(), new HashMap<>(), null);
    }

    private DialectLoader(
            List<Path> roots, Map<Path, ZipFile> archives, Map<String, ProtoFile> loaded, ErrorCollector errors) {
        this.roots = roots;
        this.archives = archives;
        this.loaded = loaded;
        this.errors = errors;
    }

    /** Shares the archives and the files loaded without a problem with this loader: each is read once. */
    @Override
    public Loader withErrors(ErrorCollector errors) {
        return new DialectLoader(roots, archives, loaded, errors);
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
        List<Path> holders = new ArrayList<>();
        for (Path root : roots) {
            if (holds(root, path)) {
                holders.add(root);
            }
        }
        if (holders.isEmpty()) {
            if (CoreLoaderKt.isWireRuntimeProto(path)) {
                ProtoFile file = bundled(path);
                loaded.put(path, file);
                return file;
            }
            if (errors != null) {
                // Wire's own words, which WireErrors places at the import.
                errors.plusAssign("unable to find " + path + "\n  searching " + roots.size() + " proto paths:\n    "
                        + String.join(
                                "\n    ", roots.stream().map(Path::toString).toList()));
            }
            return ProtoFile.Companion.get(ProtoFileElement.Companion.empty(path));
        }
        for (int i = 1; i < holders.size() && errors != null; i++) {
            // Wire's own words, once for each root after the first, so that the report reads as Wire's does.
            errors.plusAssign(path + " is ambiguous:\n  " + holders.get(i).resolve(path) + "\n  "
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

    /**
     * A well-known type from Wire's jar, located as Wire's {@code CoreLoader} locates it; read through the
     * class loader, which finds it without opening every jar of the class path as that loader does.
     */
    private static ProtoFile bundled(String path) {
        try (InputStream in = CoreLoader.class.getClassLoader().getResourceAsStream(path)) {
            if (in == null) {
                throw new UncheckedIOException(new IOException(path + " is missing from Wire's jar"));
            }
            String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            return ProtoFile.Companion.get(ProtoParser.Companion.parse(Location.get(path), text));
        } catch (IOException e) {
            throw new UncheckedIOException(path + ": " + e.getMessage(), e);
        }
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
