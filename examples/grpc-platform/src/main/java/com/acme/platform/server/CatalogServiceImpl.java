package com.acme.platform.server;

import com.acme.catalog.v1.CatalogServiceGrpc;
import com.acme.catalog.v1.GetProductRequest;
import com.acme.catalog.v1.ListProductsRequest;
import com.acme.catalog.v1.ListProductsResponse;
import com.acme.catalog.v1.Product;
import com.acme.common.v1.Money;
import io.grpc.stub.StreamObserver;
import java.util.List;

/** A fixed catalog of three products, in euros. */
final class CatalogServiceImpl extends CatalogServiceGrpc.CatalogServiceImplBase {
    private static final List<Product> PRODUCTS = List.of(
            product("BK-001", "The Pragmatic Programmer", 3990),
            product("BK-002", "Designing Data-Intensive Applications", 4550),
            product("MG-001", "Switchboard mug", 1200));

    private static Product product(String sku, String name, long cents) {
        return Product.newBuilder()
                .setSku(sku)
                .setName(name)
                .setPrice(Money.newBuilder().setCurrencyCode("EUR").setMinorUnits(cents))
                .build();
    }

    @Override
    public void getProduct(GetProductRequest request, StreamObserver<Product> response) {
        Replies.sendOrNotFound(
                response,
                PRODUCTS.stream()
                        .filter(p -> p.getSku().equals(request.getSku()))
                        .findFirst()
                        .orElse(null),
                "no product " + request.getSku());
    }

    @Override
    public void listProducts(ListProductsRequest request, StreamObserver<ListProductsResponse> response) {
        Replies.send(response, ListProductsResponse.newBuilder().addAllProducts(PRODUCTS).build());
    }
}
