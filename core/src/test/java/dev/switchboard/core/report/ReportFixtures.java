package dev.switchboard.core.report;

import dev.switchboard.runtime.registry.AwsInfo;
import dev.switchboard.runtime.registry.Capability;
import dev.switchboard.runtime.registry.Dependency;
import dev.switchboard.runtime.registry.Event;
import dev.switchboard.runtime.registry.Health;
import dev.switchboard.runtime.registry.HttpRule;
import dev.switchboard.runtime.registry.MethodInfo;
import dev.switchboard.runtime.registry.ProtoInfo;
import dev.switchboard.runtime.registry.RateLimit;
import dev.switchboard.runtime.registry.Registry;
import dev.switchboard.runtime.registry.ServiceEntry;
import dev.switchboard.runtime.registry.ServiceEntryBuilder;
import dev.switchboard.runtime.registry.ServiceKind;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/** Registries for the report's tests, built in code. */
final class ReportFixtures {
    /** A description that tries to break out of the page: the report must show it as text. */
    static final String HOSTILE = "Carts & checkout. </script><script>window.pwned = 1</script>"
            + "<img src=x onerror=\"window.pwned = 2\"> \"quoted\" 'single'";

    private ReportFixtures() {}

    /**
     * Six services: user, billing and orders (a cycle: billing → orders → billing), cart (with a hostile
     * description and tags), s3 (AWS) and a REST-only catalog that names a service the registry lacks.
     */
    static Registry sixServices() {
        List<ServiceEntry> services = new ArrayList<>();
        services.add(grpc("user", "identity", "UserService")
                .description("Accounts and profiles.")
                .owner("team-identity")
                .methods(List.of(
                        method(
                                "GetUser",
                                "acme.user.v1.GetUserRequest",
                                "acme.user.v1.User",
                                false,
                                false,
                                false,
                                new HttpRule("GET", "/v1/users/{id}", "")),
                        method(
                                "WatchUsers",
                                "acme.user.v1.WatchUsersRequest",
                                "acme.user.v1.UserEvent",
                                false,
                                true,
                                false),
                        method(
                                "ImportUsers",
                                "acme.user.v1.User",
                                "acme.user.v1.ImportSummary",
                                true,
                                false,
                                true,
                                new HttpRule("POST", "/v1/users:import", "*"))))
                .addCapability(new Capability("crud", "rule:crud"))
                .addCapability(new Capability("stream", "rule:stream"))
                .addEvent(new Event("UserCreatedEvent", "message"))
                .addDependency(new Dependency("billing", "type:acme.billing.v1.Invoice"))
                .health(new Health("/health/user", "acme.user.v1.UserService"))
                .metrics("/metrics/user")
                .putTag("tier", "1")
                .rateLimit(new RateLimit(200, 50))
                .build());
        services.add(grpc("billing", "payments", "BillingService")
                .description("Invoices and payments.")
                .owner("team-payments")
                .methods(List.of(method(
                        "GetInvoice",
                        "acme.billing.v1.GetInvoiceRequest",
                        "acme.billing.v1.Invoice",
                        false,
                        false,
                        false)))
                .addDependency(new Dependency("orders", "type:acme.orders.v1.Order"))
                .build());
        services.add(grpc("orders", "commerce", "OrderService")
                .description("Orders from cart to delivery.")
                .methods(List.of(
                        method(
                                "PlaceOrder",
                                "acme.orders.v1.PlaceOrderRequest",
                                "acme.orders.v1.Order",
                                false,
                                false,
                                false,
                                new HttpRule("POST", "/v1/orders", "*")),
                        method("Chat", "acme.orders.v1.Message", "acme.orders.v1.Message", true, true, false)))
                .addDependency(new Dependency("billing", "type:acme.billing.v1.Invoice"))
                .addDependency(new Dependency("user", "rule:calls"))
                .build());
        services.add(grpc("cart", "commerce", "CartService")
                .description(HOSTILE)
                .owner("<b>team-cart</b>")
                .methods(List.of(
                        method("AddItem", "acme.cart.v1.AddItemRequest", "acme.cart.v1.Cart", false, false, false)))
                .addDependency(new Dependency("orders", "rule:calls"))
                .putTag("note", "\"><script>window.pwned = 3</script>")
                .build());
        services.add(ServiceEntry.builder("s3", ServiceKind.AWS)
                .group("storage")
                .displayName("S3")
                .aws(new AwsInfo(
                        "s3",
                        "s3",
                        "s3",
                        "software.amazon.awssdk.services.s3.S3Client",
                        "software.amazon.awssdk.services.s3.S3AsyncClient",
                        null,
                        false,
                        List.of("bucketExists")))
                .methods(List.of(new MethodInfo(
                        "listBuckets",
                        "software.amazon.awssdk.services.s3.model.ListBucketsRequest",
                        "software.amazon.awssdk.services.s3.model.ListBucketsResponse",
                        null,
                        null,
                        null,
                        null,
                        List.of(),
                        true)))
                .build());
        services.add(ServiceEntry.builder("catalog", ServiceKind.HTTP)
                .group("commerce")
                .description("Products, declared in the overrides.")
                .methods(List.of(
                        method("ListProducts", "", "", false, false, false, new HttpRule("GET", "/v1/products", ""))))
                .addDependency(new Dependency("pricing", "override"))
                .build());
        return Registry.of("fixture", services);
    }

    /**
     * A registry the size of the googleapis tree: {@code count} services with 2 to 7 methods each;
     * {@code hubEdges} of them depend on the long-running {@code operations} service and another {@code
     * otherEdges} dependencies join services at random (seeded, so every run is the same), with two
     * cycles among them.
     */
    static Registry generated(int count, int hubEdges, int otherEdges) {
        String[] groups = {
            "ai",
            "analytics",
            "cloud",
            "compute",
            "data",
            "devtools",
            "identity",
            "maps",
            "media",
            "monitoring",
            "networking",
            "security",
            "storage",
            "workspace"
        };
        Random random = new Random(1700);
        List<ServiceEntryBuilder> builders = new ArrayList<>();
        builders.add(grpc("operations", "cloud", "Operations")
                .description("Long-running operations.")
                .methods(List.of(
                        method(
                                "GetOperation",
                                "google.longrunning.GetOperationRequest",
                                "google.longrunning.Operation",
                                false,
                                false,
                                false,
                                new HttpRule("GET", "/v1/{name=operations/**}", "")),
                        method(
                                "ListOperations",
                                "google.longrunning.ListOperationsRequest",
                                "google.longrunning.ListOperationsResponse",
                                false,
                                false,
                                false))));
        for (int i = 1; i < count; i++) {
            String group = groups[i % groups.length];
            String name = group + "-api-" + String.format("%04d", i);
            String pkg = "google." + group + ".api" + i + ".v1";
            List<MethodInfo> methods = new ArrayList<>();
            int methodCount = 2 + random.nextInt(6);
            for (int m = 0; m < methodCount; m++) {
                String verb = m % 3 == 0 ? "Get" : m % 3 == 1 ? "List" : "Update";
                String noun = "Thing" + m;
                methods.add(method(
                        verb + noun,
                        pkg + "." + verb + noun + "Request",
                        pkg + "." + noun,
                        false,
                        m == 4,
                        m == 5,
                        new HttpRule(
                                m % 3 == 2 ? "PATCH" : "GET",
                                "/v1/" + name + "/things" + m + "/{id}",
                                m % 3 == 2 ? "*" : "")));
            }
            builders.add(grpc(name, group, "Api" + i + "Service")
                    .description("Generated service " + i + " of the " + group + " group.")
                    .owner("team-" + group)
                    .methods(methods));
        }
        for (int i = 1; i <= hubEdges; i++) {
            builders.get(i).addDependency(new Dependency("operations", "type:google.longrunning.Operation"));
        }
        String[] names = builders.stream().map(b -> b.build().name()).toArray(String[]::new);
        // Two cycles: 1 → 2 → 1 and 3 → 4 → 5 → 3.
        int[][] cycles = {{1, 2}, {2, 1}, {3, 4}, {4, 5}, {5, 3}};
        for (int[] e : cycles) {
            builders.get(e[0]).addDependency(new Dependency(names[e[1]], "rule:calls"));
        }
        int added = cycles.length;
        java.util.Set<String> seen = new java.util.HashSet<>();
        while (added < otherEdges) {
            int from = 1 + random.nextInt(count - 1);
            int to = 1 + random.nextInt(count - 1);
            // Later services depend on earlier ones only, so no cycle beyond the two above.
            if (from > to + 5 && seen.add(from + ">" + to)) {
                builders.get(from).addDependency(new Dependency(names[to], "type:" + names[to] + ".Shared"));
                added++;
            }
        }
        return Registry.of(
                "generated", builders.stream().map(ServiceEntryBuilder::build).toList());
    }

    private static ServiceEntryBuilder grpc(String name, String group, String displayName) {
        return ServiceEntry.builder(name, ServiceKind.GRPC)
                .group(group)
                .version("v1")
                .displayName(displayName)
                .proto(new ProtoInfo(
                        "acme/" + name + "/v1/" + name + ".proto",
                        "acme." + name + ".v1",
                        "acme." + name + ".v1." + displayName,
                        "com.acme." + name + ".v1",
                        "com.acme." + name + ".v1." + displayName + "Grpc",
                        null,
                        true));
    }

    static MethodInfo method(
            String name,
            String input,
            String output,
            boolean clientStreaming,
            boolean serverStreaming,
            boolean deprecated,
            HttpRule... http) {
        return new MethodInfo(
                name, input, output, clientStreaming, serverStreaming, deprecated, null, List.of(http), null);
    }
}
