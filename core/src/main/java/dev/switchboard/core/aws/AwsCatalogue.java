package dev.switchboard.core.aws;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import dev.switchboard.core.io.JsonTokens;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Every service module of the AWS SDK BOM the plugin is built against, with its client classes and
 * its group. Produced by {@code CatalogueGenerator} from the real SDK jars (see the README, "The AWS
 * catalogue"); never edited by hand.
 *
 * @param sdkVersion the BOM version the catalogue describes
 * @param groups the group names, in display order
 * @param modules the service modules with sync clients, sorted by artifactId
 * @param asyncOnlyModules service modules with only an async client ({@code transcribestreaming}); the
 *     registry holds sync clients, so these give no service
 * @param unreadModules BOM entries whose jar the repository did not have at or near the version when
 *     the catalogue was generated; rerun the generator where they are published
 * @param otherModules BOM entries that hold no service client (core, HTTP clients, utilities)
 */
@JsonPropertyOrder({"sdkVersion", "groups", "modules", "asyncOnlyModules", "unreadModules", "otherModules"})
public record AwsCatalogue(
        String sdkVersion,
        List<String> groups,
        List<Module> modules,
        List<String> asyncOnlyModules,
        List<String> unreadModules,
        List<String> otherModules) {
    static final String RESOURCE = "aws-catalogue.json";

    /**
     * One service module.
     *
     * @param artifactId the module's artifactId
     * @param group its group
     * @param readVersion the version whose jar was read, when the BOM's own was not published
     * @param clients its sync clients
     */
    @JsonPropertyOrder({"artifactId", "group", "readVersion", "clients"})
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Module(String artifactId, String group, String readVersion, List<Client> clients) {}

    /**
     * One sync client of a module.
     *
     * @param name the registry name
     * @param clientClass the sync client interface
     * @param asyncClientClass the async client interface, or null
     * @param serviceName {@code SERVICE_NAME}
     * @param serviceMetadataId {@code SERVICE_METADATA_ID}
     * @param global whether the service is global
     */
    @JsonPropertyOrder({"name", "clientClass", "asyncClientClass", "serviceName", "serviceMetadataId", "global"})
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Client(
            String name,
            String clientClass,
            String asyncClientClass,
            String serviceName,
            String serviceMetadataId,
            boolean global) {}

    /**
     * The catalogue shipped inside the plugin, read with Jackson's streaming parser: data binding's
     * start-up would cost more than discovery itself (benchmarks/factory/RESULTS.md).
     */
    public static AwsCatalogue bundled() {
        try (InputStream in = AwsCatalogue.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("the plugin jar lacks " + RESOURCE + "; it is damaged");
            }
            try (JsonParser parser = new JsonFactory().createParser(in)) {
                return read(parser);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("the plugin's " + RESOURCE + " cannot be read", e);
        }
    }

    private static AwsCatalogue read(JsonParser p) throws IOException {
        String sdkVersion = null;
        List<String> groups = List.of();
        List<Module> modules = new ArrayList<>();
        List<String> asyncOnly = List.of();
        List<String> unread = List.of();
        List<String> other = List.of();
        JsonTokens.expect(p.nextToken(), JsonToken.START_OBJECT, p);
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String field = p.currentName();
            p.nextToken();
            switch (field) {
                case "sdkVersion" -> sdkVersion = p.getText();
                case "groups" -> groups = List.copyOf(JsonTokens.strings(p));
                case "asyncOnlyModules" -> asyncOnly = List.copyOf(JsonTokens.strings(p));
                case "unreadModules" -> unread = List.copyOf(JsonTokens.strings(p));
                case "otherModules" -> other = List.copyOf(JsonTokens.strings(p));
                case "modules" -> {
                    while (p.nextToken() == JsonToken.START_OBJECT) {
                        modules.add(module(p));
                    }
                }
                default -> p.skipChildren();
            }
        }
        return new AwsCatalogue(sdkVersion, groups, List.copyOf(modules), asyncOnly, unread, other);
    }

    private static Module module(JsonParser p) throws IOException {
        String artifactId = null;
        String group = null;
        String readVersion = null;
        List<Client> clients = new ArrayList<>();
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String field = p.currentName();
            p.nextToken();
            switch (field) {
                case "artifactId" -> artifactId = p.getText();
                case "group" -> group = p.getText();
                case "readVersion" -> readVersion = p.currentToken() == JsonToken.VALUE_NULL ? null : p.getText();
                case "clients" -> {
                    while (p.nextToken() == JsonToken.START_OBJECT) {
                        Map<String, String> c = new HashMap<>();
                        while (p.nextToken() == JsonToken.FIELD_NAME) {
                            String name = p.currentName();
                            JsonToken value = p.nextToken();
                            c.put(name, value == JsonToken.VALUE_NULL ? null : p.getText());
                        }
                        clients.add(new Client(
                                c.get("name"),
                                c.get("clientClass"),
                                c.get("asyncClientClass"),
                                c.get("serviceName"),
                                c.get("serviceMetadataId"),
                                "true".equals(c.get("global"))));
                    }
                }
                default -> p.skipChildren();
            }
        }
        return new Module(artifactId, group, readVersion, List.copyOf(clients));
    }

    /** Registry name → the module holding that client. */
    public Map<String, Module> modulesByServiceName() {
        return modules.stream()
                .flatMap(m -> m.clients().stream().map(c -> Map.entry(c.name(), m)))
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue, (a, b) -> a));
    }

    /** The module with this artifactId. */
    public Optional<Module> module(String artifactId) {
        return modules.stream().filter(m -> m.artifactId().equals(artifactId)).findFirst();
    }

    /** Sync client class → its module's group. */
    public Map<String, String> groupsByClientClass() {
        return modules.stream()
                .flatMap(m -> m.clients().stream().map(c -> Map.entry(c.clientClass(), m.group())))
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue, (a, b) -> a));
    }

    /** Every catalogued registry name. */
    public List<String> serviceNames() {
        return modules.stream()
                .flatMap(m -> m.clients().stream().map(Client::name))
                .sorted()
                .toList();
    }
}
