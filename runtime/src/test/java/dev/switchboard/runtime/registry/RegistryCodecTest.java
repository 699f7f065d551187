package dev.switchboard.runtime.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import dev.switchboard.runtime.testing.BadRegistries;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class RegistryCodecTest {

    private static Registry read(String json) throws Exception {
        return RegistryCodec.read(
                new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)), RegistryFormat.JSON, "test.json");
    }

    private static Registry designExample() throws Exception {
        try (InputStream in = RegistryCodecTest.class.getResourceAsStream("/design-example.json")) {
            return RegistryCodec.read(in, RegistryFormat.JSON, "design-example.json");
        }
    }

    static JsonSchema schema() throws Exception {
        try (InputStream in = Registry.class.getResourceAsStream("registry-v1.schema.json")) {
            return JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012)
                    .getSchema(in);
        }
    }

    @Test
    @DisplayName("the example registry in DESIGN §3 reads into the records with every documented field")
    void readsTheDesignExample() throws Exception {
        Registry registry = designExample();

        SoftAssertions soft = new SoftAssertions();
        soft.assertThat(registry.schemaVersion()).isEqualTo(1);
        soft.assertThat(registry.services()).extracting(ServiceEntry::name).containsExactly("s3", "user");
        ServiceEntry user = registry.service("user").orElseThrow();
        soft.assertThat(user.kind()).isEqualTo(ServiceKind.GRPC);
        soft.assertThat(user.proto().protoPackage()).isEqualTo("acme.user.v1");
        soft.assertThat(user.proto().stubClass()).isEqualTo("com.acme.user.v1.UserServiceGrpc");
        soft.assertThat(user.methods().get(0).http()).containsExactly(new HttpRule("GET", "/v1/users/{id}", ""));
        soft.assertThat(user.endpoints()).containsExactly(new Endpoint("GET", "/v1/users/{id}", "GetUser", null));
        soft.assertThat(user.dependencies()).containsExactly(new Dependency("billing", "type:acme.billing.v1.Invoice"));
        soft.assertThat(user.health()).isEqualTo(new Health("/health/user", "acme.user.v1.UserService"));
        soft.assertThat(user.metrics()).isEqualTo("/metrics/user");
        ServiceEntry s3 = registry.service("s3").orElseThrow();
        soft.assertThat(s3.aws().serviceMetadataId()).isEqualTo("s3");
        soft.assertThat(s3.methods().get(0).paginated()).isFalse();
        soft.assertAll();
    }

    @Test
    @DisplayName("what the codec writes is valid against the JSON Schema in the repository")
    void writtenRegistryMatchesTheSchema() throws Exception {
        String json = RegistryCodec.write(designExample(), RegistryFormat.JSON);
        JsonNode tree = RegistryCodec.mapper(RegistryFormat.JSON).readTree(json);

        assertThat(schema().validate(tree)).isEmpty();
    }

    @Test
    @DisplayName("the schema rejects a registry with an unknown kind, so the schema test has teeth")
    void schemaRejectsAnUnknownKind() throws Exception {
        JsonNode tree = RegistryCodec.mapper(RegistryFormat.JSON)
                .readTree("{\"schemaVersion\":1,\"services\":[{\"name\":\"x\",\"kind\":\"soap\"}]}");

        assertThat(schema().validate(tree)).isNotEmpty();
    }

    @Test
    @DisplayName("JSON and YAML round-trip to the same registry")
    void roundTripsThroughJsonAndYaml(@TempDir Path dir) throws Exception {
        Registry registry = designExample();
        for (String file : List.of("r.json", "r.yaml")) {
            Path path = dir.resolve(file);
            Files.write(path, RegistryCodec.writeBytes(registry, RegistryFormat.of(path)));
            assertThat(RegistryCodec.read(path)).as(file).isEqualTo(registry);
        }
    }

    @Test
    @DisplayName("text beyond ASCII is written as UTF-8, an emoji as itself, not as escaped surrogates")
    void writesUnicodeAsUtf8() {
        ServiceEntry entry = ServiceEntry.builder("greeter", ServiceKind.GRPC)
                .description("Grüße, 你好, 👋.")
                .build();

        byte[] bytes = RegistryCodec.writeBytes(Registry.of("f", List.of(entry)), RegistryFormat.JSON);
        String text = new String(bytes, StandardCharsets.UTF_8);

        assertThat(text).contains("\"description\" : \"Grüße, 你好, 👋.\"").doesNotContain("\\u");
        assertThat(RegistryCodec.write(Registry.of("f", List.of(entry)), RegistryFormat.JSON))
                .isEqualTo(text);
    }

    @Test
    @DisplayName("output is deterministic: sorted services and tags, schemaVersion first, \\n line ends")
    void writesDeterministically() {
        ServiceEntry b = ServiceEntry.builder("b", ServiceKind.HTTP)
                .putTag("zeta", "1")
                .putTag("alpha", "2")
                .build();
        ServiceEntry a = ServiceEntry.builder("a", ServiceKind.HTTP).build();

        String first = RegistryCodec.write(Registry.of("f", List.of(b, a)), RegistryFormat.JSON);
        String second = RegistryCodec.write(Registry.of("f", List.of(a, b)), RegistryFormat.JSON);

        assertThat(first).isEqualTo(second).doesNotContain("\r").endsWith("}\n");
        assertThat(first).startsWith("{\n  \"schemaVersion\" : 1,\n  \"fingerprint\" : \"f\"");
        assertThat(first.indexOf("\"a\"")).isLessThan(first.indexOf("\"b\""));
        assertThat(first.indexOf("alpha")).isLessThan(first.indexOf("zeta"));
    }

    @Test
    @DisplayName("unknown fields, as a newer writer of the same schema version may add, are ignored")
    void ignoresUnknownFields() throws Exception {
        Registry registry = read("{\"schemaVersion\":1,\"addedLater\":true,"
                + "\"services\":[{\"name\":\"x\",\"kind\":\"http\",\"colour\":\"blue\"}]}");

        assertThat(registry.services()).extracting(ServiceEntry::name).containsExactly("x");
    }

    @Test
    @DisplayName("malformed JSON is reported with the file, line and column")
    void reportsSyntaxErrorsWithLineAndColumn() {
        assertThatThrownBy(() -> read("{\"schemaVersion\":1,\n\"services\": [ }"))
                .isInstanceOf(RegistryFormatException.class)
                .hasMessageStartingWith("test.json:2:");
    }

    static List<BadRegistries.Case> badRegistries() {
        return BadRegistries.cases();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badRegistries")
    @DisplayName("an invalid registry is refused with its place, what is wrong and the fix, in the file's terms")
    void refusesInvalidRegistriesInTheFilesTerms(BadRegistries.Case bad) {
        RegistryFormat format = RegistryFormat.of(Path.of(bad.fileName()));

        assertThatThrownBy(() -> RegistryCodec.read(bad.content(), format, bad.fileName()))
                .isInstanceOf(RegistryFormatException.class)
                .hasMessage(bad.messageFor(bad.fileName()))
                .hasNoCause()
                .message()
                .doesNotContainPattern("[a-z]+\\.[a-z]+\\.[A-Z]")
                .doesNotContain("Exception", "JsonToken", "Source:", "java.", "dev.switchboard");
    }

    @Test
    @DisplayName("the table of invalid registries covers at least twenty ways to get one wrong")
    void theTableIsBigEnough() {
        assertThat(BadRegistries.cases()).hasSizeGreaterThanOrEqualTo(20);
    }

    @Test
    @DisplayName("a problem also gives its parts one by one, for tools that report problems their own way")
    void aProblemGivesItsParts() {
        RegistryFormatException e = catchThrowableOfType(
                RegistryFormatException.class,
                () -> read("{\"schemaVersion\": 1, \"services\": [\n  {\"name\": \"a\", \"kind\": \"grcp\"}]}"));

        SoftAssertions soft = new SoftAssertions();
        soft.assertThat(e.source()).isEqualTo("test.json");
        soft.assertThat(e.line()).isEqualTo(2);
        soft.assertThat(e.column()).isEqualTo(25);
        soft.assertThat(e.path()).isEqualTo("services[0].kind");
        soft.assertThat(e.problem()).isEqualTo("unknown kind \"grcp\"");
        soft.assertThat(e.fix()).isEqualTo("use one of aws, grpc, http");
        soft.assertAll();
    }

    @Test
    @DisplayName("a directory where the registry file belongs is refused, naming it")
    void refusesADirectory(@TempDir Path dir) throws Exception {
        Path directory = Files.createDirectory(dir.resolve("registry.json"));

        assertThatThrownBy(() -> RegistryCodec.read(directory))
                .isInstanceOf(RegistryFormatException.class)
                .hasMessage(directory + ": is a directory, not a registry file; name the registry file itself");
    }

    @Test
    @DisplayName("what the codec writes reads back under the strict rules, in JSON and YAML alike")
    void strictReadingAcceptsWhatTheCodecWrites() throws Exception {
        Registry registry = designExample();

        for (RegistryFormat format : RegistryFormat.values()) {
            assertThat(RegistryCodec.read(RegistryCodec.writeBytes(registry, format), format, "x"))
                    .as("%s", format)
                    .isEqualTo(registry);
        }
    }

    @Test
    @DisplayName("the fingerprint is read from the head of the file without parsing the rest")
    void readsFingerprintCheaply(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("registry.json");
        Files.write(file, RegistryCodec.writeBytes(Registry.of("abc123", List.of()), RegistryFormat.JSON));
        Path broken = dir.resolve("broken.json");
        Files.writeString(broken, "{\"schemaVersion\":1,\"fingerprint\":\"zz\",\"services\":[ this is not json");

        assertThat(RegistryCodec.readFingerprint(file)).contains("abc123");
        assertThat(RegistryCodec.readFingerprint(broken)).contains("zz");
        assertThat(RegistryCodec.readFingerprint(dir.resolve("missing.json"))).isEmpty();
    }

    @Test
    @DisplayName("tags read back as given, sorted by key")
    void readsTags() throws Exception {
        Registry registry = read("{\"schemaVersion\":1,\"services\":[{\"name\":\"x\",\"kind\":\"grpc\","
                + "\"tags\":{\"b\":\"2\",\"a\":\"1\"}}]}");

        assertThat(registry.services().get(0).tags()).containsExactly(Map.entry("a", "1"), Map.entry("b", "2"));
    }
}
