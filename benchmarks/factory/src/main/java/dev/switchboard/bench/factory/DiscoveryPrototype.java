package dev.switchboard.bench.factory;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import dev.switchboard.core.aws.AwsCatalogue;
import dev.switchboard.core.aws.AwsClientClass;
import dev.switchboard.core.aws.AwsServiceReader;
import dev.switchboard.core.aws.ClientClassReader;
import dev.switchboard.runtime.registry.AwsInfo;
import dev.switchboard.runtime.registry.MethodInfo;
import dev.switchboard.runtime.registry.ServiceEntry;
import dev.switchboard.runtime.registry.ServiceKind;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Enumeration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassVisitor;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;

/**
 * Not the plugin: a what-if for the AWS discovery budget. Discovery as {@code AwsServiceReader.read}
 * does it, with the three changes RESULTS.md proposes, timed cold in a fresh JVM like {@link
 * DiscoveryCold}, and then checked (untimed) to give exactly the registry entries the real reader
 * gives:
 *
 * <ol>
 *   <li>the catalogue is read with Jackson's streaming parser into the two maps discovery needs (client
 *       class → group, → global) instead of being bound to records by databind;
 *   <li>only the client interfaces are decompressed and parsed: {@code Default…Client} and {@code
 *       Delegating…Client} are skipped when the interface they implement ({@code …Client} without the
 *       prefix) is in the same package, and an {@code …AsyncClient} is paired with its sync sibling by
 *       name instead of being parsed (when it has no sync sibling it is parsed as before);
 *   <li>{@code global} comes from the catalogue; {@code endpoints.json} (1.2 MB) is read only for a
 *       client the catalogue does not know (never, here).
 * </ol>
 *
 * <pre>java -cp target/factory-benchmarks.jar dev.switchboard.bench.factory.DiscoveryPrototype target/discovery-classpath.txt</pre>
 */
public final class DiscoveryPrototype {
    private static final String SERVICES = "software/amazon/awssdk/services/";

    private DiscoveryPrototype() {}

    public static void main(String[] args) throws Exception {
        List<Path> jars = DiscoveryCold.jars(Path.of(args.length > 0 ? args[0] : "target/discovery-classpath.txt"));
        long t0 = System.nanoTime();
        Map<String, String> groups = new HashMap<>();
        Set<String> global = new HashSet<>();
        readCatalogue(groups, global);
        long t1 = System.nanoTime();
        List<ServiceEntry> entries = scan(jars, groups, global);
        long t2 = System.nanoTime();

        List<ServiceEntry> real = new AwsServiceReader(AwsCatalogue.bundled()).read(jars);
        boolean same = real.equals(entries);
        System.out.printf(
                Locale.ROOT,
                "total_ms=%.1f catalogue_ms=%.1f read_ms=%.1f services=%d same_as_reader=%s%n",
                (t2 - t0) / 1e6,
                (t1 - t0) / 1e6,
                (t2 - t1) / 1e6,
                entries.size(),
                same);
        if (!same) {
            System.out.println("reader:    " + real.stream().map(ServiceEntry::name).toList());
            System.out.println("prototype: " + entries.stream().map(ServiceEntry::name).toList());
            for (int i = 0; i < Math.min(real.size(), entries.size()); i++) {
                if (!real.get(i).equals(entries.get(i))) {
                    ServiceEntry a = real.get(i);
                    ServiceEntry b = entries.get(i);
                    System.out.println("first difference: " + a.name() + "\n  reader:    " + a.aws() + " group="
                            + a.group() + " methods=" + a.methods().size() + "\n  prototype: " + b.aws() + " group="
                            + b.group() + " methods=" + b.methods().size());
                    break;
                }
            }
            System.exit(1);
        }
    }

    /** modules[].group and modules[].clients[].{clientClass, global}, by streaming. */
    private static void readCatalogue(Map<String, String> groups, Set<String> global) throws IOException {
        try (InputStream in = AwsCatalogue.class.getResourceAsStream("aws-catalogue.json");
                JsonParser p = new JsonFactory().createParser(in)) {
            p.nextToken();
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String field = p.currentName();
                p.nextToken();
                if (!field.equals("modules")) {
                    p.skipChildren();
                    continue;
                }
                while (p.nextToken() == JsonToken.START_OBJECT) {
                    String group = null;
                    List<String[]> clients = new ArrayList<>();
                    while (p.nextToken() == JsonToken.FIELD_NAME) {
                        String f = p.currentName();
                        p.nextToken();
                        if (f.equals("group")) {
                            group = p.getText();
                        } else if (f.equals("clients")) {
                            while (p.nextToken() == JsonToken.START_OBJECT) {
                                String cls = null;
                                String isGlobal = "false";
                                while (p.nextToken() == JsonToken.FIELD_NAME) {
                                    String cf = p.currentName();
                                    p.nextToken();
                                    if (cf.equals("clientClass")) {
                                        cls = p.getText();
                                    } else if (cf.equals("global")) {
                                        isGlobal = p.getText();
                                    } else {
                                        p.skipChildren();
                                    }
                                }
                                clients.add(new String[] {cls, isGlobal});
                            }
                        } else {
                            p.skipChildren();
                        }
                    }
                    for (String[] c : clients) {
                        groups.putIfAbsent(c[0], group);
                        if (c[1].equals("true")) {
                            global.add(c[0]);
                        }
                    }
                }
            }
        }
    }

    private record Found(AwsClientClass client, String asyncClass, List<String> waiters) {}

    private static List<ServiceEntry> scan(List<Path> jars, Map<String, String> groups, Set<String> global)
            throws IOException {
        Map<String, List<Found>> byModule = new TreeMap<>();
        for (Path jar : jars) {
            if (!jar.getFileName().toString().endsWith(".jar")) {
                continue;
            }
            try (ZipFile zip = new ZipFile(jar.toFile())) {
                Set<String> names = new HashSet<>();
                ZipEntry pom = null;
                for (Enumeration<? extends ZipEntry> e = zip.entries(); e.hasMoreElements(); ) {
                    ZipEntry entry = e.nextElement();
                    String name = entry.getName();
                    if (name.startsWith(SERVICES) && !name.contains("$") && name.endsWith("Client.class")) {
                        names.add(name);
                    } else if (name.startsWith("META-INF/maven/software.amazon.awssdk/")
                            && name.endsWith("/pom.properties")) {
                        pom = entry;
                    }
                }
                if (names.isEmpty()) {
                    continue;
                }
                String module = pom != null ? artifactId(zip, pom) : jar.getFileName().toString();
                List<String> sorted = new ArrayList<>(names);
                sorted.sort(null);
                for (String name : sorted) {
                    int slash = name.lastIndexOf('/') + 1;
                    String dir = name.substring(0, slash);
                    String simple = name.substring(slash);
                    if ((simple.startsWith("Default") && names.contains(dir + simple.substring("Default".length())))
                            || (simple.startsWith("Delegating")
                                    && names.contains(dir + simple.substring("Delegating".length())))) {
                        continue;
                    }
                    boolean async = simple.endsWith("AsyncClient.class");
                    String syncSibling = dir + simple.replaceFirst("AsyncClient\\.class$", "Client.class");
                    if (async && names.contains(syncSibling)) {
                        continue;
                    }
                    AwsClientClass client = ClientClassReader.read(bytes(zip, zip.getEntry(name)), module);
                    if (client == null) {
                        continue;
                    }
                    if (async) {
                        // An async client without a sync sibling gives no service (the registry holds sync clients).
                        continue;
                    }
                    String asyncName = dir + simple.replaceFirst("Client\\.class$", "AsyncClient.class");
                    String asyncClass = names.contains(asyncName)
                            ? asyncName.replace('/', '.').substring(0, asyncName.length() - ".class".length())
                            : null;
                    List<String> waiters = client.waiterClass() == null
                            ? List.of()
                            : waiters(zip, client.waiterClass().replace('.', '/') + ".class");
                    byModule.computeIfAbsent(module, m -> new ArrayList<>()).add(new Found(client, asyncClass, waiters));
                }
            }
        }
        List<ServiceEntry> out = new ArrayList<>();
        for (Map.Entry<String, List<Found>> module : byModule.entrySet()) {
            List<Found> sync = module.getValue();
            sync.sort(Comparator.comparingInt((Found f) -> simpleName(f.client).length())
                    .thenComparing(f -> f.client.className()));
            String primaryBase = base(sync.get(0).client);
            boolean first = true;
            for (Found f : sync) {
                String name;
                if (first) {
                    name = module.getKey();
                    first = false;
                } else {
                    String base = base(f.client);
                    String extra = base.startsWith(primaryBase) && base.length() > primaryBase.length()
                            ? base.substring(primaryBase.length())
                            : base;
                    name = module.getKey() + "-" + kebab(extra);
                }
                out.add(entry(name, f, groups.getOrDefault(f.client.className(), "other"),
                        global.contains(f.client.className())));
            }
        }
        out.sort(Comparator.comparing(ServiceEntry::name));
        return List.copyOf(out);
    }

    private static ServiceEntry entry(String name, Found f, String group, boolean global) {
        AwsClientClass client = f.client;
        List<MethodInfo> methods = client.operations().stream()
                .map(op -> new MethodInfo(op.name(), op.input(), op.output(), null, null, null, null, null,
                        client.paginated().contains(op.name())))
                .toList();
        String simple = simpleName(client);
        return ServiceEntry.builder(name, ServiceKind.AWS)
                .group(group)
                .displayName(simple.substring(0, simple.length() - "Client".length()))
                .aws(new AwsInfo(
                        client.artifactId(),
                        client.serviceName(),
                        client.serviceMetadataId(),
                        client.className(),
                        f.asyncClass,
                        client.builderClass(),
                        global,
                        f.waiters))
                .methods(methods)
                .build();
    }

    private static List<String> waiters(ZipFile zip, String entry) throws IOException {
        ZipEntry e = zip.getEntry(entry);
        if (e == null) {
            return List.of();
        }
        List<String> names = new ArrayList<>();
        new ClassReader(bytes(zip, e))
                .accept(
                        new ClassVisitor(Opcodes.ASM9) {
                            @Override
                            public MethodVisitor visitMethod(
                                    int access, String name, String descriptor, String signature, String[] exceptions) {
                                if (name.startsWith("waitUntil") && !names.contains(name)) {
                                    names.add(name);
                                }
                                return null;
                            }
                        },
                        ClassReader.SKIP_CODE | ClassReader.SKIP_DEBUG | ClassReader.SKIP_FRAMES);
        return names;
    }

    private static String simpleName(AwsClientClass c) {
        return c.className().substring(c.className().lastIndexOf('.') + 1);
    }

    private static String base(AwsClientClass c) {
        String s = simpleName(c);
        return s.substring(0, s.length() - "Client".length());
    }

    private static String kebab(String camel) {
        return camel.replaceAll("([a-z0-9])([A-Z])", "$1-$2")
                .replaceAll("([A-Z])([A-Z][a-z])", "$1-$2")
                .toLowerCase(Locale.ROOT);
    }

    private static String artifactId(ZipFile zip, ZipEntry entry) throws IOException {
        Properties properties = new Properties();
        try (InputStream in = zip.getInputStream(entry)) {
            properties.load(in);
        }
        return properties.getProperty("artifactId");
    }

    private static byte[] bytes(ZipFile zip, ZipEntry entry) throws IOException {
        try (InputStream in = zip.getInputStream(entry)) {
            return in.readAllBytes();
        }
    }
}
