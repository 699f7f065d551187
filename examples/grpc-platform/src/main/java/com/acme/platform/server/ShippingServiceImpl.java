package com.acme.platform.server;

import com.acme.shipping.v1.CreateShipmentRequest;
import com.acme.shipping.v1.Shipment;
import com.acme.shipping.v1.ShipmentEvent;
import com.acme.shipping.v1.ShippingServiceGrpc;
import com.acme.shipping.v1.TrackShipmentRequest;
import io.grpc.Status;
import io.grpc.stub.StreamObserver;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Books every parcel with one carrier; tracking replays the same three steps for every parcel. */
final class ShippingServiceImpl extends ShippingServiceGrpc.ShippingServiceImplBase {
    private static final List<String[]> STEPS = List.of(
            new String[] {"LABEL_CREATED", "warehouse Leipzig"},
            new String[] {"PICKED_UP", "Leipzig"},
            new String[] {"IN_TRANSIT", "hub Hannover"});

    private final Map<String, Shipment> shipments = new HashMap<>();

    @Override
    public void createShipment(CreateShipmentRequest request, StreamObserver<Shipment> response) {
        if (request.getReservationsCount() == 0) {
            response.onError(Status.INVALID_ARGUMENT
                    .withDescription("a shipment needs at least one reservation")
                    .asRuntimeException());
            return;
        }
        Shipment shipment;
        synchronized (this) {
            shipment = Shipment.newBuilder()
                    .setId(String.format("ship-%04d", shipments.size() + 1))
                    .setOrderId(request.getOrderId())
                    .setCarrier("ACME Post")
                    .setDestination(request.getDestination())
                    .build();
            shipments.put(shipment.getId(), shipment);
        }
        Replies.send(response, shipment);
    }

    @Override
    public void trackShipment(TrackShipmentRequest request, StreamObserver<ShipmentEvent> response) {
        boolean known;
        synchronized (this) {
            known = shipments.containsKey(request.getId());
        }
        if (!known) {
            response.onError(
                    Status.NOT_FOUND.withDescription("no shipment " + request.getId()).asRuntimeException());
            return;
        }
        for (String[] step : STEPS) {
            response.onNext(ShipmentEvent.newBuilder()
                    .setShipmentId(request.getId())
                    .setStatus(step[0])
                    .setLocation(step[1])
                    .build());
        }
        response.onCompleted();
    }
}
