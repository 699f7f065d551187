package dev.switchboard.it.grpc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.acme.clients.ServiceClients;
import com.acme.clients.ServiceNames;
import com.acme.order.v1.Order;
import com.acme.order.v1.OrderServiceGrpc;
import com.acme.order.v1.PlaceOrderRequest;
import com.acme.user.v1.GetUserRequest;
import com.acme.user.v1.ListUsersRequest;
import com.acme.user.v1.User;
import com.acme.user.v1.UserServiceGrpc;
import io.grpc.ManagedChannel;
import io.grpc.Server;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.netty.shaded.io.grpc.netty.NettyServerBuilder;
import io.grpc.stub.StreamObserver;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The generated factory's gRPC accessors against a real grpc-java server on loopback. */
class GrpcThroughFactoryTest {
    private static Server server;
    private static String target;

    /** A user service that knows three users. */
    static final class Users extends UserServiceGrpc.UserServiceImplBase {
        private static final List<User> ALL = List.of(
                User.newBuilder().setId("u-1").setName("Ada").build(),
                User.newBuilder().setId("u-2").setName("Grace").build(),
                User.newBuilder().setId("u-3").setName("Barbara").build());

        @Override
        public void getUser(GetUserRequest request, StreamObserver<User> response) {
            ALL.stream()
                    .filter(u -> u.getId().equals(request.getId()))
                    .findFirst()
                    .ifPresentOrElse(
                            u -> {
                                response.onNext(u);
                                response.onCompleted();
                            },
                            () -> response.onError(Status.NOT_FOUND
                                    .withDescription("no user " + request.getId())
                                    .asRuntimeException()));
        }

        @Override
        public void listUsers(ListUsersRequest request, StreamObserver<User> response) {
            ALL.stream().limit(request.getLimit()).forEach(response::onNext);
            response.onCompleted();
        }
    }

    /** An order service that places every order for Ada. */
    static final class Orders extends OrderServiceGrpc.OrderServiceImplBase {
        @Override
        public void placeOrder(PlaceOrderRequest request, StreamObserver<Order> response) {
            response.onNext(Order.newBuilder()
                    .setId("o-1")
                    .setItem(request.getItem())
                    .setBuyer(User.newBuilder().setId(request.getUserId()).setName("Ada"))
                    .build());
            response.onCompleted();
        }
    }

    @BeforeAll
    static void startServer() throws Exception {
        server = NettyServerBuilder.forAddress(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0))
                .addService(new Users())
                .addService(new Orders())
                .build()
                .start();
        target = "grpc://127.0.0.1:" + server.getPort();
    }

    @AfterAll
    static void stopServer() throws Exception {
        if (server != null) {
            server.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
        }
    }

    private static ServiceClients clients() {
        return ServiceClients.builder()
                .target(ServiceNames.USER, target)
                .target(ServiceNames.ORDER, target)
                .build();
    }

    @Test
    void blockingFutureAndAsyncStubsCallTheServer() throws Exception {
        try (ServiceClients clients = clients()) {
            User ada = clients.user()
                    .getUser(GetUserRequest.newBuilder().setId("u-1").build());
            assertEquals("Ada", ada.getName());

            User grace = clients.userFuture()
                    .getUser(GetUserRequest.newBuilder().setId("u-2").build())
                    .get(10, TimeUnit.SECONDS);
            assertEquals("Grace", grace.getName());

            List<String> streamed = new ArrayList<>();
            clients.user()
                    .listUsers(ListUsersRequest.newBuilder().setLimit(2).build())
                    .forEachRemaining(u -> streamed.add(u.getName()));
            assertEquals(List.of("Ada", "Grace"), streamed);

            CompletableFuture<List<String>> async = new CompletableFuture<>();
            List<String> received = new ArrayList<>();
            clients.userAsync()
                    .listUsers(ListUsersRequest.newBuilder().setLimit(3).build(), new StreamObserver<>() {
                        @Override
                        public void onNext(User user) {
                            received.add(user.getName());
                        }

                        @Override
                        public void onError(Throwable t) {
                            async.completeExceptionally(t);
                        }

                        @Override
                        public void onCompleted() {
                            async.complete(received);
                        }
                    });
            assertEquals(List.of("Ada", "Grace", "Barbara"), async.get(10, TimeUnit.SECONDS));

            // Server errors reach the caller as they are.
            StatusRuntimeException missing = assertThrows(
                    StatusRuntimeException.class,
                    () -> clients.user()
                            .getUser(GetUserRequest.newBuilder().setId("u-9").build()));
            assertEquals(Status.Code.NOT_FOUND, missing.getStatus().getCode());

            Order order = clients.order()
                    .placeOrder(PlaceOrderRequest.newBuilder()
                            .setUserId("u-1")
                            .setItem("book")
                            .build());
            assertEquals("book", order.getItem());
            assertEquals("u-1", order.getBuyer().getId());
        }
    }

    @Test
    void stubsAreCachedAndShareOneChannelPerTarget() {
        try (ServiceClients clients = clients()) {
            UserServiceGrpc.UserServiceBlockingStub user = clients.user();

            assertSame(user, clients.user());
            assertSame(user, clients.client("user"));
            assertSame(user, clients.client("user", UserServiceGrpc.UserServiceBlockingStub.class));
            assertSame(clients.userFuture(), clients.userFuture());
            assertInstanceOf(OrderServiceGrpc.OrderServiceBlockingStub.class, clients.client(ServiceNames.ORDER));
            // Two services, one target: one channel.
            assertSame(user.getChannel(), clients.order().getChannel());
            assertSame(user.getChannel(), clients.userFuture().getChannel());
            assertEquals(List.of("order", "user"), ServiceNames.ALL);
            assertTrue(
                    clients.services().containsAll(List.of("order", "user")),
                    clients.services().toString());
        }
    }

    @Test
    void closeShutsTheChannelDown() throws Exception {
        ServiceClients clients = clients();
        UserServiceGrpc.UserServiceBlockingStub user = clients.user();
        assertEquals(
                "Ada",
                user.getUser(GetUserRequest.newBuilder().setId("u-1").build()).getName());
        ManagedChannel channel = assertInstanceOf(ManagedChannel.class, user.getChannel());

        clients.close();

        assertTrue(channel.isShutdown(), "close() left the channel open");
        assertTrue(channel.awaitTermination(5, TimeUnit.SECONDS), "the channel did not terminate");
        StatusRuntimeException refused = assertThrows(
                StatusRuntimeException.class,
                () -> user.getUser(GetUserRequest.newBuilder().setId("u-1").build()));
        assertEquals(Status.Code.UNAVAILABLE, refused.getStatus().getCode());
        IllegalStateException closed = assertThrows(IllegalStateException.class, clients::userFuture);
        assertTrue(closed.getMessage().contains("closed"), closed.getMessage());
        // A closed factory creates nothing more, the typed accessor included.
        assertThrows(IllegalStateException.class, clients::user);
    }

    @Test
    void aServiceWithoutATargetSaysHowToSetOne() {
        try (ServiceClients clients = ServiceClients.builder().build()) {
            IllegalStateException none = assertThrows(IllegalStateException.class, clients::user);
            assertTrue(
                    none.getMessage().contains("no gRPC target for service \"user\"")
                            && none.getMessage().contains("-Dswitchboard.user.target=host:port"),
                    none.getMessage());
        }
    }
}
