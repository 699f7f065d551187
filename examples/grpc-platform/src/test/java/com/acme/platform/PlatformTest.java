package com.acme.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.acme.platform.client.PlatformClient;
import com.acme.platform.server.Platform;
import io.grpc.ManagedChannel;
import io.grpc.ManagedChannelBuilder;
import io.grpc.health.v1.HealthCheckRequest;
import io.grpc.health.v1.HealthCheckResponse.ServingStatus;
import io.grpc.health.v1.HealthGrpc;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class PlatformTest {

    @Test
    @DisplayName("the client's walk through the five services prints exactly this")
    void clientPrintsTheShoppingRun() throws Exception {
        try (Platform platform = Platform.start(0)) {
            String expected = String.join(
                    System.lineSeparator(),
                    "catalog (CatalogService.ListProducts, InventoryService.GetStock):",
                    "  BK-001  The Pragmatic Programmer                EUR 39.90   5 in stock",
                    "  BK-002  Designing Data-Intensive Applications   EUR 45.50   2 in stock",
                    "  MG-001  Switchboard mug                         EUR 12.00  10 in stock",
                    "order (OrderService.PlaceOrder): order-0001 for ada",
                    "  2 x BK-001   EUR 79.80",
                    "  1 x MG-001   EUR 12.00",
                    "  total EUR 91.80, payment pay-0001 AUTHORIZED, shipment ship-0001 by ACME Post to Berlin",
                    "tracking (ShippingService.TrackShipment, server streaming):",
                    "  ship-0001 LABEL_CREATED warehouse Leipzig",
                    "  ship-0001 PICKED_UP     Leipzig",
                    "  ship-0001 IN_TRANSIT    hub Hannover",
                    "an order of 3 x BK-002: FAILED_PRECONDITION: only 2 of BK-002 left, 3 asked for",
                    "");

            assertEquals(expected, PlatformClient.run(platform.target()));
        }
    }

    @Test
    @DisplayName("the health service reports every service, and the server as a whole, SERVING")
    void healthServiceKnowsEveryService() throws Exception {
        try (Platform platform = Platform.start(0)) {
            ManagedChannel channel = ManagedChannelBuilder.forTarget(
                            platform.target().substring("grpc://".length()))
                    .usePlaintext()
                    .build();
            try {
                HealthGrpc.HealthBlockingStub health = HealthGrpc.newBlockingStub(channel);
                for (String service : Platform.SERVICES) {
                    assertEquals(
                            ServingStatus.SERVING,
                            health.check(HealthCheckRequest.newBuilder()
                                            .setService(service)
                                            .build())
                                    .getStatus(),
                            service);
                }
                assertEquals(
                        ServingStatus.SERVING,
                        health.check(HealthCheckRequest.getDefaultInstance()).getStatus());
            } finally {
                channel.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
            }
        }
    }
}
