package dev.switchboard.runtime.registry;

import com.fasterxml.jackson.annotation.JsonProperty;

/** Where a service entry comes from and so how a client for it is made. */
public enum ServiceKind {
    /** A {@code service} declared in a {@code .proto} file; called through grpc-java stubs. */
    @JsonProperty("grpc")
    GRPC,
    /** An AWS SDK for Java v2 service client found on the classpath. */
    @JsonProperty("aws")
    AWS,
    /** Declared only (in the overrides file); called over HTTP through its REST endpoints. */
    @JsonProperty("http")
    HTTP
}
