package com.acme.platform.server;

import com.acme.catalog.v1.GetProductRequest;
import com.acme.catalog.v1.Product;
import com.acme.common.v1.Money;
import com.acme.inventory.v1.ReserveStockRequest;
import com.acme.order.v1.GetOrderRequest;
import com.acme.order.v1.Order;
import com.acme.order.v1.OrderLine;
import com.acme.order.v1.OrderServiceGrpc;
import com.acme.order.v1.PlaceOrderRequest;
import com.acme.order.v1.PricedLine;
import com.acme.payment.v1.AuthorizePaymentRequest;
import com.acme.platform.clients.ServiceClients;
import com.acme.shipping.v1.CreateShipmentRequest;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.stub.StreamObserver;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/**
 * Places orders by calling the catalog, inventory, payment and shipping services through the generated
 * factory, as a service deployed on its own would. (An example: units reserved for the lines before a
 * failing one are not given back.)
 */
final class OrderServiceImpl extends OrderServiceGrpc.OrderServiceImplBase {
    private final Supplier<ServiceClients> clients;
    private final AtomicInteger ids = new AtomicInteger();
    private final Map<String, Order> orders = new HashMap<>();

    OrderServiceImpl(Supplier<ServiceClients> clients) {
        this.clients = clients;
    }

    @Override
    public void placeOrder(PlaceOrderRequest request, StreamObserver<Order> response) {
        if (request.getLinesCount() == 0) {
            response.onError(
                    Status.INVALID_ARGUMENT.withDescription("an order needs a line").asRuntimeException());
            return;
        }
        String id = String.format("order-%04d", ids.incrementAndGet());
        try {
            Order.Builder order = Order.newBuilder().setId(id).setCustomer(request.getCustomer());
            CreateShipmentRequest.Builder shipment =
                    CreateShipmentRequest.newBuilder().setOrderId(id).setDestination(request.getDestination());
            long total = 0;
            for (OrderLine line : request.getLinesList()) {
                Product product = clients.get().catalog()
                        .getProduct(GetProductRequest.newBuilder().setSku(line.getSku()).build());
                shipment.addReservations(clients.get().inventory()
                        .reserveStock(ReserveStockRequest.newBuilder()
                                .setSku(line.getSku())
                                .setQuantity(line.getQuantity())
                                .setOrderId(id)
                                .build()));
                long subtotal = product.getPrice().getMinorUnits() * line.getQuantity();
                total += subtotal;
                order.addLines(PricedLine.newBuilder()
                        .setProduct(product)
                        .setQuantity(line.getQuantity())
                        .setSubtotal(euros(subtotal)));
            }
            order.setTotal(euros(total))
                    .setPayment(clients.get().payment()
                            .authorizePayment(AuthorizePaymentRequest.newBuilder()
                                    .setOrderId(id)
                                    .setAmount(euros(total))
                                    .build()))
                    .setShipment(clients.get().shipping().createShipment(shipment.build()));
            Order placed = order.build();
            synchronized (orders) {
                orders.put(id, placed);
            }
            Replies.send(response, placed);
        } catch (StatusRuntimeException e) {
            // The called service's status, as it gave it.
            response.onError(e.getStatus().asRuntimeException());
        }
    }

    @Override
    public void getOrder(GetOrderRequest request, StreamObserver<Order> response) {
        Order order;
        synchronized (orders) {
            order = orders.get(request.getId());
        }
        Replies.sendOrNotFound(response, order, "no order " + request.getId());
    }

    private static Money euros(long cents) {
        return Money.newBuilder().setCurrencyCode("EUR").setMinorUnits(cents).build();
    }
}
