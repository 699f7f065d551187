package com.acme.checkout;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import com.acme.billing.v1.BillingServiceGrpc;
import com.acme.billing.v1.ChargeRequest;
import com.acme.billing.v1.Receipt;
import com.acme.checkout.clients.ServiceClients;
import com.acme.checkout.clients.ServiceNames;
import io.grpc.Server;
import io.grpc.netty.shaded.io.grpc.netty.NettyServerBuilder;
import io.grpc.stub.StreamObserver;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Checkout against a billing server on loopback, through the factory switchboard generated. */
class CheckoutTest {
    private static Server server;

    /** A billing service that numbers its receipts by account. */
    static final class Billing extends BillingServiceGrpc.BillingServiceImplBase {
        @Override
        public void charge(ChargeRequest request, StreamObserver<Receipt> response) {
            response.onNext(Receipt.newBuilder()
                    .setId("receipt-" + request.getAccount())
                    .setAmount(request.getAmount())
                    .build());
            response.onCompleted();
        }
    }

    @BeforeAll
    static void startBilling() throws Exception {
        server = NettyServerBuilder.forAddress(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0))
                .addService(new Billing())
                .build()
                .start();
    }

    @AfterAll
    static void stopBilling() throws Exception {
        server.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
    }

    @Test
    void paysThroughBilling() {
        try (ServiceClients clients = ServiceClients.builder()
                .target(ServiceNames.BILLING, "grpc://127.0.0.1:" + server.getPort())
                .build()) {
            assertEquals("receipt-a-42", new Checkout(clients).pay("a-42", 1999));
        }
    }

    @Test
    void theFactoryAlsoHoldsTheAwsServices() {
        // Names only: no AWS call is made, so no credentials are needed.
        assertNotNull(ServiceNames.S3);
        assertNotNull(ServiceNames.SQS);
    }
}
