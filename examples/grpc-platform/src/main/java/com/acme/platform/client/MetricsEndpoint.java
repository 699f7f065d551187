package com.acme.platform.client;

import com.sun.net.httpserver.HttpServer;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;

/** The meters in Prometheus's text format at {@code /metrics}, served by the JDK's HTTP server on 127.0.0.1. */
final class MetricsEndpoint {
    private MetricsEndpoint() {}

    /** Serves {@code meters} on {@code port} for {@code seconds}, then stops. */
    static void serve(PrometheusMeterRegistry meters, int port, int seconds) throws IOException, InterruptedException {
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 0);
        server.createContext("/metrics", exchange -> {
            byte[] body = meters.scrape().getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "text/plain; version=0.0.4; charset=utf-8");
            exchange.sendResponseHeaders(200, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        server.start();
        System.out.println("metrics: http://127.0.0.1:" + port + "/metrics for " + seconds + " s");
        try {
            Thread.sleep(seconds * 1000L);
        } finally {
            server.stop(0);
        }
    }
}
