package dev.switchboard.runtime.registry;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.lang.reflect.RecordComponent;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The streaming writer against the object mapper, which writes what the records' annotations say: the
 * records are built with their canonical constructors, so a field added to one must be added here, and
 * {@link #fixturesSetEveryComponent} makes sure it is given a value, which the mapper then writes whether or
 * not the streaming writer does.
 */
class RegistryJsonWriterTest {

    /** What the object mapper writes, with the codec's settings and printer. */
    private static String mapped(Registry registry) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (Writer writer = new OutputStreamWriter(out, StandardCharsets.UTF_8)) {
            RegistryCodec.mapper(RegistryFormat.JSON)
                    .writer(RegistryJsonWriter.printer())
                    .writeValue(writer, registry);
        }
        return out.toString(StandardCharsets.UTF_8) + "\n";
    }

    private static String streamed(Registry registry) {
        return new String(RegistryCodec.writeBytes(registry, RegistryFormat.JSON), StandardCharsets.UTF_8);
    }

    /** Every field set, with text that must be escaped and a character beyond the Basic Multilingual Plane. */
    static ServiceEntry full() {
        Map<String, String> tags = new LinkedHashMap<>();
        tags.put("zone", "eu \"west\"");
        tags.put("area", "a\\b\tc");
        tags.put("empty", null);
        return new ServiceEntry(
                "orders",
                ServiceKind.GRPC,
                "commerce",
                "v2",
                "Orders",
                "Takes orders 📦 – line one\nline two </script>",
                "team-orders",
                new ProtoInfo(
                        "acme/orders/v2/orders.proto",
                        "acme.orders.v2",
                        "OrderService",
                        "com.acme.orders.v2",
                        "com.acme.orders.v2.OrderServiceGrpc",
                        "OrdersProto",
                        true,
                        "com.acme:orders-api:2.1.0"),
                null,
                List.of(
                        new MethodInfo(
                                "GetOrder",
                                "acme.orders.v2.GetOrderRequest",
                                "acme.orders.v2.Order",
                                false,
                                true,
                                true,
                                "NO_SIDE_EFFECTS",
                                List.of(
                                        new HttpRule("GET", "/v2/{name=orders/*}", null),
                                        new HttpRule("POST", "/v2/orders:get", "*")),
                                false),
                        new MethodInfo("Watch", "a.In", "a.Out", null, null, null, null, List.of(), null),
                        new MethodInfo("Tail", null, null, true, false, false, null, null, true)),
                List.of(
                        new Endpoint("GET", "/v2/orders/{id}", "GetOrder", null),
                        new Endpoint("POST", "/v2/orders", null, "*")),
                List.of(new Capability("read", "rule:read"), new Capability("crud", null)),
                List.of(new Dependency("billing", "type:acme.billing.v1.Invoice")),
                List.of(new Event("OrderPlaced", "message:acme.orders.v2.OrderPlaced")),
                new Health("/healthz", "acme.orders.v2.OrderService"),
                "/metrics",
                tags,
                new RateLimit(12.5, 40));
    }

    /** An AWS entry, every field of its {@code aws} set. */
    static ServiceEntry awsFull() {
        return ServiceEntry.builder("dynamodb", ServiceKind.AWS)
                .aws(new AwsInfo(
                        "dynamodb",
                        "DynamoDB",
                        "dynamodb",
                        "software.amazon.awssdk.services.dynamodb.DynamoDbClient",
                        "software.amazon.awssdk.services.dynamodb.DynamoDbAsyncClient",
                        "software.amazon.awssdk.services.dynamodb.DynamoDbClientBuilder",
                        false,
                        List.of("TableExists", "TableNotExists")))
                .methods(List.of(
                        new MethodInfo("scan", "ScanRequest", "ScanResponse", null, null, null, null, null, true)))
                .build();
    }

    /** Every field that may be left out, left out; empty strings where the record leaves out empty ones. */
    static List<ServiceEntry> sparse() {
        return List.of(
                new ServiceEntry(
                        "s3",
                        ServiceKind.AWS,
                        null,
                        null,
                        null,
                        null,
                        null,
                        null,
                        new AwsInfo(
                                "s3",
                                "S3",
                                "s3",
                                "software.amazon.awssdk.services.s3.S3Client",
                                "",
                                null,
                                true,
                                List.of("BucketExists", "ObjectExists")),
                        null,
                        null,
                        null,
                        null,
                        null,
                        new Health(null, null),
                        null,
                        null,
                        new RateLimit(10.0, 0)),
                new ServiceEntry(
                        "legacy",
                        ServiceKind.HTTP,
                        null,
                        null,
                        null,
                        "",
                        null,
                        new ProtoInfo(null, null, null, null, null, null, false, null),
                        new AwsInfo(null, "", null, null, null, null, false, null),
                        List.of(),
                        List.of(new Endpoint(null, null, null, null)),
                        List.of(),
                        List.of(new Dependency("x", null)),
                        List.of(new Event("e", null)),
                        null,
                        "",
                        Map.of(),
                        null));
    }

    /**
     * Records each component of the records below {@code value} (by record and name) as set when it is
     * neither null nor empty in at least one of them.
     */
    private static void components(Object value, Map<String, Boolean> set) throws Exception {
        if (value instanceof Record record) {
            for (RecordComponent component : record.getClass().getRecordComponents()) {
                Object v = component.getAccessor().invoke(record);
                boolean given = v != null
                        && !(v instanceof String text && text.isEmpty())
                        && !(v instanceof Collection<?> items && items.isEmpty())
                        && !(v instanceof Map<?, ?> map && map.isEmpty());
                set.merge(record.getClass().getSimpleName() + "." + component.getName(), given, Boolean::logicalOr);
                components(v, set);
            }
        } else if (value instanceof Collection<?> items) {
            for (Object item : items) {
                components(item, set);
            }
        } else if (value instanceof Map<?, ?> map) {
            for (Object item : map.values()) {
                components(item, set);
            }
        }
    }

    @Test
    @DisplayName("the fixtures set every component of every record at least once, so the mapper writes each of them")
    void fixturesSetEveryComponent() throws Exception {
        Map<String, Boolean> set = new TreeMap<>();
        components(List.of(full(), awsFull()), set);

        assertThat(set).doesNotContainValue(false).containsKeys("ServiceEntry.aws", "AwsInfo.builderClass");
    }

    @Test
    @DisplayName("the streaming writer gives the object mapper's bytes for every field set and every field left out")
    void writesWhatTheMapperWrites() throws Exception {
        List<ServiceEntry> services = new ArrayList<>(sparse());
        services.add(full());
        services.add(awsFull());
        // A pair of surrogates across the generator's buffer of 1,000 characters.
        services.add(ServiceEntry.builder("long", ServiceKind.GRPC)
                .description("x".repeat(999) + "📦 and more")
                .build());
        Registry registry = Registry.of("a1b2c3", services);

        assertThat(streamed(registry)).isEqualTo(mapped(registry));
        assertThat(streamed(registry))
                .contains("\"package\" : \"acme.orders.v2\"")
                .contains("\"kind\" : \"http\"")
                .contains("📦");
    }

    @Test
    @DisplayName("a registry without services or fingerprint is written as the object mapper writes it")
    void writesAnEmptyRegistry() throws Exception {
        Registry empty = new Registry(1, null, List.of());
        Registry none = new Registry(1, null, null);

        assertThat(streamed(empty)).isEqualTo(mapped(empty));
        assertThat(streamed(none)).isEqualTo(mapped(none));
    }
}
