package dev.switchboard.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class ClientCacheTest {

    /** A client that counts how often it is closed. */
    static final class FakeClient implements AutoCloseable {
        final AtomicInteger closes = new AtomicInteger();

        @Override
        public void close() {
            closes.incrementAndGet();
        }
    }

    @Test
    @DisplayName(
            "64 threads hammering first calls over 50 services create exactly 50 clients, and close() closes each once")
    void createsEachClientOnceUnderContention() throws Exception {
        ClientCache cache = new ClientCache();
        Map<String, AtomicInteger> creations = new ConcurrentHashMap<>();
        List<FakeClient> made = new ArrayList<>();
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(64);
        List<Future<List<Object>>> results = new ArrayList<>();
        for (int t = 0; t < 64; t++) {
            int offset = t;
            results.add(pool.submit(() -> {
                start.await();
                List<Object> seen = new ArrayList<>();
                for (int i = 0; i < 50; i++) {
                    String name = "service-" + ((i + offset) % 50);
                    seen.add(cache.get(name, () -> {
                        creations
                                .computeIfAbsent(name, n -> new AtomicInteger())
                                .incrementAndGet();
                        Thread.onSpinWait();
                        FakeClient client = new FakeClient();
                        synchronized (made) {
                            made.add(client);
                        }
                        return client;
                    }));
                }
                return seen;
            }));
        }
        start.countDown();
        List<List<Object>> all = new ArrayList<>();
        for (Future<List<Object>> f : results) {
            all.add(f.get(30, TimeUnit.SECONDS));
        }
        pool.shutdown();

        assertThat(creations).hasSize(50);
        assertThat(creations.values()).allMatch(n -> n.get() == 1);
        assertThat(made).hasSize(50);
        assertThat(all.stream().flatMap(List::stream).distinct().count()).isEqualTo(50);
        assertThat(cache.created()).hasSize(50);

        cache.close();
        cache.close();
        assertThat(made).allMatch(c -> c.closes.get() == 1);
    }

    @Test
    @DisplayName("after close() no client is created any more, with a message saying why")
    void refusesCreationAfterClose() {
        ClientCache cache = new ClientCache();
        cache.close();

        assertThatThrownBy(() -> cache.get("s3", Object::new))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("\"s3\"")
                .hasMessageContaining("closed");
    }

    @Test
    @DisplayName("every client is closed even when one fails to close; the failure is reported")
    void closesAllDespiteFailures() {
        ClientCache cache = new ClientCache();
        FakeClient good = cache.get("good", FakeClient::new);
        cache.get("bad", () -> (AutoCloseable) () -> {
            throw new IllegalStateException("boom");
        });

        assertThatThrownBy(cache::close).hasRootCauseMessage("boom");
        assertThat(good.closes).hasValue(1);
    }

    @Test
    @DisplayName("a creator may ask the cache for another service")
    void allowsNestedCreation() {
        ClientCache cache = new ClientCache();

        Object outer = cache.get("outer", () -> List.of(cache.get("inner", () -> "inner-client")));

        assertThat(outer).isEqualTo(List.of("inner-client"));
        assertThat(cache.created()).containsExactly("inner", "outer");
    }
}
