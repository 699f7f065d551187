package dev.switchboard.maven.mojo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.lang.reflect.Proxy;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.maven.doxia.sink.Sink;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugin.logging.SystemStreamLog;
import org.apache.maven.reporting.MavenReport;
import org.apache.maven.reporting.MavenReportException;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The report goal on its own and as a site report, on a throw-away project with two services. */
class ReportMojoTest {
    private static final String PROTO = """
            syntax = "proto3";
            package acme.user.v1;
            import "acme/billing/v1/billing.proto";
            service UserService {
              rpc GetUser(GetUserRequest) returns (User);
            }
            message GetUserRequest { string id = 1; }
            message User { string id = 1; acme.billing.v1.Invoice last = 2; }
            """;
    private static final String BILLING = """
            syntax = "proto3";
            package acme.billing.v1;
            service BillingService {
              rpc GetInvoice(GetInvoiceRequest) returns (Invoice);
            }
            message GetInvoiceRequest { string id = 1; }
            message Invoice { string id = 1; }
            """;

    @TempDir
    Path dir;

    private final List<String> log = new ArrayList<>();

    private ReportMojo goal() throws Exception {
        write("src/main/proto/acme/user/v1/user.proto", PROTO);
        write("src/main/proto/acme/billing/v1/billing.proto", BILLING);
        ReportMojo mojo = MojoHarness.configure(new ReportMojo(), dir);
        MojoHarness.set(
                mojo,
                "reportDirectory",
                dir.resolve("target/switchboard/report").toFile());
        MojoHarness.set(mojo, "siteDirectory", dir.resolve("target/site").toFile());
        mojo.setLog(new SystemStreamLog() {
            @Override
            public void info(CharSequence content) {
                log.add(content.toString());
            }

            @Override
            public void warn(CharSequence content) {
                log.add(content.toString());
            }
        });
        return mojo;
    }

    private void write(String path, String text) throws Exception {
        Path file = dir.resolve(path);
        Files.createDirectories(file.getParent());
        Files.writeString(file, text);
    }

    @Test
    @DisplayName("switchboard:report writes target/switchboard/report/index.html, then says it is up to date")
    void writesThePage() throws Exception {
        ReportMojo mojo = goal();

        mojo.execute();
        mojo.execute();

        Path page = dir.resolve("target/switchboard/report/index.html");
        assertThat(Files.readString(page)).contains("id=\"service-user\"", "id=\"service-billing\"");
        assertThat(log)
                .contains(
                        "switchboard: wrote target/switchboard/report/index.html (2 services, 1 dependency, 0 cycles)",
                        "switchboard: report is up to date, nothing rewritten: target/switchboard/report/index.html"
                                + " (2 services, 1 dependency, 0 cycles)");
    }

    @Test
    @DisplayName("as a site report, the \"Service registry\" page frames the same report, written next to it")
    void sitePage() throws Exception {
        MavenReport report = goal();
        List<String> raw = new ArrayList<>();
        List<String> text = new ArrayList<>();
        Sink sink =
                (Sink) Proxy.newProxyInstance(Sink.class.getClassLoader(), new Class<?>[] {Sink.class}, (p, m, a) -> {
                    if (m.getName().equals("rawText")) {
                        raw.add((String) a[0]);
                    } else if (m.getName().equals("text")) {
                        text.add((String) a[0]);
                    }
                    return null;
                });

        assertThat(report.canGenerateReport()).isTrue();
        report.generate(sink, Locale.ROOT);

        assertThat(report.getName(Locale.ROOT)).isEqualTo("Service registry");
        assertThat(report.getOutputName()).isEqualTo("service-registry");
        assertThat(text).contains("Service registry");
        assertThat(String.join("", raw))
                .contains("2 services, 1 dependency, 0 cycles", "<iframe src=\"service-registry/index.html\"");
        assertThat(Files.readString(dir.resolve("target/site/service-registry/index.html")))
                .contains("id=\"service-user\"");
    }

    @Test
    @DisplayName("a health report that is not there names <healthReport> and its property, on its own and in the site")
    void missingHealthReport() throws Exception {
        ReportMojo mojo = goal();
        MojoHarness.set(mojo, "healthReport", dir.resolve("target/health.json").toFile());

        assertThatThrownBy(mojo::execute)
                .isInstanceOf(MojoFailureException.class)
                .hasMessageContaining("<healthReport> (switchboard.report.health): target/health.json does not exist;"
                        + " name a health report file")
                .hasMessageNotContaining("Exception");
        assertThatThrownBy(() -> mojo.generate(null, Locale.ROOT))
                .isInstanceOf(MavenReportException.class)
                .hasMessageContaining("<healthReport> (switchboard.report.health): target/health.json does not exist");
        assertThat(dir.resolve("target/switchboard/report/index.html")).doesNotExist();
    }

    @Test
    @DisplayName("switchboard.skip leaves the report out of the site")
    void skip() throws Exception {
        ReportMojo mojo = goal();
        MojoHarness.set(mojo, "skip", true);

        assertThat(mojo.canGenerateReport()).isFalse();
    }
}
