package com.acme.migration;

import java.util.Map;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** The application: stores an order's receipt in S3 and the order in DynamoDB, through {@link Clients}. */
public final class Orders {
    static final String BUCKET = "receipts";
    static final String TABLE = "orders";

    private final Clients clients;

    public Orders(Clients clients) {
        this.clients = clients;
    }

    public void place(String id, String customer, int cents) {
        clients.s3Client()
                .putObject(
                        b -> b.bucket(BUCKET).key(id + ".txt"),
                        RequestBody.fromString(customer + " paid " + cents + " cents\n"));
        clients.dynamoDb()
                .putItem(b -> b.tableName(TABLE)
                        .item(Map.of(
                                "id", AttributeValue.fromS(id),
                                "customer", AttributeValue.fromS(customer),
                                "cents", AttributeValue.fromN(Integer.toString(cents)))));
    }

    /** {@code receipts: 3 objects, orders: 3 items}. */
    public String count() {
        int receipts = clients.s3Client().listObjectsV2(b -> b.bucket(BUCKET)).keyCount();
        int orders = clients.dynamoDb().scan(b -> b.tableName(TABLE)).count();
        return BUCKET + ": " + receipts + " objects, " + TABLE + ": " + orders + " items";
    }
}
