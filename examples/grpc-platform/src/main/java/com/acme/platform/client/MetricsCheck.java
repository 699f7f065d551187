package com.acme.platform.client;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The build's check of the client's Prometheus endpoint: {@code MetricsCheck http://127.0.0.1:<port>/metrics}
 * scrapes it (waiting up to 60 s for the client to finish shopping and serve it) and checks the
 * switchboard meters against the calls {@link PlatformClient} makes; exits with 1, naming what differs.
 */
public final class MetricsCheck {
    /** The samples the client's calls must leave, as Prometheus names and labels them. */
    static final Map<String, Double> EXPECTED = new LinkedHashMap<>();

    static {
        // The health check the client makes first rides on the catalog's channel, but calls another gRPC
        // service (grpc.health.v1.Health), so only ListProducts counts for catalog.
        EXPECTED.put("switchboard_client_calls_seconds_count{kind=\"grpc\",outcome=\"success\",service=\"catalog\"}", 1.0);
        EXPECTED.put("switchboard_client_calls_seconds_count{kind=\"grpc\",outcome=\"success\",service=\"order\"}", 1.0);
        EXPECTED.put("switchboard_client_calls_seconds_count{kind=\"grpc\",outcome=\"error\",service=\"order\"}", 1.0);
        EXPECTED.put("switchboard_client_calls_seconds_count{kind=\"grpc\",outcome=\"success\",service=\"shipping\"}", 1.0);
        for (String service : List.of("catalog", "inventory", "order", "shipping")) {
            EXPECTED.put(
                    "switchboard_client_creations_total{kind=\"grpc\",route=\"compiled-in\",service=\"" + service
                            + "\"}",
                    1.0);
        }
    }

    private MetricsCheck() {}

    public static void main(String[] args) throws Exception {
        String scrape = scrape(URI.create(args[0]));
        Map<String, Double> samples = samples(scrape);
        List<String> wrong = new ArrayList<>();
        EXPECTED.forEach((sample, value) -> {
            Double found = samples.get(sample);
            if (found == null || !found.equals(value)) {
                wrong.add(sample + " is " + found + ", expected " + value);
            }
        });
        if (!samples.containsKey(
                "switchboard_client_calls_seconds_count{kind=\"grpc\",outcome=\"success\",service=\"inventory\"}")) {
            wrong.add("no successful inventory calls");
        }
        if (!wrong.isEmpty()) {
            System.err.println("metrics: " + args[0] + " does not show the client's calls:");
            wrong.forEach(line -> System.err.println("  " + line));
            System.exit(1);
        }
        System.out.println("metrics: " + samples.size() + " switchboard samples scraped from " + args[0]
                + "; calls and creations match the client's");
        samples.forEach((sample, value) -> {
            if (sample.startsWith("switchboard_client_calls_seconds_count") || sample.startsWith("switchboard_client_creations")) {
                System.out.println("  " + sample + " " + value);
            }
        });
    }

    private static String scrape(URI endpoint) throws InterruptedException {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (true) {
            try {
                HttpResponse<String> response = http.send(
                        HttpRequest.newBuilder(endpoint).timeout(Duration.ofSeconds(5)).build(),
                        HttpResponse.BodyHandlers.ofString());
                if (response.statusCode() == 200) {
                    return response.body();
                }
            } catch (IOException e) {
                // the client is still shopping; its endpoint opens when it is done
            }
            if (System.nanoTime() > deadline) {
                System.err.println("metrics: " + endpoint + " did not answer within 60 s");
                System.exit(1);
            }
            Thread.sleep(200);
        }
    }

    /** The switchboard samples of a scrape: {@code name{labels}} to value. */
    static Map<String, Double> samples(String scrape) {
        Map<String, Double> samples = new TreeMap<>();
        for (String line : scrape.split("\n")) {
            if (line.startsWith("switchboard_")) {
                int space = line.lastIndexOf(' ');
                samples.put(line.substring(0, space), Double.parseDouble(line.substring(space + 1)));
            }
        }
        return samples;
    }
}
