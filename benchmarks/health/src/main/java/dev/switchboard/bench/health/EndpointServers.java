package dev.switchboard.bench.health;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.PriorityQueue;

/**
 * The endpoints of the health benchmark, in a process of their own (in real use they are other machines):
 * {@code endpoints} HTTP/1.1 servers on 127.0.0.1, one port each, so that many distinct endpoints. A
 * {@code GET /health} is answered {@code 200 {"status":"UP"}} after {@code delay_ms}; any other path 404.
 * Connections are kept alive.
 *
 * <p>All of them are served by ONE thread: the ports share one selector, and a request due in 100 ms waits in a
 * queue, not on a parked thread, so the servers cost the checker's machine next to no CPU and never grow threads
 * with the load. When every port is listening, their numbers are written to {@code ports_file} (one a line, by an
 * atomic rename, so a reader never sees half a list).
 *
 * <p>Usage: {@code EndpointServers endpoints delay_ms ports_file}; runs until killed.
 */
public final class EndpointServers {
    private static final byte[] OK = response("200 OK", "{\"status\":\"UP\"}");
    private static final byte[] NOT_FOUND = response("404 Not Found", "");

    private final Selector selector;
    private final long delayNanos;
    private final PriorityQueue<Due> due = new PriorityQueue<>((a, b) -> Long.compare(a.at, b.at));

    private EndpointServers(Selector selector, long delayNanos) {
        this.selector = selector;
        this.delayNanos = delayNanos;
    }

    public static void main(String[] args) throws IOException {
        int endpoints = Integer.parseInt(args[0]);
        long delayMs = Long.parseLong(args[1]);
        Path portsFile = Path.of(args[2]);
        Selector selector = Selector.open();
        List<String> ports = new ArrayList<>();
        for (int i = 0; i < endpoints; i++) {
            ServerSocketChannel server = ServerSocketChannel.open();
            // The checker opens up to its parallelism connections at once, a few per port at worst.
            server.bind(new InetSocketAddress("127.0.0.1", 0), 64);
            server.configureBlocking(false);
            server.register(selector, SelectionKey.OP_ACCEPT);
            ports.add(Integer.toString(((InetSocketAddress) server.getLocalAddress()).getPort()));
        }
        Path partial = portsFile.resolveSibling(portsFile.getFileName() + ".partial");
        Files.write(partial, ports);
        Files.move(partial, portsFile, StandardCopyOption.ATOMIC_MOVE);
        new EndpointServers(selector, delayMs * 1_000_000).serve();
    }

    private void serve() throws IOException {
        while (true) {
            Due next = due.peek();
            long waitMs = next == null ? 0 : Math.max(1, (next.at - System.nanoTime() + 999_999) / 1_000_000);
            selector.select(waitMs);
            for (SelectionKey key : selector.selectedKeys()) {
                try {
                    if (!key.isValid()) {
                        continue;
                    }
                    if (key.isAcceptable()) {
                        accept((ServerSocketChannel) key.channel());
                    } else if (key.isReadable()) {
                        read(key);
                    }
                } catch (IOException e) {
                    close(key);
                }
            }
            selector.selectedKeys().clear();
            long now = System.nanoTime();
            while (!due.isEmpty() && due.peek().at <= now) {
                answer(due.poll());
            }
        }
    }

    private void accept(ServerSocketChannel server) throws IOException {
        SocketChannel channel;
        while ((channel = server.accept()) != null) {
            channel.configureBlocking(false);
            channel.setOption(StandardSocketOptions.TCP_NODELAY, true);
            channel.register(selector, SelectionKey.OP_READ, ByteBuffer.allocate(8 * 1024));
        }
    }

    /** Reads until the end of the request head; GET requests have no body. */
    private void read(SelectionKey key) throws IOException {
        SocketChannel channel = (SocketChannel) key.channel();
        ByteBuffer buffer = (ByteBuffer) key.attachment();
        if (channel.read(buffer) < 0) {
            close(key);
            return;
        }
        String head = new String(buffer.array(), 0, buffer.position(), StandardCharsets.ISO_8859_1);
        int end = head.indexOf("\r\n\r\n");
        if (end < 0) {
            if (!buffer.hasRemaining()) {
                close(key);
            }
            return;
        }
        buffer.clear();
        // Not read again until answered: the client sends its next request on this connection only then.
        key.interestOps(0);
        boolean health = head.startsWith("GET /health ");
        due.add(new Due(System.nanoTime() + delayNanos, key, health ? OK : NOT_FOUND));
    }

    private void answer(Due d) {
        if (!d.key.isValid()) {
            return;
        }
        try {
            // A few hundred bytes always fit in an empty socket buffer; a client that stopped reading is dropped.
            ByteBuffer bytes = ByteBuffer.wrap(d.response);
            ((SocketChannel) d.key.channel()).write(bytes);
            if (bytes.hasRemaining()) {
                close(d.key);
                return;
            }
            d.key.interestOps(SelectionKey.OP_READ);
        } catch (IOException e) {
            close(d.key);
        }
    }

    private static void close(SelectionKey key) {
        key.cancel();
        try {
            key.channel().close();
        } catch (IOException e) {
            // already gone
        }
    }

    private static byte[] response(String status, String body) {
        return ("HTTP/1.1 " + status + "\r\nContent-Type: application/json\r\nContent-Length: " + body.length()
                        + "\r\n\r\n" + body)
                .getBytes(StandardCharsets.ISO_8859_1);
    }

    private record Due(long at, SelectionKey key, byte[] response) {}
}
