package dev.switchboard.core.proto;

import dev.switchboard.core.diag.InputException;
import dev.switchboard.core.diag.Problem;
import dev.switchboard.core.io.AtomicFiles;
import dev.switchboard.runtime.registry.ServiceEntry;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;

/**
 * The protos of {@code <protoSourceDependencies>}: each artifact's {@code .proto} files are unpacked into
 * a directory of their own ({@link ProtoInputs#unpackRoot}) and scanned with the same globs as the
 * project's roots, so they load, fingerprint and show in messages as the project's own files do. Only
 * changed files are rewritten, so an unchanged build finds the same stamps and stays a no-op.
 */
final class DependencySources {
    static final String PARAMETER = "<protoSourceDependencies>";

    private DependencySources() {}

    /**
     * The selected protos of every source dependency added to the project's own, sorted. An artifact
     * that cannot be read or whose protos the globs do not select, and a path both the project and an
     * artifact (or two artifacts) hold, are added to {@code problems}.
     */
    static List<ProtoSource> gather(
            ProtoInputs inputs,
            ProtoSourceScanner scanner,
            List<ProtoSource> local,
            List<Problem> problems,
            List<Problem> warnings) {
        if (inputs.sourceDependencies().isEmpty()) {
            // Most builds: no per-file work here, which an unchanged build of a large tree would pay for.
            return local;
        }
        List<ProtoSource> all = new ArrayList<>(local);
        Map<String, String> holders = new HashMap<>();
        local.forEach(s -> holders.put(s.relativePath(), shown(inputs, s.file())));
        for (DependencyArtifact dependency : inputs.sourceDependencies()) {
            Path root = inputs.unpackRoot(dependency);
            int unpacked;
            try {
                unpacked = unpack(dependency.file(), root);
            } catch (IOException e) {
                problems.add(Problem.in(
                        PARAMETER,
                        dependency.coordinates() + ": cannot read " + dependency.file() + " (" + e.getMessage() + ")",
                        "delete that file from the local Maven repository so the next build downloads it again"));
                continue;
            }
            if (unpacked == 0) {
                problems.add(Problem.in(
                        PARAMETER,
                        dependency.coordinates() + " holds no .proto files, so it can add no services",
                        "name the artifact that holds the protos (API artifacts often end in -proto or -api;"
                                + " the one with the stubs usually holds none), or remove the entry"));
                continue;
            }
            List<ProtoSource> found = scanner.scan(List.of(root), problems, warnings, inputs.baseDirectory());
            if (found.isEmpty()) {
                problems.add(Problem.in(
                        PARAMETER,
                        dependency.coordinates() + " holds " + unpacked
                                + " .proto file(s), but <includes> and <excludes> select none of them",
                        "widen <includes> to match their paths inside the jar, as they are imported"));
            }
            for (ProtoSource source : found) {
                String here = dependency.coordinates() + "!/" + source.relativePath();
                String other = holders.putIfAbsent(source.relativePath(), here);
                if (other != null) {
                    problems.add(Problem.in(
                            other,
                            "the path " + source.relativePath() + " is also in " + here + ", a source through "
                                    + PARAMETER,
                            other.contains("!/")
                                    ? "keep one of the two artifacts in " + PARAMETER
                                            + ", or leave the file out of one with <excludes>"
                                    : "delete the local copy and use the artifact's, or remove " + dependency.key()
                                            + " from " + PARAMETER));
                    continue;
                }
                all.add(source);
            }
        }
        all.sort(null);
        return all;
    }

    /**
     * The problems of loading, with the files unpacked from a dependency named as {@code
     * groupId:artifactId:version!/path} rather than by the unpack directory, and a definition that the
     * project and a dependency both make given the fix that fits it.
     */
    static InputException explained(ProtoInputs inputs, InputException e) {
        if (inputs.sourceDependencies().isEmpty()) {
            return e;
        }
        Map<String, String> prefixes = new HashMap<>();
        for (DependencyArtifact dependency : inputs.sourceDependencies()) {
            prefixes.put(shown(inputs, inputs.unpackRoot(dependency)) + "/", dependency.coordinates() + "!/");
        }
        List<Problem> problems = new ArrayList<>();
        for (Problem problem : e.problems()) {
            String where = named(problem.where(), prefixes);
            String message = named(problem.message(), prefixes);
            String fix = problem.fix();
            boolean local = where.equals(problem.where());
            if (message.contains(" is already defined at ") && local != message.equals(problem.message())) {
                fix = "a source dependency defines it now: delete the project's copy, or leave one of the two"
                        + " files out with <excludes>";
            }
            problems.add(Problem.at(where, problem.line(), problem.column(), message, fix));
        }
        return new InputException(e.summary(), problems);
    }

    private static String named(String text, Map<String, String> prefixes) {
        String out = text;
        for (Map.Entry<String, String> prefix : prefixes.entrySet()) {
            out = out.replace(prefix.getKey(), prefix.getValue());
        }
        return out;
    }

    /** Records, in the entries of services whose protos came from a dependency, that dependency. */
    static List<ServiceEntry> withOrigins(ProtoInputs inputs, List<ProtoSource> sources, List<ServiceEntry> services) {
        if (inputs.sourceDependencies().isEmpty()) {
            return services;
        }
        Map<Path, String> roots = new HashMap<>();
        inputs.sourceDependencies().forEach(d -> roots.put(inputs.unpackRoot(d), d.coordinates()));
        Map<String, String> origins = new HashMap<>();
        for (ProtoSource source : sources) {
            String coordinates = roots.get(source.root());
            if (coordinates != null) {
                origins.put(source.relativePath(), coordinates);
            }
        }
        return services.stream()
                .map(s -> s.proto() == null || !origins.containsKey(s.proto().file())
                        ? s
                        : s.toBuilder()
                                .proto(s.proto()
                                        .fromArtifact(origins.get(s.proto().file())))
                                .build())
                .toList();
    }

    /**
     * Unpacks the {@code .proto} files of a jar (or a class directory) into {@code root}, rewriting only
     * what changed and deleting what the artifact no longer holds.
     *
     * @return how many protos the artifact holds
     */
    static int unpack(Path artifact, Path root) throws IOException {
        Map<String, byte[]> protos = Files.isDirectory(artifact) ? fromDirectory(artifact) : fromJar(artifact);
        if (Files.isDirectory(root)) {
            try (Stream<Path> walk = Files.walk(root)) {
                for (Path file : walk.filter(Files::isRegularFile).toList()) {
                    if (!protos.containsKey(relative(root, file))) {
                        Files.delete(file);
                    }
                }
            }
        }
        for (Map.Entry<String, byte[]> proto : protos.entrySet()) {
            Path target = root.resolve(proto.getKey()).normalize();
            if (!target.startsWith(root)) {
                // An entry such as ../../x.proto would write outside the directory; no proto jar has one.
                continue;
            }
            AtomicFiles.writeIfChanged(target, proto.getValue());
        }
        return protos.size();
    }

    private static Map<String, byte[]> fromJar(Path jar) throws IOException {
        Map<String, byte[]> protos = new TreeMap<>();
        try (ZipFile zip = new ZipFile(jar.toFile())) {
            Enumeration<? extends ZipEntry> entries = zip.entries();
            while (entries.hasMoreElements()) {
                ZipEntry entry = entries.nextElement();
                if (!entry.isDirectory() && entry.getName().endsWith(".proto")) {
                    try (InputStream in = zip.getInputStream(entry)) {
                        protos.put(entry.getName(), in.readAllBytes());
                    }
                }
            }
        } catch (ZipException e) {
            throw new IOException("not a readable jar: " + e.getMessage(), e);
        }
        return protos;
    }

    private static Map<String, byte[]> fromDirectory(Path directory) throws IOException {
        Map<String, byte[]> protos = new TreeMap<>();
        try (Stream<Path> walk = Files.walk(directory)) {
            for (Path file : walk.filter(f -> f.toString().endsWith(".proto") && Files.isRegularFile(f))
                    .toList()) {
                protos.put(relative(directory, file), Files.readAllBytes(file));
            }
        }
        return protos;
    }

    private static String relative(Path root, Path file) {
        return root.relativize(file).toString().replace('\\', '/');
    }

    private static String shown(ProtoInputs inputs, Path file) {
        return ProtoSourceScanner.display(inputs.baseDirectory(), file.toAbsolutePath());
    }
}
