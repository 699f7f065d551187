package dev.switchboard.core.aws;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
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

/**
 * Finds the AWS SDK v2 service clients in a set of jars by reading their class files.
 *
 * <p>Names come from the module: a module's first client (the shortest class name) is named after the
 * module's artifactId ({@code s3}, {@code cloudwatch}); a further client of the same module adds what
 * its class name adds ({@code DynamoDbStreamsClient} in {@code dynamodb} → {@code dynamodb-streams}).
 * Class names always come from the class files, never from artifactIds: one module may hold several
 * clients.
 */
public final class AwsClientScanner {
    static final String SERVICES_PREFIX = "software/amazon/awssdk/services/";
    static final String ENDPOINTS = "software/amazon/awssdk/regions/internal/region/endpoints.json";

    private final boolean readRegionsMetadata;

    /** A scanner that reads the regions module's metadata for {@code global}. */
    public AwsClientScanner() {
        this(true);
    }

    /**
     * @param readRegionsMetadata whether to parse the regions module's {@code endpoints.json} (1.2 MB) for
     *     {@code global}; callers that know it from the catalogue skip it
     */
    public AwsClientScanner(boolean readRegionsMetadata) {
        this.readRegionsMetadata = readRegionsMetadata;
    }

    /** What a scan found. */
    public record Scan(List<AwsService> services, Set<String> globalMetadataIds) {}

    /**
     * Scans the jars; those that hold no SDK client are skipped after a look at their entry names.
     *
     * @throws InterruptedIOException when the thread is interrupted (checked between jars)
     * @throws IOException when a jar cannot be read
     */
    public Scan scan(List<Path> jars) throws IOException {
        Map<String, List<AwsClientClass>> byModule = new TreeMap<>();
        Map<String, byte[]> waiterClasses = new HashMap<>();
        Set<String> global = new HashSet<>();
        for (Path jar : jars) {
            if (Thread.currentThread().isInterrupted()) {
                throw new InterruptedIOException("interrupted while looking for AWS SDK clients in " + jar);
            }
            if (!jar.getFileName().toString().endsWith(".jar")) {
                continue;
            }
            try (ZipFile zip = new ZipFile(jar.toFile())) {
                scanJar(zip, jar, byModule, waiterClasses, global);
            }
        }
        List<AwsService> services = new ArrayList<>();
        for (Map.Entry<String, List<AwsClientClass>> module : byModule.entrySet()) {
            services.addAll(name(module.getKey(), module.getValue(), global, waiterClasses));
        }
        services.sort(Comparator.comparing(AwsService::name));
        return new Scan(List.copyOf(services), Set.copyOf(global));
    }

    private void scanJar(
            ZipFile zip,
            Path jar,
            Map<String, List<AwsClientClass>> byModule,
            Map<String, byte[]> waiterClasses,
            Set<String> global)
            throws IOException {
        List<ZipEntry> candidates = new ArrayList<>();
        List<ZipEntry> waiters = new ArrayList<>();
        String artifactId = null;
        for (Enumeration<? extends ZipEntry> entries = zip.entries(); entries.hasMoreElements(); ) {
            ZipEntry entry = entries.nextElement();
            String name = entry.getName();
            if (name.startsWith(SERVICES_PREFIX) && !name.contains("$")) {
                if (name.endsWith("Client.class") && !implementation(name)) {
                    candidates.add(entry);
                } else if (name.contains("/waiters/") && name.endsWith("Waiter.class")) {
                    waiters.add(entry);
                }
            } else if (name.startsWith("META-INF/maven/software.amazon.awssdk/") && name.endsWith("/pom.properties")) {
                artifactId = artifactId(zip, entry);
            } else if (readRegionsMetadata && name.equals(ENDPOINTS)) {
                global.addAll(globalServices(zip, entry));
            }
        }
        if (candidates.isEmpty()) {
            return;
        }
        String module = artifactId != null ? artifactId : moduleFromFileName(jar);
        for (ZipEntry entry : candidates) {
            AwsClientClass client = ClientClassReader.read(bytes(zip, entry), module);
            if (client != null) {
                byModule.computeIfAbsent(module, m -> new ArrayList<>()).add(client);
            }
        }
        for (ZipEntry entry : waiters) {
            String className = entry.getName().replace('/', '.').replaceFirst("\\.class$", "");
            waiterClasses.put(className, bytes(zip, entry));
        }
    }

    /**
     * The SDK's own implementations ({@code DefaultS3Client}, {@code DelegatingS3Client}) are classes,
     * not client interfaces; skipping them by name spares inflating most of a module's client bytes
     * (the interface check still decides for everything else).
     */
    private static boolean implementation(String entryName) {
        String simple = entryName.substring(entryName.lastIndexOf('/') + 1);
        return simple.startsWith("Default") || simple.startsWith("Delegating");
    }

    private static List<AwsService> name(
            String module, List<AwsClientClass> clients, Set<String> global, Map<String, byte[]> waiterClasses) {
        Map<String, AwsClientClass> asyncByService = new HashMap<>();
        List<AwsClientClass> sync = new ArrayList<>();
        for (AwsClientClass c : clients) {
            if (c.async()) {
                asyncByService.put(c.packageName() + "|" + c.serviceMetadataId(), c);
            } else {
                sync.add(c);
            }
        }
        sync.sort(Comparator.comparingInt((AwsClientClass c) -> c.simpleName().length())
                .thenComparing(AwsClientClass::className));
        List<AwsService> out = new ArrayList<>();
        String primaryBase = sync.isEmpty() ? "" : base(sync.get(0));
        for (AwsClientClass c : sync) {
            String name;
            if (out.isEmpty()) {
                name = module;
            } else {
                String base = base(c);
                String extra = base.startsWith(primaryBase) && base.length() > primaryBase.length()
                        ? base.substring(primaryBase.length())
                        : base;
                name = module + "-" + kebab(extra);
            }
            AwsClientClass async = asyncByService.get(c.packageName() + "|" + c.serviceMetadataId());
            byte[] waiter = c.waiterClass() == null ? null : waiterClasses.get(c.waiterClass());
            out.add(new AwsService(
                    name,
                    c,
                    async == null ? null : async.className(),
                    global.contains(c.serviceMetadataId()),
                    waiter == null ? List.of() : ClientClassReader.waiters(waiter)));
        }
        return out;
    }

    private static String base(AwsClientClass c) {
        return c.simpleName().substring(0, c.simpleName().length() - "Client".length());
    }

    static String kebab(String camel) {
        return camel.replaceAll("([a-z0-9])([A-Z])", "$1-$2")
                .replaceAll("([A-Z])([A-Z][a-z])", "$1-$2")
                .toLowerCase(Locale.ROOT);
    }

    /** Metadata ids whose {@code aws} partition entry says {@code isRegionalized: false}. */
    private static Set<String> globalServices(ZipFile zip, ZipEntry entry) throws IOException {
        Set<String> global = new HashSet<>();
        try (InputStream in = zip.getInputStream(entry)) {
            JsonNode root = new ObjectMapper().readTree(in);
            for (JsonNode partition : root.path("partitions")) {
                if (!"aws".equals(partition.path("partition").asText())) {
                    continue;
                }
                partition.path("services").fields().forEachRemaining(service -> {
                    if (service.getValue().path("isRegionalized").isBoolean()
                            && !service.getValue().path("isRegionalized").asBoolean()) {
                        global.add(service.getKey());
                    }
                });
            }
        }
        return global;
    }

    private static String artifactId(ZipFile zip, ZipEntry entry) throws IOException {
        Properties properties = new Properties();
        try (InputStream in = zip.getInputStream(entry)) {
            properties.load(in);
        }
        return properties.getProperty("artifactId");
    }

    /** {@code s3-2.57.8.jar} → {@code s3}, for jars repackaged without Maven metadata. */
    private static String moduleFromFileName(Path jar) {
        return jar.getFileName()
                .toString()
                .replaceFirst("-\\d[^-]*(-SNAPSHOT)?\\.jar$", "")
                .replaceFirst("\\.jar$", "");
    }

    private static byte[] bytes(ZipFile zip, ZipEntry entry) throws IOException {
        try (InputStream in = zip.getInputStream(entry)) {
            return in.readAllBytes();
        }
    }
}
