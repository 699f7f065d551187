package com.acme.pubsub;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.acme.pubsub.clients.ServiceClients;
import com.acme.pubsub.clients.ServiceNames;
import com.google.protobuf.ByteString;
import com.google.pubsub.v1.PublishRequest;
import com.google.pubsub.v1.PublishResponse;
import com.google.pubsub.v1.PublisherGrpc;
import com.google.pubsub.v1.PubsubMessage;
import com.google.pubsub.v1.Topic;
import io.grpc.Server;
import io.grpc.netty.shaded.io.grpc.netty.NettyServerBuilder;
import io.grpc.stub.StreamObserver;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The vendor's Publisher service, from its published protos and stubs, called through the factory. */
class PublisherThroughFactoryTest {
    private static Server server;

    /** Creates every topic asked for, and numbers the messages published. */
    static final class Publisher extends PublisherGrpc.PublisherImplBase {
        @Override
        public void createTopic(Topic request, StreamObserver<Topic> response) {
            response.onNext(request.toBuilder().putLabels("created-by", "loopback").build());
            response.onCompleted();
        }

        @Override
        public void publish(PublishRequest request, StreamObserver<PublishResponse> response) {
            PublishResponse.Builder ids = PublishResponse.newBuilder();
            for (int i = 0; i < request.getMessagesCount(); i++) {
                ids.addMessageIds(request.getTopic() + "#" + i);
            }
            response.onNext(ids.build());
            response.onCompleted();
        }
    }

    @BeforeAll
    static void startServer() throws Exception {
        server = NettyServerBuilder.forAddress(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0))
                .addService(new Publisher())
                .build()
                .start();
    }

    @AfterAll
    static void stopServer() throws Exception {
        server.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
    }

    @Test
    void publishesThroughTheFactory() {
        try (ServiceClients clients = ServiceClients.builder()
                .target(ServiceNames.PUBLISHER, "grpc://127.0.0.1:" + server.getPort())
                .build()) {
            PublisherGrpc.PublisherBlockingStub publisher = clients.publisher();
            String name = "projects/acme/topics/orders";
            Topic topic = publisher.createTopic(Topic.newBuilder().setName(name).build());
            assertEquals("loopback", topic.getLabelsOrThrow("created-by"));
            PublishResponse published = publisher.publish(PublishRequest.newBuilder()
                    .setTopic(name)
                    .addMessages(PubsubMessage.newBuilder().setData(ByteString.copyFromUtf8("one")))
                    .addMessages(PubsubMessage.newBuilder().setData(ByteString.copyFromUtf8("two")))
                    .build());
            assertEquals(java.util.List.of(name + "#0", name + "#1"), published.getMessageIdsList());
        }
    }
}
