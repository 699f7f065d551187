package dev.switchboard.core.analyze;

import dev.switchboard.core.diag.ClassFiles;
import dev.switchboard.core.diag.InputException;
import dev.switchboard.core.diag.Problem;
import dev.switchboard.core.registry.RegistryBuilder;
import dev.switchboard.core.registry.RegistryLock;
import dev.switchboard.core.registry.RegistryOutcome;
import dev.switchboard.core.render.FactoryModel;
import dev.switchboard.core.render.FactoryModelBuilder;
import dev.switchboard.core.render.GenerateRequest;
import dev.switchboard.runtime.registry.ServiceEntry;
import dev.switchboard.runtime.registry.ServiceKind;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassVisitor;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;

/**
 * Runs {@code analyze}. The stages, in order:
 *
 * <ol>
 *   <li>build the registry if stale and apply the selection, in memory, committing nothing ({@link
 *       RegistryBuilder#prepare});
 *   <li>compute the generated factory's accessors as {@code generate} names them ({@link FactoryModelBuilder});
 *   <li>read every class file of the application with ASM, without loading it, and sort each call: an
 *       accessor of the generated factory (or its {@code client("name")}), a method of the team's factory
 *       interface that returns a client, or {@code builder()} / {@code create()} of an SDK client;
 *   <li>report per service who calls it which way, the selected services nothing calls, the SDK modules only
 *       they need and the selection that keeps what is called.
 * </ol>
 */
public final class CallAnalyzer {
    private CallAnalyzer() {}

    /** The three ways an application reaches a client. */
    private enum Way {
        GENERATED,
        LEGACY,
        HAND_BUILT
    }

    /**
     * @param request the generate request whose factory (and {@code <factoryInterface>}) the application uses
     * @param classes the application's compiled classes ({@code target/classes})
     * @throws InputException when the classes directory does not exist
     */
    public static MigrationReport analyze(GenerateRequest request, Path classes) throws InputException, IOException {
        if (!Files.isDirectory(classes)) {
            throw new InputException(Problem.in(
                    shown(request, classes),
                    "does not exist, so there are no compiled classes to analyze",
                    "compile first: mvn compile switchboard:analyze"));
        }
        RegistryOutcome registry;
        // The registry directory's lock, as generate takes it, so a build running beside this one takes turns.
        RegistryLock lock = RegistryLock.acquire(request.registry().registryDirectory());
        try {
            registry = new RegistryBuilder().prepare(request.registry()).outcome();
        } finally {
            lock.close();
        }
        List<ServiceEntry> all = registry.services();
        List<ServiceEntry> selected = registry.selected() != null ? registry.selected() : all;
        FactoryModel model = FactoryModelBuilder.build(selected, request.packageName(), request.className());
        String legacy = request.factoryInterface() == null
                ? null
                : request.factoryInterface().name().replace('.', '/');
        return new Scan(request, model, all, selected, legacy).run(classes);
    }

    private static final class Scan {
        private final String factory;
        private final String dynamic;
        private final String migrating;
        private final String legacy;
        private final String providerPrefix;
        private final Map<String, String> accessors = new HashMap<>();
        private final Map<String, String> clientClasses = new HashMap<>();
        private final Map<String, ServiceEntry> byName = new TreeMap<>();
        private final Set<String> selected = new TreeSet<>();
        private final Map<String, Map<Way, Set<String>>> calls = new TreeMap<>();
        private final String legacyName;
        private final String factoryName;

        Scan(
                GenerateRequest request,
                FactoryModel model,
                List<ServiceEntry> all,
                List<ServiceEntry> chosen,
                String legacy) {
            String pkg = model.packageName().replace('.', '/') + "/";
            this.factory = pkg + model.className();
            this.dynamic = pkg + model.dynamicClassName();
            this.migrating = pkg + "Migrating" + model.className();
            this.legacy = legacy;
            this.providerPrefix = model.providerPackage().replace('.', '/') + "/";
            this.legacyName = legacy == null ? null : legacy.replace('/', '.');
            this.factoryName = model.packageName() + "." + model.className();
            for (FactoryModel.ServiceModel s : model.services()) {
                accessors.put(s.accessor(), s.name());
                if (s.async() != null) {
                    accessors.put(s.async().accessor(), s.name());
                }
                if (s.future() != null) {
                    accessors.put(s.future().accessor(), s.name());
                }
            }
            for (ServiceEntry e : all) {
                byName.put(e.name(), e);
                if (e.kind() == ServiceKind.AWS && e.aws() != null) {
                    clientClasses.put(e.aws().clientClass().replace('.', '/'), e.name());
                    if (e.aws().asyncClientClass() != null) {
                        clientClasses.put(e.aws().asyncClientClass().replace('.', '/'), e.name());
                    }
                }
                if (e.kind() == ServiceKind.GRPC
                        && e.proto() != null
                        && e.proto().stubClass() != null) {
                    String stubs = e.proto().stubClass().replace('.', '/');
                    String service =
                            e.proto().service().substring(e.proto().service().lastIndexOf('.') + 1);
                    for (String kind : List.of("BlockingStub", "Stub", "FutureStub")) {
                        clientClasses.put(stubs + "$" + service + kind, e.name());
                    }
                }
            }
            chosen.forEach(e -> selected.add(e.name()));
        }

        MigrationReport run(Path classes) throws IOException, InputException {
            try (Stream<Path> walk = Files.walk(classes)) {
                for (Path file : walk.filter(f -> f.toString().endsWith(".class"))
                        .sorted()
                        .toList()) {
                    byte[] bytes = Files.readAllBytes(file);
                    try {
                        read(bytes);
                    } catch (IllegalArgumentException | ArrayIndexOutOfBoundsException e) {
                        // ASM refuses class files newer than it knows, and damaged ones.
                        throw new InputException(
                                Problem.in(file.toString(), ClassFiles.unreadable(bytes), ClassFiles.FIX));
                    }
                }
            }
            List<MigrationReport.ServiceUse> uses = new ArrayList<>();
            Set<String> names = new TreeSet<>(selected);
            names.addAll(calls.keySet());
            List<String> unused = new ArrayList<>();
            Set<String> called = new TreeSet<>();
            for (String name : names) {
                Map<Way, Set<String>> by = calls.getOrDefault(name, Map.of());
                MigrationReport.ServiceUse use = new MigrationReport.ServiceUse(
                        name,
                        selected.contains(name),
                        List.copyOf(by.getOrDefault(Way.GENERATED, Set.of())),
                        List.copyOf(by.getOrDefault(Way.LEGACY, Set.of())),
                        List.copyOf(by.getOrDefault(Way.HAND_BUILT, Set.of())));
                uses.add(use);
                if (use.called()) {
                    called.add(name);
                } else {
                    unused.add(name);
                }
            }
            return new MigrationReport(
                    factoryName,
                    legacyName,
                    uses,
                    unused,
                    removable(unused, called),
                    called.equals(selected) ? null : String.join(",", called));
        }

        /** The SDK modules of unused AWS services that no called service shares (dynamodb holds two clients). */
        private List<String> removable(List<String> unused, Set<String> called) {
            Set<String> needed = new TreeSet<>();
            called.stream().map(this::artifact).filter(a -> a != null).forEach(needed::add);
            Set<String> out = new TreeSet<>();
            for (String name : unused) {
                String artifact = artifact(name);
                if (artifact != null && !needed.contains(artifact)) {
                    out.add("software.amazon.awssdk:" + artifact);
                }
            }
            return List.copyOf(out);
        }

        private String artifact(String service) {
            ServiceEntry e = byName.get(service);
            return e != null && e.kind() == ServiceKind.AWS && e.aws() != null
                    ? e.aws().artifactId()
                    : null;
        }

        /** The class file's major version (61 for Java 17, 69 for Java 25). */
        /** Whether {@code owner} is the generated class {@code generated} or one nested in it. */
        private static boolean generated(String owner, String generated) {
            return owner.equals(generated) || owner.startsWith(generated + "$");
        }

        private void read(byte[] bytes) {
            ClassReader reader = new ClassReader(bytes);
            String owner = reader.getClassName();
            // The generated classes call the SDK and each other; only the application's calls count.
            if (owner.startsWith(providerPrefix)
                    || generated(owner, factory)
                    || generated(owner, dynamic)
                    || generated(owner, migrating)) {
                return;
            }
            String dotted = owner.replace('/', '.');
            reader.accept(
                    new ClassVisitor(Opcodes.ASM9) {
                        @Override
                        public MethodVisitor visitMethod(
                                int access, String name, String descriptor, String signature, String[] exceptions) {
                            String caller = dotted + "." + callerName(name);
                            return new MethodVisitor(Opcodes.ASM9) {
                                private String constant;

                                @Override
                                public void visitLdcInsn(Object value) {
                                    constant = value instanceof String s ? s : null;
                                }

                                @Override
                                public void visitMethodInsn(
                                        int opcode, String target, String method, String desc, boolean itf) {
                                    sort(caller, opcode, target, method, desc, constant);
                                    constant = null;
                                }
                            };
                        }
                    },
                    ClassReader.SKIP_DEBUG | ClassReader.SKIP_FRAMES);
        }

        private void sort(String caller, int opcode, String target, String method, String desc, String constant) {
            String returned = Type.getReturnType(desc).getInternalName();
            if (target.equals(factory) || target.equals(dynamic)) {
                if (method.equals("client") && constant != null && byName.containsKey(constant)) {
                    record(constant, Way.GENERATED, caller);
                } else if (accessors.containsKey(method) && Type.getArgumentTypes(desc).length == 0) {
                    record(accessors.get(method), Way.GENERATED, caller);
                } else if (clientClasses.containsKey(returned)) {
                    // A method of the team's interface that the factory implements under the interface's name.
                    record(clientClasses.get(returned), Way.GENERATED, caller);
                }
            } else if ((target.equals(legacy) || target.equals(migrating)) && clientClasses.containsKey(returned)) {
                record(clientClasses.get(returned), Way.LEGACY, caller);
            } else if (opcode == Opcodes.INVOKESTATIC
                    && (method.equals("builder") || method.equals("create"))
                    && clientClasses.containsKey(target)) {
                record(clientClasses.get(target), Way.HAND_BUILT, caller);
            }
        }

        private void record(String service, Way way, String caller) {
            calls.computeIfAbsent(service, s -> new TreeMap<>())
                    .computeIfAbsent(way, w -> new TreeSet<>())
                    .add(caller);
        }

        /** {@code lambda$run$0} → {@code run}: a lambda's calls belong to the method that wrote it. */
        private static String callerName(String method) {
            if (method.startsWith("lambda$")) {
                int end = method.indexOf('$', "lambda$".length());
                return end > 0 ? method.substring("lambda$".length(), end) : method;
            }
            return method;
        }
    }

    private static String shown(GenerateRequest request, Path path) {
        Path base = request.registry().protos().baseDirectory().toAbsolutePath();
        Path absolute = path.toAbsolutePath().normalize();
        return absolute.startsWith(base) ? base.relativize(absolute).toString().replace('\\', '/') : path.toString();
    }
}
