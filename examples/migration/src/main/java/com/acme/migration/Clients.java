package com.acme.migration;

import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.s3.S3Client;

/** The interface of the team's client factory, as it was before switchboard. The application knows only this. */
public interface Clients extends AutoCloseable {
    S3Client s3Client();

    DynamoDbClient dynamoDb();

    @Override
    void close();
}
