package dev.switchboard.core.proto;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.runtime.registry.Capability;
import dev.switchboard.runtime.registry.HttpRule;
import dev.switchboard.runtime.registry.MethodInfo;
import dev.switchboard.runtime.registry.ProtoInfo;
import dev.switchboard.runtime.registry.ServiceEntry;
import dev.switchboard.runtime.registry.ServiceKind;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProtoCacheTest {
    @TempDir
    Path dir;

    private static ServiceFacts facts() {
        List<MethodInfo> methods = List.of(
                new MethodInfo(
                        "GetUser",
                        "acme.v1.GetUserRequest",
                        "acme.v1.User",
                        false,
                        false,
                        true,
                        "NO_SIDE_EFFECTS",
                        List.of(new HttpRule("GET", "/v1/{name=users/*}", null)),
                        null),
                new MethodInfo("Watch", "acme.v1.WatchRequest", "acme.v1.Event", false, true, null, null, null, null));
        ServiceEntry draft = ServiceEntry.builder("acme-users", ServiceKind.GRPC)
                .description("Users 👤, \"quoted\"")
                .proto(new ProtoInfo(
                        "acme/v1/users.proto",
                        "acme.v1",
                        "Users",
                        "com.acme.v1",
                        "com.acme.v1.UsersGrpc",
                        "UsersProto",
                        true))
                .methods(methods)
                .endpoints(ProtoServiceMapper.endpoints(methods))
                .addCapability(new Capability("read", "rule:read"))
                .putTag("team", "identity")
                .build();
        return new ServiceFacts(
                "acme/v1/users.proto",
                "acme.v1.Users",
                "Users",
                null,
                "acme.v1",
                null,
                new SourcePlace("src/main/proto/acme/v1/users.proto", 12, 1),
                draft,
                Map.of("acme.v1.Invoice", "billing", "acme.v1.Address", "geo"),
                List.of("a note"));
    }

    @Test
    @DisplayName("what the cache writes of the services reads back equal, the endpoints given again from the methods")
    void servicesRoundTrip() throws Exception {
        ServiceFacts facts = facts();
        ServiceFacts bare = new ServiceFacts(
                "a.proto",
                "A",
                "A",
                "Outer",
                "",
                "a",
                null,
                ServiceEntry.builder("a", ServiceKind.GRPC).build(),
                Map.of(),
                List.of());
        ProtoCache written = new ProtoCache(dir, "env");
        written.keep("k1", List.of(facts, bare), false);
        written.keep("k2", List.of(), false);
        byte[] bytes = written.bytes();
        Files.write(dir.resolve(ProtoCache.FILE), bytes);

        ProtoCache read = new ProtoCache(dir, "env");

        assertThat(read.get("k1")).containsExactly(facts, bare);
        assertThat(read.get("k2")).isEmpty();
        assertThat(read.get("k3")).isNull();
        assertThat(new String(bytes, StandardCharsets.UTF_8))
                .as("endpoints are derived, not kept")
                .doesNotContain("\"endpoints\":[{")
                .as("map keys sorted, so the same cache gives the same bytes")
                .contains("\"dependencyTypes\":{\"acme.v1.Address\":\"geo\",\"acme.v1.Invoice\":\"billing\"}");
    }

    @Test
    @DisplayName("a services file of another format or shape reads as empty: it only costs a full build")
    void otherFormatOrShape() throws Exception {
        for (String text : List.of(
                "{\"format\": 2, \"files\": {\"k1\": []}}",
                "{\"format\": 3, \"files\": {\"k1\": [{\"file\": \"a.proto\"}]}}",
                "{\"format\": 3, \"files\": {\"k1\": [{\"draft\": [1]}]}}",
                "{\"format\": 3, \"files\": [1, 2]}",
                "{\"format\": 3, \"files\": {\"k1\": [{\"draft\": {\"name\": \"a\", \"kind\": \"soap\"}}]}}",
                "{\"format\": 3, \"files\": {\"k1\": [{\"draft\": {\"name\": {\"x\": 1}}}]}}",
                "{\"format\": 3, \"files\": {\"k1\": [{\"draft\": {}, \"notes\": [{}]}]}}",
                "{\"format\": 3, \"files\": {\"k1\": [{\"draft\": {}, \"dependencyTypes\": {\"a\": null}}]}}",
                "{\"format\": 3, \"files\": {\"k1\": [{\"draft\": {}}, 7]}}",
                "[]",
                "{ not json")) {
            Files.writeString(dir.resolve(ProtoCache.FILE), text);
            assertThat(new ProtoCache(dir, "env").get("k1")).as(text).isNull();
        }
        Files.writeString(
                dir.resolve(ProtoCache.FILE), "{\"format\": 3, \"files\": {\"k1\": []}, \"later\": {\"x\": [1]}}");
        assertThat(new ProtoCache(dir, "env").get("k1"))
                .as("a field it does not know is skipped")
                .isEmpty();
    }
}
