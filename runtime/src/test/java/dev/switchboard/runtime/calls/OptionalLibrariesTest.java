package dev.switchboard.runtime.calls;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.switchboard.runtime.ClientSettings;
import dev.switchboard.runtime.registry.ServiceKind;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Resilience4j and Micrometer are optional: an application without them runs as long as it needs neither. */
class OptionalLibrariesTest {
    @Test
    @DisplayName("without Resilience4j and Micrometer on the class path, calls are counted; a service with a limit"
            + " fails naming the dependency to add")
    void runsWithoutTheOptionalLibraries() throws Exception {
        // The runtime and Jackson, its one required dependency.
        URL[] classPath = Stream.of(ClientSettings.class, ObjectMapper.class, JsonFactory.class, JsonInclude.class)
                .map(type -> type.getProtectionDomain().getCodeSource().getLocation())
                .toArray(URL[]::new);
        try (URLClassLoader app = new URLClassLoader(classPath, ClassLoader.getPlatformClassLoader())) {
            assertThatThrownBy(() -> app.loadClass("io.github.resilience4j.ratelimiter.RateLimiter"))
                    .isInstanceOf(ClassNotFoundException.class);
            assertThatThrownBy(() -> app.loadClass("io.micrometer.core.instrument.MeterRegistry"))
                    .isInstanceOf(ClassNotFoundException.class);
            Class<?> settingsClass = app.loadClass(ClientSettings.class.getName());
            Object builder = settingsClass.getMethod("builder").invoke(null);
            builder.getClass()
                    .getMethod("rateLimit", String.class, double.class, int.class)
                    .invoke(builder, "limited", 5.0, 1);
            Object settings = builder.getClass().getMethod("build").invoke(builder);
            Object telemetry = settingsClass.getMethod("telemetry").invoke(settings);
            Class<?> kindClass = app.loadClass(ServiceKind.class.getName());
            Object http = kindClass.getField("HTTP").get(null);
            Method gate = telemetry.getClass().getMethod("gate", String.class, kindClass);

            Object free = gate.invoke(telemetry, "free", http);
            free.getClass().getMethod("acquire").invoke(free);
            long started = (long) free.getClass().getMethod("callStarted").invoke(free);
            free.getClass().getMethod("callEnded", long.class, boolean.class).invoke(free, started, false);
            Object statistics = telemetry.getClass().getMethod("statistics").invoke(telemetry);
            String table = (String) statistics.getClass().getMethod("toTable").invoke(statistics);

            assertThat(free.getClass().getClassLoader()).isSameAs(app);
            assertThat(table.lines()).anyMatch(line -> line.startsWith("free ") && line.contains(" http "));
            assertThatThrownBy(() -> gate.invoke(telemetry, "limited", http))
                    .isInstanceOf(InvocationTargetException.class)
                    .cause()
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessage("service \"limited\" has a rate limit (5 requests/s, burst 1, set in code with"
                            + " rateLimit(\"limited\", …)), and switchboard enforces rate limits with Resilience4j,"
                            + " which is not on the class path; add <dependency><groupId>io.github.resilience4j"
                            + "</groupId><artifactId>resilience4j-ratelimiter</artifactId><version>2.4.0</version>"
                            + "</dependency>");
        }
    }
}
