package com.acme.platform.server;

import com.acme.catalog.v1.CatalogServiceGrpc;
import com.acme.inventory.v1.InventoryServiceGrpc;
import com.acme.order.v1.OrderServiceGrpc;
import com.acme.payment.v1.PaymentServiceGrpc;
import com.acme.platform.clients.ServiceClients;
import com.acme.platform.clients.ServiceNames;
import com.acme.shipping.v1.ShippingServiceGrpc;
import io.grpc.Server;
import io.grpc.health.v1.HealthCheckResponse.ServingStatus;
import io.grpc.netty.shaded.io.grpc.netty.NettyServerBuilder;
import io.grpc.protobuf.services.HealthStatusManager;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The five services and the gRPC health service in one server on 127.0.0.1. The services that call
 * others (inventory, order) do it through a {@link ServiceClients} factory pointed at this server.
 */
public final class Platform implements AutoCloseable {
    /** The full names of the services served, as the health service knows them. */
    public static final List<String> SERVICES = List.of(
            CatalogServiceGrpc.SERVICE_NAME,
            InventoryServiceGrpc.SERVICE_NAME,
            OrderServiceGrpc.SERVICE_NAME,
            PaymentServiceGrpc.SERVICE_NAME,
            ShippingServiceGrpc.SERVICE_NAME);

    private final HealthStatusManager health = new HealthStatusManager();
    private final Server server;
    // Set once the server listens and its port is known; the services ask for it per call.
    private volatile ServiceClients clients;

    private Platform(int port) {
        server = NettyServerBuilder.forAddress(new InetSocketAddress(InetAddress.getLoopbackAddress(), port))
                .addService(new CatalogServiceImpl())
                .addService(new InventoryServiceImpl(this::clients))
                .addService(new OrderServiceImpl(this::clients))
                .addService(new PaymentServiceImpl())
                .addService(new ShippingServiceImpl())
                .addService(health.getHealthService())
                .build();
    }

    /** Starts serving on a loopback port (0 takes a free one) and reports every service SERVING. */
    public static Platform start(int port) throws IOException {
        Platform platform = new Platform(port);
        platform.server.start();
        // The services call each other on this same server, as they would across a network.
        ServiceClients.Builder calls = ServiceClients.builder();
        ServiceNames.ALL.forEach(service -> calls.target(service, platform.target()));
        platform.clients = calls.build();
        SERVICES.forEach(service -> platform.health.setStatus(service, ServingStatus.SERVING));
        platform.health.setStatus(HealthStatusManager.SERVICE_NAME_ALL_SERVICES, ServingStatus.SERVING);
        return platform;
    }

    private ServiceClients clients() {
        return clients;
    }

    /** {@code grpc://127.0.0.1:<port>}: the target of every service here. */
    public String target() {
        return "grpc://127.0.0.1:" + server.getPort();
    }

    /** Waits until the server stops or the time is up. */
    public boolean awaitTermination(long seconds) throws InterruptedException {
        return server.awaitTermination(seconds, TimeUnit.SECONDS);
    }

    /** Reports NOT_SERVING, stops taking calls, lets running ones finish, and closes the factory. */
    @Override
    public void close() throws InterruptedException {
        health.enterTerminalState();
        server.shutdown();
        if (!server.awaitTermination(5, TimeUnit.SECONDS)) {
            server.shutdownNow();
        }
        clients.close();
    }
}
