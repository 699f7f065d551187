package dev.switchboard.core.aws;

import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.databind.JsonNode;
import dev.switchboard.runtime.registry.RegistryCodec;
import dev.switchboard.runtime.registry.RegistryFormat;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.regex.Pattern;
import javax.xml.parsers.DocumentBuilderFactory;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * Writes {@code aws-catalogue.json} from the real SDK artifacts of one BOM version: every artifact of
 * the BOM is fetched (from the local Maven repository, else the remote one), scanned for clients with
 * {@link AwsClientScanner}, and grouped by {@code catalogue/aws-groups.yaml}. Run it through the {@code
 * aws-catalogue} profile of this module (see the README, "The AWS catalogue").
 *
 * <p>Arguments: the SDK version, the output file, the local repository, the remote repository URL.
 */
public final class CatalogueGenerator {
    private static final String GROUP_PATH = "software/amazon/awssdk/";
    private static final List<String> GROUP_ORDER = List.of(
            "core",
            "compute",
            "storage",
            "database",
            "networking",
            "messaging",
            "security",
            "analytics",
            "ml",
            "management",
            "devtools",
            "other");

    private final Path localRepo;
    private final String remote;
    private final HttpClient http = HttpClient.newHttpClient();

    private CatalogueGenerator(Path localRepo, String remote) {
        this.localRepo = localRepo;
        this.remote = remote.endsWith("/") ? remote : remote + "/";
    }

    public static void main(String[] args) throws Exception {
        String version = args[0];
        Path output = Path.of(args[1]);
        CatalogueGenerator generator = new CatalogueGenerator(Path.of(args[2]), args[3]);
        AwsCatalogue catalogue = generator.generate(version);
        DefaultPrettyPrinter printer = new DefaultPrettyPrinter().withObjectIndenter(new DefaultIndenter("  ", "\n"));
        String json = RegistryCodec.mapper(RegistryFormat.JSON).writer(printer).writeValueAsString(catalogue) + "\n";
        Files.writeString(output, json);
        long other = catalogue.modules().stream()
                .filter(m -> m.group().equals("other"))
                .count();
        System.out.printf(
                "wrote %s: %d service modules, %d async-only, %d unread, %d other BOM entries, %d modules in group"
                        + " other%n",
                output,
                catalogue.modules().size(),
                catalogue.asyncOnlyModules().size(),
                catalogue.unreadModules().size(),
                catalogue.otherModules().size(),
                other);
        catalogue
                .unreadModules()
                .forEach(m -> System.out.println("  unread (no jar published near the version): " + m));
        catalogue.modules().stream()
                .filter(m -> m.group().equals("other"))
                .forEach(m -> System.out.println("  in other (place it in aws-groups.yaml?): " + m.artifactId()));
    }

    private AwsCatalogue generate(String version) throws Exception {
        List<String> artifacts = bomArtifacts(fetch("bom", version, "pom"));
        Path regions = fetch("regions", version, "jar");
        Grouping grouping = Grouping.read();
        List<AwsCatalogue.Module> modules = new ArrayList<>();
        List<String> otherModules = new ArrayList<>();
        List<String> asyncOnly = new ArrayList<>();
        List<String> unread = new ArrayList<>();
        AwsClientScanner scanner = new AwsClientScanner();
        for (String artifactId : artifacts) {
            String readVersion = version;
            Path jar = tryFetch(artifactId, version, "jar");
            if (jar == null) {
                readVersion = nearestPublished(artifactId, version);
                jar = readVersion == null ? null : tryFetch(artifactId, readVersion, "jar");
            }
            if (jar == null) {
                // No jar of this module near the version is published in the repository: it cannot be
                // read, so it is listed as such rather than guessed.
                unread.add(artifactId);
                continue;
            }
            List<AwsService> services = scanner.scan(List.of(jar, regions)).services();
            if (services.isEmpty()) {
                (hasAsyncClient(jar) ? asyncOnly : otherModules).add(artifactId);
                continue;
            }
            List<AwsCatalogue.Client> clients = services.stream()
                    .map(s -> new AwsCatalogue.Client(
                            s.name(),
                            s.client().className(),
                            s.asyncClientClass(),
                            s.client().serviceName(),
                            s.client().serviceMetadataId(),
                            s.global()))
                    .toList();
            modules.add(new AwsCatalogue.Module(
                    artifactId, grouping.group(artifactId), readVersion.equals(version) ? null : readVersion, clients));
            System.out.println("scanned " + artifactId + " " + readVersion + ": " + clients.size() + " client(s)");
        }
        modules.sort(java.util.Comparator.comparing(AwsCatalogue.Module::artifactId));
        return new AwsCatalogue(
                version,
                GROUP_ORDER,
                modules,
                List.copyOf(new TreeSet<>(asyncOnly)),
                List.copyOf(new TreeSet<>(unread)),
                List.copyOf(new TreeSet<>(otherModules)));
    }

    private static boolean hasAsyncClient(Path jar) throws IOException {
        try (java.util.zip.ZipFile zip = new java.util.zip.ZipFile(jar.toFile())) {
            return zip.stream()
                    .anyMatch(e -> e.getName().startsWith(AwsClientScanner.SERVICES_PREFIX)
                            && e.getName().endsWith("AsyncClient.class"));
        }
    }

    private static List<String> bomArtifacts(Path bom) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        Document doc = factory.newDocumentBuilder().parse(bom.toFile());
        Element management =
                (Element) doc.getElementsByTagName("dependencyManagement").item(0);
        NodeList dependencies = management.getElementsByTagName("dependency");
        List<String> out = new ArrayList<>();
        for (int i = 0; i < dependencies.getLength(); i++) {
            Element dependency = (Element) dependencies.item(i);
            String groupId = dependency
                    .getElementsByTagName("groupId")
                    .item(0)
                    .getTextContent()
                    .trim();
            if (groupId.equals("software.amazon.awssdk")) {
                out.add(dependency
                        .getElementsByTagName("artifactId")
                        .item(0)
                        .getTextContent()
                        .trim());
            }
        }
        return out;
    }

    /**
     * The version nearest to {@code version} whose jar the repository has; client class names do not
     * change between SDK versions, so a neighbour's jar tells the same.
     */
    private String nearestPublished(String artifactId, String version) throws Exception {
        Path metadata = download(GROUP_PATH + artifactId + "/maven-metadata.xml", null);
        if (metadata == null) {
            return null;
        }
        NodeList versions = DocumentBuilderFactory.newInstance()
                .newDocumentBuilder()
                .parse(metadata.toFile())
                .getElementsByTagName("version");
        List<String> candidates = new ArrayList<>();
        for (int i = 0; i < versions.getLength(); i++) {
            String v = versions.item(i).getTextContent().trim();
            if (!v.equals(version)) {
                candidates.add(v);
            }
        }
        candidates.sort(java.util.Comparator.comparingLong(v -> Math.abs(ordinal(v) - ordinal(version))));
        for (String candidate : candidates.subList(0, Math.min(15, candidates.size()))) {
            if (tryFetch(artifactId, candidate, "jar") != null) {
                return candidate;
            }
        }
        return null;
    }

    /** {@code 2.42.28} → 2_042_028, so versions compare and subtract as numbers. */
    private static long ordinal(String version) {
        long out = 0;
        String[] parts = version.split("\\.");
        for (int i = 0; i < 3; i++) {
            out = out * 1000 + (i < parts.length ? Math.max(0, parse(parts[i])) : 0);
        }
        return out;
    }

    private static int parse(String s) {
        try {
            return Integer.parseInt(s);
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    private Path fetch(String artifactId, String version, String type) throws Exception {
        Path path = tryFetch(artifactId, version, type);
        if (path == null) {
            throw new IOException(
                    artifactId + ":" + version + ":" + type + " is not in " + localRepo + " or " + remote);
        }
        return path;
    }

    private Path tryFetch(String artifactId, String version, String type) throws Exception {
        String relative = GROUP_PATH + artifactId + "/" + version + "/" + artifactId + "-" + version + "." + type;
        Path local = localRepo.resolve(relative);
        return Files.isRegularFile(local) ? local : download(relative, local);
    }

    /** Downloads into {@code target} (a temporary file when null); null when the remote answers 404. */
    private Path download(String relative, Path target) throws Exception {
        HttpResponse<InputStream> response = http.send(
                HttpRequest.newBuilder(URI.create(remote + relative)).build(),
                HttpResponse.BodyHandlers.ofInputStream());
        try (InputStream body = response.body()) {
            if (response.statusCode() != 200) {
                return null;
            }
            Path out = target != null ? target : Files.createTempFile("awssdk", ".xml");
            Files.createDirectories(out.toAbsolutePath().getParent());
            Path temp = Files.createTempFile(out.toAbsolutePath().getParent(), ".download", ".tmp");
            Files.copy(body, temp, StandardCopyOption.REPLACE_EXISTING);
            Files.move(temp, out, StandardCopyOption.REPLACE_EXISTING);
            return out;
        }
    }

    /** {@code catalogue/aws-groups.yaml}: explicit module lists, then patterns, then {@code other}. */
    private record Grouping(Map<String, String> explicit, Map<Pattern, String> patterns) {
        static Grouping read() throws IOException {
            try (InputStream in = CatalogueGenerator.class.getResourceAsStream("/catalogue/aws-groups.yaml")) {
                JsonNode root = RegistryCodec.mapper(RegistryFormat.YAML).readTree(in);
                Map<String, String> explicit = new LinkedHashMap<>();
                for (Iterator<Map.Entry<String, JsonNode>> it =
                                root.path("modules").fields();
                        it.hasNext(); ) {
                    Map.Entry<String, JsonNode> group = it.next();
                    for (JsonNode module : group.getValue()) {
                        String previous = explicit.put(module.asText(), group.getKey());
                        if (previous != null) {
                            throw new IllegalStateException(module.asText() + " is listed under both " + previous
                                    + " and " + group.getKey() + " in aws-groups.yaml");
                        }
                    }
                }
                Map<Pattern, String> patterns = new LinkedHashMap<>();
                for (JsonNode p : root.path("patterns")) {
                    patterns.put(
                            Pattern.compile(p.path("regex").asText()),
                            p.path("group").asText());
                }
                return new Grouping(explicit, patterns);
            }
        }

        String group(String artifactId) {
            String group = explicit.get(artifactId);
            if (group != null) {
                return group;
            }
            return patterns.entrySet().stream()
                    .filter(e -> e.getKey().matcher(artifactId).matches())
                    .map(Map.Entry::getValue)
                    .findFirst()
                    .orElse("other");
        }
    }
}
