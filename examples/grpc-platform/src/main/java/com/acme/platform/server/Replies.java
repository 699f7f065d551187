package com.acme.platform.server;

import io.grpc.Status;
import io.grpc.stub.StreamObserver;

/** The answers of a unary call, in one place for the five services. */
final class Replies {
    private Replies() {}

    /** Sends the one response and completes the call. */
    static <T> void send(StreamObserver<T> response, T value) {
        response.onNext(value);
        response.onCompleted();
    }

    /** Sends the value, or NOT_FOUND with the description when there is none. */
    static <T> void sendOrNotFound(StreamObserver<T> response, T value, String notFound) {
        if (value == null) {
            response.onError(Status.NOT_FOUND.withDescription(notFound).asRuntimeException());
        } else {
            send(response, value);
        }
    }
}
