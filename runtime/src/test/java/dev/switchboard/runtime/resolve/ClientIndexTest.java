package dev.switchboard.runtime.resolve;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.runtime.registry.AwsInfo;
import dev.switchboard.runtime.registry.ProtoInfo;
import dev.switchboard.runtime.registry.RateLimit;
import dev.switchboard.runtime.registry.Registry;
import dev.switchboard.runtime.registry.ServiceEntry;
import dev.switchboard.runtime.registry.ServiceKind;
import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ClientIndexTest {
    @TempDir
    Path dir;

    @Test
    void holdsTheClassOfEveryServiceThatHasOneAndReadsBackWhatItWrote() throws IOException {
        Registry registry = Registry.of(
                "f",
                List.of(
                        ServiceEntry.builder("sqs", ServiceKind.AWS)
                                .aws(new AwsInfo(
                                        "sqs",
                                        "sqs",
                                        "sqs",
                                        "software.amazon.awssdk.services.sqs.SqsClient",
                                        null,
                                        null,
                                        false,
                                        List.of()))
                                .build(),
                        ServiceEntry.builder("a b=c:d", ServiceKind.GRPC)
                                .proto(new ProtoInfo("a.proto", "a", "A", "com.a", "com.a.AGrpc", null, true))
                                .build(),
                        ServiceEntry.builder("rest-only", ServiceKind.HTTP).build()));

        String written = ClientIndex.write(registry);

        assertThat(written.lines().filter(l -> !l.startsWith("#")))
                .containsExactly(
                        "a\\ b\\=c\\:d=grpc com.a.AGrpc", "sqs=aws software.amazon.awssdk.services.sqs.SqsClient sqs");
        Path meta = dir.resolve("META-INF/switchboard");
        Files.createDirectories(meta);
        Files.writeString(dir.resolve(ClientIndex.RESOURCE), written);
        try (URLClassLoader loader = new URLClassLoader(new URL[] {dir.toUri().toURL()}, null)) {
            ClientIndex index = ClientIndex.read(loader);
            assertThat(index.entry("sqs").aws().clientClass())
                    .isEqualTo("software.amazon.awssdk.services.sqs.SqsClient");
            assertThat(index.entry("sqs").aws().artifactId()).isEqualTo("sqs");
            assertThat(index.entry("a b=c:d").proto().stubClass()).isEqualTo("com.a.AGrpc");
            assertThat(index.entry("rest-only")).isNull();
        }
    }

    @Test
    void holdsRateLimitsSoThatAFactoryNeedNotReadTheRegistryForThem() throws IOException {
        Registry registry = Registry.of(
                "f",
                List.of(
                        ServiceEntry.builder("sqs", ServiceKind.AWS)
                                .aws(new AwsInfo(
                                        "sqs",
                                        "sqs",
                                        "sqs",
                                        "software.amazon.awssdk.services.sqs.SqsClient",
                                        null,
                                        null,
                                        false,
                                        List.of()))
                                .rateLimit(new RateLimit(50, 100))
                                .build(),
                        ServiceEntry.builder("catalog", ServiceKind.HTTP)
                                .rateLimit(new RateLimit(0.5, 0))
                                .build()));

        String written = ClientIndex.write(registry);

        assertThat(written.lines().filter(l -> !l.startsWith("#")))
                .containsExactly(
                        "catalog=http rate=0.5/0",
                        "sqs=aws software.amazon.awssdk.services.sqs.SqsClient sqs rate=50/100");
        Files.createDirectories(dir.resolve("META-INF/switchboard"));
        Files.writeString(dir.resolve(ClientIndex.RESOURCE), written);
        try (URLClassLoader loader = new URLClassLoader(new URL[] {dir.toUri().toURL()}, null)) {
            ClientIndex index = ClientIndex.read(loader);
            assertThat(index.present()).isTrue();
            assertThat(index.entry("sqs").rateLimit()).isEqualTo(new RateLimit(50, 100));
            assertThat(index.entry("sqs").aws().artifactId()).isEqualTo("sqs");
            assertThat(index.entry("catalog").rateLimit()).isEqualTo(new RateLimit(0.5, 0));
            assertThat(index.entry("catalog").kind()).isEqualTo(ServiceKind.HTTP);
        }
        try (URLClassLoader empty = new URLClassLoader(new URL[0], null)) {
            assertThat(ClientIndex.read(empty).present()).isFalse();
        }
    }
}
