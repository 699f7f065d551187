package dev.switchboard.runtime.health;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URL;
import java.net.URLClassLoader;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class ClassLoadingTest {
    @Test
    @DisplayName("an HTTP check runs in an application that has no gRPC (nor Jackson) on its class path")
    void httpWithoutGrpc() throws Exception {
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/health", exchange -> {
            exchange.sendResponseHeaders(204, -1);
            exchange.close();
        });
        server.start();
        URL runtimeClasses =
                HealthChecker.class.getProtectionDomain().getCodeSource().getLocation();
        try (URLClassLoader app =
                new URLClassLoader(new URL[] {runtimeClasses}, ClassLoader.getPlatformClassLoader())) {
            assertThatThrownBy(() -> app.loadClass("io.grpc.Channel")).isInstanceOf(ClassNotFoundException.class);
            Class<?> checkerClass = app.loadClass(HealthChecker.class.getName());
            Class<?> kindClass = app.loadClass("dev.switchboard.runtime.registry.ServiceKind");
            Class<?> healthClass = app.loadClass("dev.switchboard.runtime.registry.Health");
            Class<?> targetClass = app.loadClass(HealthTarget.class.getName());
            Object target = targetClass
                    .getConstructor(String.class, kindClass, URI.class, healthClass)
                    .newInstance(
                            "plain",
                            kindClass.getField("HTTP").get(null),
                            URI.create("http://127.0.0.1:" + server.getAddress().getPort()),
                            null);
            Object builder = checkerClass.getMethod("builder").invoke(null);
            Object checker = builder.getClass().getMethod("build").invoke(builder);
            Object results = checkerClass.getMethod("check", List.class).invoke(checker, List.of(target));
            Object result = ((List<?>) results).get(0);

            assertThat(result.getClass().getMethod("status").invoke(result)).hasToString("SERVING");
            assertThat(result.getClass().getClassLoader()).isSameAs(app);
        } finally {
            server.stop(0);
        }
    }
}
