package dev.switchboard.runtime.health;

import io.grpc.CallOptions;
import io.grpc.ChannelCredentials;
import io.grpc.ClientCall;
import io.grpc.Grpc;
import io.grpc.InsecureChannelCredentials;
import io.grpc.ManagedChannel;
import io.grpc.Metadata;
import io.grpc.MethodDescriptor;
import io.grpc.Status;
import io.grpc.TlsChannelCredentials;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * gRPC health v1 {@code Check} over a channel of its own, with a deadline. Loaded only when a {@code
 * grpc://} or {@code grpcs://} endpoint is checked, so applications without gRPC never load its classes.
 *
 * <p>The two messages are encoded by hand ({@code HealthCheckRequest} is one string field, {@code
 * HealthCheckResponse} one enum field) so that the check needs only {@code grpc-api} and a transport,
 * not {@code grpc-services}, {@code grpc-protobuf} and {@code protobuf-java}.
 */
final class GrpcHealthCheck {
    static final String METHOD = "grpc.health.v1.Health/Check";

    private static final MethodDescriptor<byte[], byte[]> CHECK = MethodDescriptor.<byte[], byte[]>newBuilder()
            .setType(MethodDescriptor.MethodType.UNARY)
            .setFullMethodName(METHOD)
            .setRequestMarshaller(new Bytes())
            .setResponseMarshaller(new Bytes())
            .build();

    private GrpcHealthCheck() {}

    static HealthResult check(HealthTarget target, Duration deadline, TlsOptions tls, long start)
            throws InterruptedException {
        String name = target.grpcService();
        String checked = METHOD + " \"" + name + "\" at " + target.endpoint();
        ManagedChannel channel = Grpc.newChannelBuilderForAddress(
                        target.endpoint().getHost(), target.port(), credentials(target, tls))
                .build();
        try {
            CompletableFuture<byte[]> answer = call(channel, request(name), deadline);
            byte[] response;
            try {
                response = answer.get(deadline.toMillis() + 1_000, TimeUnit.MILLISECONDS);
            } catch (ExecutionException e) {
                Status status = Status.fromThrowable(e.getCause());
                return new HealthResult(
                        target.service(),
                        status(status),
                        HealthChecker.since(start),
                        checked,
                        message(status, name, target.endpoint().getHost(), deadline));
            } catch (TimeoutException e) {
                return new HealthResult(
                        target.service(),
                        HealthStatus.RPC_FAILED,
                        HealthChecker.since(start),
                        checked,
                        "no answer within " + deadline.toMillis() + " ms");
            }
            int serving = servingStatus(response);
            HealthStatus status = switch (serving) {
                case 1 -> HealthStatus.SERVING;
                case 3 -> HealthStatus.UNKNOWN_SERVICE;
                default -> HealthStatus.NOT_SERVING;
            };
            String error = switch (serving) {
                case 1 -> null;
                case 2 -> "answered NOT_SERVING";
                case 3 -> "answered SERVICE_UNKNOWN";
                default -> "answered UNKNOWN (" + serving + ")";
            };
            return new HealthResult(target.service(), status, HealthChecker.since(start), checked, error);
        } finally {
            channel.shutdownNow();
        }
    }

    private static ChannelCredentials credentials(HealthTarget target, TlsOptions tls) {
        if (!target.secure()) {
            return InsecureChannelCredentials.create();
        }
        TlsChannelCredentials.Builder builder = TlsChannelCredentials.newBuilder();
        if (tls.trustManagers() != null) {
            builder.trustManager(tls.trustManagers());
        }
        if (tls.keyManagers() != null) {
            builder.keyManager(tls.keyManagers());
        }
        return builder.build();
    }

    private static CompletableFuture<byte[]> call(ManagedChannel channel, byte[] request, Duration deadline) {
        CompletableFuture<byte[]> answer = new CompletableFuture<>();
        ClientCall<byte[], byte[]> call = channel.newCall(
                CHECK, CallOptions.DEFAULT.withDeadlineAfter(deadline.toMillis(), TimeUnit.MILLISECONDS));
        call.start(
                new ClientCall.Listener<>() {
                    private byte[] message;

                    @Override
                    public void onMessage(byte[] value) {
                        message = value;
                    }

                    @Override
                    public void onClose(Status status, Metadata trailers) {
                        if (!status.isOk()) {
                            answer.completeExceptionally(status.asRuntimeException(trailers));
                        } else if (message == null) {
                            answer.completeExceptionally(Status.INTERNAL
                                    .withDescription("the server closed the call without an answer")
                                    .asRuntimeException());
                        } else {
                            answer.complete(message);
                        }
                    }
                },
                new Metadata());
        call.request(2);
        call.sendMessage(request);
        call.halfClose();
        return answer;
    }

    private static HealthStatus status(Status status) {
        return switch (status.getCode()) {
            case UNAVAILABLE -> HealthStatus.UNREACHABLE;
            case UNIMPLEMENTED -> HealthStatus.NO_HEALTH_SERVICE;
            case NOT_FOUND -> HealthStatus.UNKNOWN_SERVICE;
            default -> HealthStatus.RPC_FAILED;
        };
    }

    /**
     * What went wrong, in the words an HTTP check uses when the connection failed (gRPC's own description
     * of that is "io exception" and, for TLS, the names of the transport's handlers); else the status code
     * and the first line of its description.
     */
    private static String message(Status status, String name, String host, Duration deadline) {
        for (Throwable cause = status.getCause(); cause != null; cause = cause.getCause()) {
            if (cause instanceof IOException io) {
                return Failure.of(io, host, deadline, deadline).error();
            }
        }
        String description = status.getDescription() == null
                ? ""
                : ": " + status.getDescription().lines().findFirst().orElse("");
        return switch (status.getCode()) {
            case UNIMPLEMENTED -> "the server does not implement grpc.health.v1.Health";
            case NOT_FOUND -> "the health service does not know \"" + name + "\"";
            case DEADLINE_EXCEEDED -> "deadline exceeded" + description;
            default -> status.getCode() + description;
        };
    }

    /** {@code HealthCheckRequest}: field 1, the service name; empty (the whole server) is sent as no field. */
    static byte[] request(String service) {
        byte[] name = service.getBytes(StandardCharsets.UTF_8);
        if (name.length == 0) {
            return new byte[0];
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(0x0A);
        writeVarint(out, name.length);
        out.write(name, 0, name.length);
        return out.toByteArray();
    }

    /** {@code HealthCheckResponse.status} (field 1, varint); 0 (UNKNOWN) when absent. Other fields are skipped. */
    static int servingStatus(byte[] response) {
        int[] at = {0};
        int status = 0;
        while (at[0] < response.length) {
            long tag = readVarint(response, at);
            int field = (int) (tag >>> 3);
            int wire = (int) (tag & 7);
            switch (wire) {
                case 0 -> {
                    long value = readVarint(response, at);
                    if (field == 1) {
                        status = (int) value;
                    }
                }
                case 1 -> at[0] += 8;
                case 2 -> {
                    int length = (int) readVarint(response, at);
                    at[0] += length;
                }
                case 5 -> at[0] += 4;
                default -> throw new IllegalArgumentException("malformed HealthCheckResponse (wire type " + wire + ")");
            }
        }
        return status;
    }

    private static void writeVarint(ByteArrayOutputStream out, int value) {
        int v = value;
        while ((v & ~0x7F) != 0) {
            out.write((v & 0x7F) | 0x80);
            v >>>= 7;
        }
        out.write(v);
    }

    private static long readVarint(byte[] bytes, int[] at) {
        long value = 0;
        for (int shift = 0; shift < 64; shift += 7) {
            if (at[0] >= bytes.length) {
                throw new IllegalArgumentException("malformed HealthCheckResponse (truncated varint)");
            }
            byte b = bytes[at[0]++];
            value |= (long) (b & 0x7F) << shift;
            if ((b & 0x80) == 0) {
                return value;
            }
        }
        throw new IllegalArgumentException("malformed HealthCheckResponse (varint too long)");
    }

    /** Passes message bytes through as they are. */
    private static final class Bytes implements MethodDescriptor.Marshaller<byte[]> {
        @Override
        public InputStream stream(byte[] value) {
            return new ByteArrayInputStream(value);
        }

        @Override
        public byte[] parse(InputStream stream) {
            try {
                return stream.readAllBytes();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
