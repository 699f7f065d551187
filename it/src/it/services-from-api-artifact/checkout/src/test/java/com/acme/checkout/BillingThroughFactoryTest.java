package com.acme.checkout;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.acme.billing.v1.BillingServiceGrpc;
import com.acme.billing.v1.ChargeRequest;
import com.acme.billing.v1.Money;
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

/** billing-api's service, from the API artifact's protos, called through the factory on loopback. */
class BillingThroughFactoryTest {
    private static Server server;

    /** Charges every account the amount asked for. */
    static final class Billing extends BillingServiceGrpc.BillingServiceImplBase {
        @Override
        public void charge(ChargeRequest request, StreamObserver<Receipt> response) {
            response.onNext(Receipt.newBuilder()
                    .setId("r-" + request.getAccount())
                    .setCharged(request.getAmount())
                    .build());
            response.onCompleted();
        }
    }

    @BeforeAll
    static void startServer() throws Exception {
        server = NettyServerBuilder.forAddress(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0))
                .addService(new Billing())
                .build()
                .start();
    }

    @AfterAll
    static void stopServer() throws Exception {
        server.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
    }

    @Test
    void chargesThroughTheFactory() {
        try (ServiceClients clients = ServiceClients.builder()
                .target(ServiceNames.BILLING, "grpc://127.0.0.1:" + server.getPort())
                .build()) {
            BillingServiceGrpc.BillingServiceBlockingStub billing = clients.billing();
            Receipt receipt = billing.charge(ChargeRequest.newBuilder()
                    .setAccount("a-7")
                    .setAmount(Money.newBuilder().setCurrency("EUR").setUnits(1250))
                    .build());
            assertEquals("r-a-7", receipt.getId());
            assertEquals(1250, receipt.getCharged().getUnits());
        }
    }
}
