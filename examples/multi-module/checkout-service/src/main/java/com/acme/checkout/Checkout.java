package com.acme.checkout;

import com.acme.billing.v1.ChargeRequest;
import com.acme.billing.v1.Money;
import com.acme.billing.v1.Receipt;
import com.acme.checkout.clients.ServiceClients;

/** Checks a basket out: charges it through billing's service, reached through the factory. */
public final class Checkout {
    private final ServiceClients clients;

    public Checkout(ServiceClients clients) {
        this.clients = clients;
    }

    /** Charges {@code account} the basket's total and returns the receipt's id. */
    public String pay(String account, long cents) {
        Receipt receipt = clients.billing()
                .charge(ChargeRequest.newBuilder()
                        .setAccount(account)
                        .setAmount(Money.newBuilder().setCurrency("EUR").setUnits(cents))
                        .build());
        return receipt.getId();
    }
}
