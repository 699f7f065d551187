package dev.switchboard.it.hostile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.hostile.clients.ServiceClients;
import com.hostile.clients.ServiceNames;
import com.hostile.v1.ClientsServiceGrpc;
import com.hostile.v1.ClosingServiceGrpc;
import com.hostile.v1.DashServiceGrpc;
import com.hostile.v1.DefaultsServiceGrpc;
import com.hostile.v1.DotServiceGrpc;
import com.hostile.v1.KeywordServiceGrpc;
import com.hostile.v1.Ping;
import com.hostile.v1.Pong;
import io.grpc.ManagedChannel;
import io.grpc.Server;
import io.grpc.netty.shaded.io.grpc.netty.NettyServerBuilder;
import io.grpc.stub.StreamObserver;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Services whose registry names are keywords, factory members or clash, called through the factory. */
class HostileNamesTest {
    private static Server server;
    private static String target;

    private static void answer(String service, Ping ping, StreamObserver<Pong> response) {
        response.onNext(
                Pong.newBuilder().setText(service + ":" + ping.getText()).build());
        response.onCompleted();
    }

    @BeforeAll
    static void startServer() throws Exception {
        server = NettyServerBuilder.forAddress(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0))
                .addService(new KeywordServiceGrpc.KeywordServiceImplBase() {
                    @Override
                    public void echo(Ping ping, StreamObserver<Pong> response) {
                        answer("class", ping, response);
                    }
                })
                .addService(new DefaultsServiceGrpc.DefaultsServiceImplBase() {
                    @Override
                    public void echo(Ping ping, StreamObserver<Pong> response) {
                        answer("default", ping, response);
                    }
                })
                .addService(new ClosingServiceGrpc.ClosingServiceImplBase() {
                    @Override
                    public void echo(Ping ping, StreamObserver<Pong> response) {
                        answer("close", ping, response);
                    }
                })
                .addService(new ClientsServiceGrpc.ClientsServiceImplBase() {
                    @Override
                    public void echo(Ping ping, StreamObserver<Pong> response) {
                        answer("client", ping, response);
                    }
                })
                .addService(new DashServiceGrpc.DashServiceImplBase() {
                    @Override
                    public void echo(Ping ping, StreamObserver<Pong> response) {
                        answer("a-b", ping, response);
                    }
                })
                .addService(new DotServiceGrpc.DotServiceImplBase() {
                    @Override
                    public void echo(Ping ping, StreamObserver<Pong> response) {
                        answer("a.b", ping, response);
                    }
                })
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
        ServiceClients.Builder builder = ServiceClients.builder();
        ServiceNames.ALL.forEach(name -> builder.target(name, target));
        return builder.build();
    }

    private static Ping ping(String text) {
        return Ping.newBuilder().setText(text).build();
    }

    @Test
    void everyEscapedAccessorReachesItsOwnService() throws Exception {
        try (ServiceClients clients = clients()) {
            assertEquals("class:1", clients.class_().echo(ping("1")).getText());
            assertEquals(
                    "class:2",
                    clients.classFuture()
                            .echo(ping("2"))
                            .get(10, TimeUnit.SECONDS)
                            .getText());
            assertEquals("default:3", clients.default_().echo(ping("3")).getText());
            assertEquals("close:4", clients.closeService().echo(ping("4")).getText());
            assertEquals("client:5", clients.clientService().echo(ping("5")).getText());
            assertEquals("a-b:6", clients.aB().echo(ping("6")).getText());
            assertEquals("a.b:7", clients.aB2().echo(ping("7")).getText());
        }
    }

    @Test
    void registryNamesStillFindTheirStubs() {
        try (ServiceClients clients = clients()) {
            assertSame(clients.class_(), clients.client("class"));
            assertSame(clients.default_(), clients.client(ServiceNames.DEFAULT));
            assertSame(
                    clients.closeService(),
                    clients.client("close", ClosingServiceGrpc.ClosingServiceBlockingStub.class));
            assertSame(clients.clientService(), clients.client("client"));
            assertSame(clients.aB(), clients.client(ServiceNames.A_B, DashServiceGrpc.DashServiceBlockingStub.class));
            assertSame(clients.aB2(), clients.client(ServiceNames.A_B2, DotServiceGrpc.DotServiceBlockingStub.class));
            assertEquals(List.of("a-b", "a.b", "class", "client", "close", "default"), ServiceNames.ALL);
            assertTrue(
                    clients.services().containsAll(ServiceNames.ALL),
                    clients.services().toString());
        }
    }

    @Test
    void theFactorysOwnCloseIsStillTheOneThatClosesTheChannel() throws Exception {
        ServiceClients clients = clients();
        assertEquals("close:8", clients.closeService().echo(ping("8")).getText());
        ManagedChannel channel = (ManagedChannel) clients.closeService().getChannel();
        assertSame(channel, clients.class_().getChannel(), "one target, one channel");

        clients.close();

        assertTrue(channel.isShutdown());
        assertTrue(channel.awaitTermination(5, TimeUnit.SECONDS));
    }
}
