package com.acme.platform.server;

import com.acme.catalog.v1.GetProductRequest;
import com.acme.catalog.v1.Product;
import com.acme.inventory.v1.GetStockRequest;
import com.acme.inventory.v1.InventoryServiceGrpc;
import com.acme.inventory.v1.ReserveStockRequest;
import com.acme.inventory.v1.Reservation;
import com.acme.inventory.v1.StockLevel;
import com.acme.platform.clients.ServiceClients;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.stub.StreamObserver;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Supplier;

/** Stock in memory; products are looked up in the catalog service, through the factory. */
final class InventoryServiceImpl extends InventoryServiceGrpc.InventoryServiceImplBase {
    private final Supplier<ServiceClients> clients;
    private final Map<String, Integer> stock = new HashMap<>(Map.of("BK-001", 5, "BK-002", 2, "MG-001", 10));
    private int reservations;

    InventoryServiceImpl(Supplier<ServiceClients> clients) {
        this.clients = clients;
    }

    @Override
    public void getStock(GetStockRequest request, StreamObserver<StockLevel> response) {
        try {
            Product product = clients.get().catalog()
                    .getProduct(GetProductRequest.newBuilder().setSku(request.getSku()).build());
            int available;
            synchronized (this) {
                available = stock.getOrDefault(request.getSku(), 0);
            }
            Replies.send(
                    response,
                    StockLevel.newBuilder()
                            .setProduct(product)
                            .setAvailable(available)
                            .build());
        } catch (StatusRuntimeException e) {
            response.onError(e.getStatus().asRuntimeException());
        }
    }

    @Override
    public void reserveStock(ReserveStockRequest request, StreamObserver<Reservation> response) {
        Reservation reservation;
        synchronized (this) {
            Integer available = stock.get(request.getSku());
            if (available == null) {
                response.onError(Status.NOT_FOUND
                        .withDescription("no stock of " + request.getSku())
                        .asRuntimeException());
                return;
            }
            if (request.getQuantity() <= 0 || request.getQuantity() > available) {
                response.onError(Status.FAILED_PRECONDITION
                        .withDescription("only " + available + " of " + request.getSku() + " left, "
                                + request.getQuantity() + " asked for")
                        .asRuntimeException());
                return;
            }
            stock.put(request.getSku(), available - request.getQuantity());
            reservation = Reservation.newBuilder()
                    .setId(String.format("res-%04d", ++reservations))
                    .setSku(request.getSku())
                    .setQuantity(request.getQuantity())
                    .setRemaining(available - request.getQuantity())
                    .build();
        }
        Replies.send(response, reservation);
    }
}
