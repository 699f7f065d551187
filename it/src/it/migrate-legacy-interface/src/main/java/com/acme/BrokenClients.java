package com.acme;

import software.amazon.awssdk.services.s3.S3Client;

/** An interface with a method that returns no service's client: generating against it fails. */
public interface BrokenClients {
    S3Client s3Client();

    String region();
}
