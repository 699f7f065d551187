package com.acme.migration;

import java.net.URI;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.s3.S3Client;

/** The team's hand-written factory: each client built by hand, once. Phase 3 deletes this file. */
public final class LegacyClients implements Clients {
    private final S3Client s3;
    private final DynamoDbClient dynamoDb;

    public LegacyClients(URI s3Endpoint, URI dynamoDbEndpoint, AwsCredentialsProvider credentials) {
        s3 = S3Client.builder()
                .region(Region.US_EAST_1)
                .credentialsProvider(credentials)
                .endpointOverride(s3Endpoint)
                .forcePathStyle(true)
                .httpClient(UrlConnectionHttpClient.create())
                .build();
        dynamoDb = DynamoDbClient.builder()
                .region(Region.US_EAST_1)
                .credentialsProvider(credentials)
                .endpointOverride(dynamoDbEndpoint)
                .httpClient(UrlConnectionHttpClient.create())
                .build();
    }

    @Override
    public S3Client s3Client() {
        return s3;
    }

    @Override
    public DynamoDbClient dynamoDb() {
        return dynamoDb;
    }

    @Override
    public void close() {
        s3.close();
        dynamoDb.close();
    }
}
