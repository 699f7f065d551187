package com.acme.platform.server;

import com.acme.payment.v1.AuthorizePaymentRequest;
import com.acme.payment.v1.GetPaymentRequest;
import com.acme.payment.v1.Payment;
import com.acme.payment.v1.PaymentServiceGrpc;
import com.acme.payment.v1.PaymentStatus;
import io.grpc.Status;
import io.grpc.stub.StreamObserver;
import java.util.HashMap;
import java.util.Map;

/** Authorises every positive amount; payments are kept in memory. */
final class PaymentServiceImpl extends PaymentServiceGrpc.PaymentServiceImplBase {
    private final Map<String, Payment> payments = new HashMap<>();

    @Override
    public void authorizePayment(AuthorizePaymentRequest request, StreamObserver<Payment> response) {
        if (request.getAmount().getMinorUnits() <= 0) {
            response.onError(Status.INVALID_ARGUMENT
                    .withDescription("an amount above zero is needed")
                    .asRuntimeException());
            return;
        }
        Payment payment;
        synchronized (this) {
            payment = Payment.newBuilder()
                    .setId(String.format("pay-%04d", payments.size() + 1))
                    .setOrderId(request.getOrderId())
                    .setAmount(request.getAmount())
                    .setStatus(PaymentStatus.PAYMENT_STATUS_AUTHORIZED)
                    .build();
            payments.put(payment.getId(), payment);
        }
        Replies.send(response, payment);
    }

    @Override
    public void getPayment(GetPaymentRequest request, StreamObserver<Payment> response) {
        Payment payment;
        synchronized (this) {
            payment = payments.get(request.getId());
        }
        Replies.sendOrNotFound(response, payment, "no payment " + request.getId());
    }
}
