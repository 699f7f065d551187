package com.acme;

import java.util.List;
import software.amazon.awssdk.services.s3.model.Bucket;

/** The application: it knows only the interface, so either factory can serve it. */
public final class Inventory {
    private final Clients clients;

    public Inventory(Clients clients) {
        this.clients = clients;
    }

    /** {@code s3=<buckets> dynamodb=<tables>}: what each service holds, as the factory serving it sees it. */
    public String report() {
        List<String> buckets =
                clients.s3Client().listBuckets().buckets().stream().map(Bucket::name).toList();
        return "s3=" + String.join(",", buckets) + " dynamodb="
                + String.join(",", clients.dynamoDb().listTables().tableNames());
    }
}
