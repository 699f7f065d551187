package com.acme;

import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.s3.S3Client;

/** The interface of the team's hand-written client factory. */
public interface Clients extends AutoCloseable {
    S3Client s3Client();

    DynamoDbClient dynamoDb();

    default String describe() {
        return "s3 and dynamodb";
    }

    @Override
    void close();
}
