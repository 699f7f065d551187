package dev.switchboard.runtime.registry;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class ServiceEntryReaderTest {
    private static final JsonFactory JSON = new JsonFactory();

    private static String written(ServiceEntry entry) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (JsonGenerator generator = JSON.createGenerator(out)) {
            RegistryCodec.writeService(generator, entry);
        }
        return out.toString(StandardCharsets.UTF_8);
    }

    private static ServiceEntry read(String json) throws IOException {
        try (JsonParser parser = JSON.createParser(json)) {
            parser.nextToken();
            return RegistryCodec.readService(parser);
        }
    }

    @Test
    @DisplayName("an entry with every field set reads back equal to what was written")
    void everyField() throws Exception {
        for (ServiceEntry entry : List.of(RegistryJsonWriterTest.full(), RegistryJsonWriterTest.awsFull())) {
            assertThat(read(written(entry))).isEqualTo(entry);
        }
    }

    @Test
    @DisplayName("entries with fields left out read back as they write: what the writer leaves out stays out")
    void sparseFields() throws Exception {
        for (ServiceEntry entry : RegistryJsonWriterTest.sparse()) {
            String json = written(entry);
            assertThat(written(read(json))).isEqualTo(json);
        }
    }

    @Test
    @DisplayName("fields the reader does not know, of any shape, are skipped")
    void unknownFields() throws Exception {
        ServiceEntry entry = read("""
                {"name": "a", "future": {"x": [1, {"y": 2}]}, "kind": "grpc",
                 "methods": [{"name": "Get", "later": [true], "http": [{"verb": "GET", "path": "/a", "why": {}}]}],
                 "tags": {"k": "v"}, "rateLimit": {"requestsPerSecond": 2.5, "burst": 3, "window": "1s"}}
                """);

        assertThat(entry.name()).isEqualTo("a");
        assertThat(entry.kind()).isEqualTo(ServiceKind.GRPC);
        assertThat(entry.methods().get(0).http()).containsExactly(new HttpRule("GET", "/a", null));
        assertThat(entry.tags()).containsEntry("k", "v");
        assertThat(entry.rateLimit()).isEqualTo(new RateLimit(2.5, 3));
    }
}
