package com.acme.platform.client;

import com.acme.catalog.v1.ListProductsRequest;
import com.acme.catalog.v1.Product;
import com.acme.common.v1.Address;
import com.acme.common.v1.Money;
import com.acme.inventory.v1.GetStockRequest;
import com.acme.order.v1.Order;
import com.acme.order.v1.OrderLine;
import com.acme.order.v1.PlaceOrderRequest;
import com.acme.order.v1.PricedLine;
import com.acme.platform.clients.ServiceClients;
import com.acme.platform.clients.ServiceNames;
import com.acme.shipping.v1.TrackShipmentRequest;
import io.grpc.StatusRuntimeException;
import io.grpc.health.v1.HealthCheckRequest;
import io.grpc.health.v1.HealthCheckResponse.ServingStatus;
import io.grpc.health.v1.HealthGrpc;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Shops on the platform through the generated factory: lists the catalog with stock, places an order,
 * follows its shipment, and shows an order the inventory refuses. {@code PlatformClient
 * grpc://127.0.0.1:<port>}; every service is at that one target.
 *
 * <p>{@code PlatformClient grpc://127.0.0.1:<port> <metrics port> <seconds>} also publishes the
 * factory's meters ({@code switchboard.client.*}) in a Prometheus registry and, after shopping, serves
 * them at {@code http://127.0.0.1:<metrics port>/metrics} for that many seconds.
 */
public final class PlatformClient {
    private PlatformClient() {}

    public static void main(String[] args) throws Exception {
        if (args.length != 1 && args.length != 3) {
            System.err.println("usage: PlatformClient grpc://host:port [metrics-port seconds]");
            System.exit(2);
        }
        if (args.length == 1) {
            System.out.print(run(args[0]));
            return;
        }
        PrometheusMeterRegistry meters = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        System.out.print(run(args[0], meters));
        System.out.flush();
        MetricsEndpoint.serve(meters, Integer.parseInt(args[1]), Integer.parseInt(args[2]));
    }

    /** What the client prints, given the platform's target. */
    public static String run(String target) throws InterruptedException {
        return run(target, null);
    }

    /**
     * What the client prints; the factory's meters go to {@code meters} (a Micrometer {@code
     * MeterRegistry}) when it is not null.
     */
    public static String run(String target, Object meters) throws InterruptedException {
        ServiceClients.Builder builder = ServiceClients.builder();
        if (meters != null) {
            builder.meterRegistry(meters);
        }
        // One target for all five; -Dswitchboard.<service>.target=… would set them one by one instead.
        ServiceNames.ALL.forEach(service -> builder.target(service, target));
        StringWriter text = new StringWriter();
        PrintWriter out = new PrintWriter(text);
        try (ServiceClients clients = builder.build()) {
            awaitServing(clients);

            out.println("catalog (CatalogService.ListProducts, InventoryService.GetStock):");
            List<Product> products =
                    clients.catalog().listProducts(ListProductsRequest.getDefaultInstance()).getProductsList();
            for (Product product : products) {
                int available = clients.inventory()
                        .getStock(GetStockRequest.newBuilder().setSku(product.getSku()).build())
                        .getAvailable();
                out.printf(
                        "  %-7s %-38s %10s %3d in stock%n",
                        product.getSku(), product.getName(), money(product.getPrice()), available);
            }

            Order order = clients.order().placeOrder(order("ada", line("BK-001", 2), line("MG-001", 1)));
            out.printf("order (OrderService.PlaceOrder): %s for %s%n", order.getId(), order.getCustomer());
            for (PricedLine line : order.getLinesList()) {
                out.printf(
                        "  %d x %-7s %10s%n",
                        line.getQuantity(), line.getProduct().getSku(), money(line.getSubtotal()));
            }
            out.printf(
                    "  total %s, payment %s %s, shipment %s by %s to %s%n",
                    money(order.getTotal()),
                    order.getPayment().getId(),
                    order.getPayment().getStatus().name().replace("PAYMENT_STATUS_", ""),
                    order.getShipment().getId(),
                    order.getShipment().getCarrier(),
                    order.getShipment().getDestination().getCity());

            out.println("tracking (ShippingService.TrackShipment, server streaming):");
            clients.shipping()
                    .trackShipment(TrackShipmentRequest.newBuilder()
                            .setId(order.getShipment().getId())
                            .build())
                    .forEachRemaining(event -> out.printf(
                            "  %s %-13s %s%n", event.getShipmentId(), event.getStatus(), event.getLocation()));

            out.print("an order of 3 x BK-002: ");
            try {
                clients.order().placeOrder(order("grace", line("BK-002", 3)));
                out.println("placed");
            } catch (StatusRuntimeException refused) {
                out.println(refused.getStatus().getCode() + ": " + refused.getStatus().getDescription());
            }
        }
        out.flush();
        return text.toString();
    }

    /**
     * Waits, up to 30 s, until the platform's health service says SERVING: the server may still be
     * starting when the client does. The health stub rides on the channel the factory made for catalog.
     */
    private static void awaitServing(ServiceClients clients) {
        ServingStatus status = HealthGrpc.newBlockingStub(clients.catalog().getChannel())
                .withWaitForReady()
                .withDeadlineAfter(30, TimeUnit.SECONDS)
                .check(HealthCheckRequest.getDefaultInstance())
                .getStatus();
        if (status != ServingStatus.SERVING) {
            throw new IllegalStateException("the platform reports " + status + ", not SERVING");
        }
    }

    private static PlaceOrderRequest order(String customer, OrderLine... lines) {
        return PlaceOrderRequest.newBuilder()
                .setCustomer(customer)
                .addAllLines(List.of(lines))
                .setDestination(Address.newBuilder()
                        .setName(customer)
                        .setStreet("Karl-Liebknecht-Str. 1")
                        .setCity("Berlin")
                        .setPostalCode("10178")
                        .setCountryCode("DE"))
                .build();
    }

    private static OrderLine line(String sku, int quantity) {
        return OrderLine.newBuilder().setSku(sku).setQuantity(quantity).build();
    }

    private static String money(Money money) {
        return String.format(
                "%s %d.%02d", money.getCurrencyCode(), money.getMinorUnits() / 100, money.getMinorUnits() % 100);
    }
}
