package dev.switchboard.core.testing;

import dev.switchboard.core.proto.DependencyArtifact;
import dev.switchboard.core.proto.ProtoInputs;
import dev.switchboard.core.registry.RegistryRequest;
import dev.switchboard.core.registry.Selection;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/** A throw-away project directory with inline proto files, for tests. */
public final class ProtoProject {
    /** One service, {@code user}, with one rpc {@code GetUser}; the fixture most tests start from. */
    public static final String USER_PROTO = """
            syntax = "proto3";
            package acme.user.v1;
            option java_package = "com.acme.user.v1";
            option java_multiple_files = true;
            service UserService {
              rpc GetUser(GetUserRequest) returns (User);
            }
            message GetUserRequest { string id = 1; }
            message User { string id = 1; }
            """;

    private final Path base;
    private final List<Path> archives = new ArrayList<>();
    private final List<DependencyArtifact> sourceDependencies = new ArrayList<>();
    private final List<DependencyArtifact> registryDependencies = new ArrayList<>();
    private List<String> sourceRoots = List.of("src/main/proto");
    private List<String> importPaths = List.of();
    private List<String> includes = List.of();
    private List<String> excludes = List.of();
    private Path rules;
    private Path overrides;
    private boolean failOnMissingSources;
    private boolean discoverAws;
    private boolean grpcJava = true;
    private Selection selection = Selection.all();

    public ProtoProject(Path base) {
        this.base = base;
    }

    public Path base() {
        return base;
    }

    public Path sourceRoot() {
        return base.resolve("src/main/proto");
    }

    /** Writes {@code text} to {@code src/main/proto/<path>}. */
    public ProtoProject proto(String path, String text) {
        return file("src/main/proto/" + path, text);
    }

    public ProtoProject file(String path, String text) {
        try {
            Path file = base.resolve(path);
            Files.createDirectories(file.getParent());
            Files.writeString(file, text);
            return this;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Makes {@code path} a symbolic link to {@code target}, both relative to the project. */
    public ProtoProject link(String path, String target) {
        try {
            Path link = base.resolve(path);
            Files.createDirectories(link.getParent());
            Files.createSymbolicLink(link, base.resolve(target));
            return this;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Adds the real proto-google-common-protos jar of the test classpath as a dependency. */
    public ProtoProject withGoogleCommonProtos() {
        URL url = ProtoProject.class.getClassLoader().getResource("google/api/annotations.proto");
        try {
            String jar = url.toURI().getSchemeSpecificPart();
            archives.add(Path.of(new java.net.URI(jar.substring(0, jar.indexOf("!/")))));
            return this;
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Adds a jar of the project's dependencies. */
    public ProtoProject archive(Path jar) {
        archives.add(jar);
        return this;
    }

    /** Writes a jar at {@code path} holding the given proto texts and adds it as a dependency. */
    public ProtoProject jar(String path, Map<String, String> protos) {
        archives.add(writeJar(path, protos));
        return this;
    }

    /**
     * Writes a jar at {@code path} holding the given files and names it, as {@code coordinates}
     * ({@code groupId:artifactId:version}), in {@code <protoSourceDependencies>}.
     */
    public ProtoProject sourceDependency(String coordinates, String path, Map<String, String> files) {
        sourceDependencies.add(new DependencyArtifact(coordinates, writeJar(path, files)));
        return this;
    }

    /** Writes a jar at {@code path} bundling {@code registryJson} and names it in {@code <registryDependencies>}. */
    public ProtoProject registryDependency(String coordinates, String path, String registryJson) {
        registryDependencies.add(new DependencyArtifact(
                coordinates, writeJar(path, Map.of("META-INF/switchboard/registry.json", registryJson))));
        return this;
    }

    /** Writes a jar at {@code path}, relative to the project, holding the given files. */
    public Path writeJar(String path, Map<String, String> files) {
        Path jar = base.resolve(path);
        try {
            Files.createDirectories(jar.getParent());
            try (ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(jar))) {
                for (Map.Entry<String, String> file : new TreeMap<>(files).entrySet()) {
                    out.putNextEntry(new ZipEntry(file.getKey()));
                    out.write(file.getValue().getBytes(StandardCharsets.UTF_8));
                    out.closeEntry();
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return jar;
    }

    public ProtoProject rules(String path, String text) {
        file(path, text);
        rules = base.resolve(path);
        return this;
    }

    public ProtoProject overrides(String path, String text) {
        file(path, text);
        overrides = base.resolve(path);
        return this;
    }

    /** Puts the real SDK jars of the test classpath on the project's classpath and discovers them. */
    /**
     * Leaves grpc-java off the project's classpath; by default it is there, as in a project that compiles
     * stubs for its gRPC services.
     */
    public ProtoProject withoutGrpcJava() {
        grpcJava = false;
        return this;
    }

    public ProtoProject withAws() {
        archives.addAll(TestClasspath.jars().stream()
                .filter(j -> j.toString().contains("awssdk"))
                .toList());
        discoverAws = true;
        return this;
    }

    public ProtoProject select(String services) {
        selection = Selection.of(services, Map.of());
        return this;
    }

    public ProtoProject failOnMissingSources() {
        failOnMissingSources = true;
        return this;
    }

    /** Replaces the source roots, given relative to the project ({@code src/main/proto} by default). */
    public ProtoProject sourceRoots(String... paths) {
        sourceRoots = List.of(paths);
        return this;
    }

    /** Sets the import paths, given relative to the project (none by default). */
    public ProtoProject importPaths(String... paths) {
        importPaths = List.of(paths);
        return this;
    }

    public ProtoInputs inputs() {
        List<Path> all = new ArrayList<>(archives);
        sourceDependencies.forEach(d -> all.add(d.file()));
        return new ProtoInputs(
                base,
                sourceRoots.stream().map(base::resolve).toList(),
                importPaths.stream().map(base::resolve).toList(),
                grpcJava ? withGrpcJava(all) : all,
                includes,
                excludes,
                sourceDependencies,
                base.resolve("target/switchboard" + RegistryRequest.UNPACK_SUFFIX));
    }

    /** Sets the include globs (all protos by default). */
    public ProtoProject includes(String... globs) {
        includes = List.of(globs);
        return this;
    }

    /** Sets the exclude globs (none by default). */
    public ProtoProject excludes(String... globs) {
        excludes = List.of(globs);
        return this;
    }

    private static List<Path> withGrpcJava(List<Path> archives) {
        List<Path> all = new ArrayList<>(archives);
        TestClasspath.jars().stream()
                .filter(j -> j.getFileName().toString().startsWith("grpc-stub-"))
                .forEach(all::add);
        return all;
    }

    public RegistryRequest request() {
        return new RegistryRequest(
                inputs(),
                rules,
                false,
                overrides,
                base.resolve("target/switchboard"),
                failOnMissingSources,
                "test",
                base.resolve("plugin.jar"),
                discoverAws,
                Map.of(),
                selection,
                registryDependencies);
    }
}
