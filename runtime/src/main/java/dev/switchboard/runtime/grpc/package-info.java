/** Shared gRPC channels, one per target; loaded only when a gRPC service is used. */
package dev.switchboard.runtime.grpc;
