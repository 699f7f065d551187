package dev.switchboard.core.inspect;

import dev.switchboard.core.aws.AwsClientClass;
import dev.switchboard.core.aws.ClientClassReader;
import dev.switchboard.core.diag.ClassFiles;
import dev.switchboard.runtime.registry.MethodInfo;
import dev.switchboard.runtime.registry.Registry;
import dev.switchboard.runtime.registry.ServiceEntry;
import dev.switchboard.runtime.registry.ServiceKind;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassVisitor;
import org.objectweb.asm.FieldVisitor;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;

/**
 * The registry against reality. Errors: an AWS client class missing from the classpath or lacking a
 * listed operation; a gRPC stub class missing while the project compiles gRPC code; the stubs of a
 * service from a dependency's protos missing, or generated for another service name; a class in {@code
 * target/classes} extending a service's {@code …ImplBase} without overriding every rpc; a dependency
 * that names no service; a name used twice. Warnings: dependency cycles, services without health
 * information, configured groups with no services, very large services.
 */
public final class Validator {
    /** Services with more methods than this get a warning: they are hard to evolve and to mock. */
    static final int LARGE_SERVICE = 100;

    /**
     * One finding.
     *
     * @param level {@code error} or {@code warning}
     * @param service the service concerned, or "-"
     * @param message what is wrong and what to do
     */
    public record Finding(String level, String service, String message) {}

    private final List<Path> classpath;
    private final Path classesDirectory;
    private final List<Finding> findings = new ArrayList<>();

    /**
     * @param classpath the compile classpath: jars and class directories
     * @param classesDirectory the project's {@code target/classes}
     */
    public Validator(List<Path> classpath, Path classesDirectory) {
        this.classpath = classpath;
        this.classesDirectory = classesDirectory;
    }

    public List<Finding> validate(Registry registry, Map<String, List<String>> configuredGroups) throws IOException {
        Set<String> names = new HashSet<>();
        for (ServiceEntry s : registry.services()) {
            if (!names.add(s.name())) {
                error(
                        s.name(),
                        "the name is used by more than one service; give one of them another name"
                                + " (option (switchboard.name) or the overrides file)");
            }
        }
        boolean compilesGrpc = exists("io/grpc/stub/AbstractStub.class");
        Map<String, List<String>> implementations = implementations();
        for (ServiceEntry s : registry.services()) {
            if (s.kind() == ServiceKind.AWS && s.aws() != null) {
                aws(s);
            } else if (s.kind() == ServiceKind.GRPC
                    && s.proto() != null
                    && s.proto().artifact() != null) {
                // Callers of a dependency's service need its published stubs whether or not the project
                // compiles gRPC code of its own.
                dependencyStubs(s);
            } else if (s.kind() == ServiceKind.GRPC && s.proto() != null && compilesGrpc) {
                grpc(s, implementations);
            }
            s.dependencies().stream()
                    .filter(d -> !names.contains(d.service()))
                    .forEach(d -> error(
                            s.name(),
                            "depends on \"" + d.service() + "\" (" + d.source()
                                    + "), which is not in the registry; correct the name or add that service"));
            if (s.health() == null) {
                warning(
                        s.name(),
                        "has no health information; set option (switchboard.health_http) or"
                                + " (switchboard.health_grpc), or `health` in the overrides file");
            }
            if (s.methods().size() > LARGE_SERVICE) {
                warning(
                        s.name(),
                        "has " + s.methods().size() + " methods (more than " + LARGE_SERVICE
                                + "); consider splitting it");
            }
        }
        for (List<String> cycle : new DependencyGraph(registry).cycles()) {
            warning(cycle.get(0), "is in a dependency cycle: " + String.join(" -> ", cycle) + " -> " + cycle.get(0));
        }
        configuredGroups.forEach((group, services) -> {
            if (registry.services().stream().noneMatch(s -> group.equals(s.group()))) {
                warning("-", "group \"" + group + "\" of <groups> has no services");
            }
        });
        return List.copyOf(findings);
    }

    private void aws(ServiceEntry s) throws IOException {
        String path = s.aws().clientClass().replace('.', '/') + ".class";
        byte[] bytes = read(path);
        if (bytes == null) {
            error(
                    s.name(),
                    "client class " + s.aws().clientClass() + " is not on the compile classpath; add"
                            + " <dependency><groupId>software.amazon.awssdk</groupId><artifactId>"
                            + s.aws().artifactId()
                            + "</artifactId></dependency>");
            return;
        }
        AwsClientClass client = ClientClassReader.read(bytes, s.aws().artifactId());
        Set<String> declared = new HashSet<>();
        if (client != null) {
            client.operations().forEach(o -> declared.add(o.name()));
        }
        List<String> missing = s.methods().stream()
                .map(MethodInfo::name)
                .filter(m -> !declared.contains(m))
                .toList();
        if (!missing.isEmpty()) {
            error(
                    s.name(),
                    s.aws().clientClass() + " does not declare " + String.join(", ", missing)
                            + "; the registry is from another SDK version: rebuild it with `mvn switchboard:registry`");
        }
    }

    /**
     * The stubs of a service whose proto came from a dependency: the stub class and its blocking stub on
     * the classpath, generated from the same service name (their {@code SERVICE_NAME}), so calls reach the
     * method names the proto gives.
     */
    private void dependencyStubs(ServiceEntry s) throws IOException {
        String stubClass = s.proto().stubClass();
        String service = s.proto().service().substring(s.proto().service().lastIndexOf('.') + 1);
        byte[] bytes = read(stubClass.replace('.', '/') + ".class");
        if (bytes == null) {
            error(
                    s.name(),
                    "stub class " + stubClass + " of " + s.proto().artifact() + "!/"
                            + s.proto().file()
                            + " is not on the compile classpath; add the dependency that holds its generated"
                            + " gRPC stubs (published beside the protos, as grpc-google-cloud-pubsub-v1 beside"
                            + " proto-google-cloud-pubsub-v1), of the same version");
            return;
        }
        String[] constant = new String[1];
        String unreadable = ClassFiles.accept(
                bytes,
                new ClassVisitor(Opcodes.ASM9) {
                    @Override
                    public FieldVisitor visitField(
                            int access, String name, String descriptor, String signature, Object value) {
                        // grpc-java sets SERVICE_NAME to the proto's full service name.
                        if (name.equals("SERVICE_NAME") && value instanceof String text) {
                            constant[0] = text;
                        }
                        return null;
                    }
                },
                ClassReader.SKIP_CODE | ClassReader.SKIP_DEBUG | ClassReader.SKIP_FRAMES);
        String generatedFor = constant[0];
        if (unreadable != null) {
            error(
                    s.name(),
                    "stub class " + stubClass + " of " + s.proto().artifact() + ": " + unreadable
                            + "; use a version of it compiled for Java 28 or lower");
        } else if (generatedFor != null && !generatedFor.equals(s.proto().service())) {
            error(
                    s.name(),
                    "stub class " + stubClass + " was generated for " + generatedFor + ", but "
                            + s.proto().artifact() + "!/" + s.proto().file() + " defines "
                            + s.proto().service()
                            + "; use the stubs built from the same version of those protos");
        } else if (!exists(stubClass.replace('.', '/') + "$" + service + "BlockingStub.class")) {
            error(
                    s.name(),
                    "stub class " + stubClass + " has no " + service + "BlockingStub; use stubs generated by"
                            + " grpc-java's protoc-gen-grpc-java for "
                            + s.proto().artifact());
        }
    }

    private void grpc(ServiceEntry s, Map<String, List<String>> implementations) {
        String stubs = s.proto().stubClass().replace('.', '/');
        if (!exists(stubs + ".class")) {
            error(
                    s.name(),
                    "stub class " + s.proto().stubClass() + " was not generated; compile "
                            + s.proto().file() + " with grpc-java (protoc-gen-grpc-java)");
            return;
        }
        String service = s.proto().service().substring(s.proto().service().lastIndexOf('.') + 1);
        String implBase = stubs + "$" + service + "ImplBase";
        for (Map.Entry<String, List<String>> impl : implementations.entrySet()) {
            if (!impl.getValue().get(0).equals(implBase)) {
                continue;
            }
            Set<String> overridden =
                    new HashSet<>(impl.getValue().subList(1, impl.getValue().size()));
            List<String> missing = s.methods().stream()
                    .map(m ->
                            Character.toLowerCase(m.name().charAt(0)) + m.name().substring(1))
                    .filter(m -> !overridden.contains(m))
                    .toList();
            if (!missing.isEmpty()) {
                error(
                        s.name(),
                        impl.getKey().replace('/', '.') + " extends " + service + "ImplBase but does not"
                                + " implement " + String.join(", ", missing) + "; callers get UNIMPLEMENTED for them");
            }
        }
    }

    /** Classes of {@code target/classes}: internal name → [superclass, declared method names…]. */
    private Map<String, List<String>> implementations() throws IOException {
        Map<String, List<String>> out = new LinkedHashMap<>();
        if (classesDirectory == null || !Files.isDirectory(classesDirectory)) {
            return out;
        }
        try (Stream<Path> walk = Files.walk(classesDirectory)) {
            for (Path file :
                    walk.filter(p -> p.toString().endsWith(".class")).sorted().toList()) {
                List<String> info = new ArrayList<>();
                String unreadable = ClassFiles.accept(
                        Files.readAllBytes(file),
                        new ClassVisitor(Opcodes.ASM9) {
                            @Override
                            public void visit(
                                    int v,
                                    int access,
                                    String name,
                                    String signature,
                                    String superName,
                                    String[] ifaces) {
                                info.add(superName == null ? "" : superName);
                            }

                            @Override
                            public MethodVisitor visitMethod(int access, String name, String d, String s, String[] e) {
                                info.add(name);
                                return null;
                            }
                        },
                        ClassReader.SKIP_CODE | ClassReader.SKIP_DEBUG | ClassReader.SKIP_FRAMES);
                if (unreadable != null) {
                    warning("-", file + ": " + unreadable + "; " + ClassFiles.FIX);
                    continue;
                }
                out.put(classesDirectory.relativize(file).toString().replaceFirst("\\.class$", ""), info);
            }
        }
        return out;
    }

    private boolean exists(String classFile) {
        try {
            return read(classFile) != null;
        } catch (IOException e) {
            return false;
        }
    }

    private final Map<Path, ZipFile> zips = new HashMap<>();

    private byte[] read(String classFile) throws IOException {
        for (Path entry : classpath) {
            if (Files.isDirectory(entry)) {
                Path file = entry.resolve(classFile);
                if (Files.isRegularFile(file)) {
                    return Files.readAllBytes(file);
                }
            } else if (Files.isRegularFile(entry) && entry.toString().endsWith(".jar")) {
                ZipFile zip = zips.computeIfAbsent(entry, Validator::open);
                ZipEntry found = zip == null ? null : zip.getEntry(classFile);
                if (found != null) {
                    try (InputStream in = zip.getInputStream(found)) {
                        return in.readAllBytes();
                    }
                }
            }
        }
        return null;
    }

    private static ZipFile open(Path jar) {
        try {
            return new ZipFile(jar.toFile());
        } catch (IOException e) {
            return null;
        }
    }

    /** Closes the jars opened while validating. */
    public void close() {
        zips.values().stream().filter(java.util.Objects::nonNull).forEach(z -> {
            try {
                z.close();
            } catch (IOException e) {
                // Read-only use; nothing to lose.
            }
        });
    }

    private void error(String service, String message) {
        findings.add(new Finding("error", service, message));
    }

    private void warning(String service, String message) {
        findings.add(new Finding("warning", service, message));
    }

    public static String render(List<Finding> findings, Format format) {
        if (format == Format.TABLE) {
            Table table = new Table("LEVEL", "SERVICE", "FINDING");
            findings.forEach(f -> table.row(f.level(), f.service(), f.message()));
            long errors =
                    findings.stream().filter(f -> f.level().equals("error")).count();
            return table.render() + errors + " error(s), " + (findings.size() - errors) + " warning(s)\n";
        }
        return Views.structured(Map.of("findings", findings), format);
    }
}
