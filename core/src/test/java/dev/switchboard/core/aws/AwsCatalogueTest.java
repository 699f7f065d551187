package dev.switchboard.core.aws;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.core.testing.TestClasspath;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class AwsCatalogueTest {
    private final AwsCatalogue catalogue = AwsCatalogue.bundled();

    @Test
    @DisplayName("the catalogue describes the SDK version the plugin is built against")
    void recordsTheBuildsSdkVersion() {
        assertThat(catalogue.sdkVersion()).isEqualTo(System.getProperty("switchboard.awsSdkVersion"));
    }

    @Test
    @DisplayName("every artifact of that SDK BOM appears exactly once: a service module, async-only, unread, or other")
    void coversTheWholeBom() throws Exception {
        String bom = Files.readString(Path.of(System.getProperty("switchboard.awsSdkBom")));
        Matcher m = Pattern.compile("<groupId>software\\.amazon\\.awssdk</groupId>\\s*<artifactId>([^<]+)</artifactId>")
                .matcher(bom.substring(bom.indexOf("<dependencyManagement>")));
        List<String> bomArtifacts = new ArrayList<>();
        while (m.find()) {
            bomArtifacts.add(m.group(1));
        }
        List<String> catalogued = new ArrayList<>();
        catalogue.modules().forEach(module -> catalogued.add(module.artifactId()));
        catalogued.addAll(catalogue.asyncOnlyModules());
        catalogued.addAll(catalogue.unreadModules());
        catalogued.addAll(catalogue.otherModules());

        assertThat(bomArtifacts).hasSizeGreaterThan(400);
        assertThat(catalogued).doesNotHaveDuplicates().containsExactlyInAnyOrderElementsOf(bomArtifacts);
        assertThat(catalogue.modules()).hasSizeGreaterThan(350);
    }

    @Test
    @DisplayName("modules sit in the groups the design names, and every group is one of the twelve")
    void groupsModules() {
        Map<String, String> groups = catalogue.modules().stream()
                .collect(Collectors.toMap(AwsCatalogue.Module::artifactId, AwsCatalogue.Module::group));

        assertThat(groups)
                .containsEntry("sts", "core")
                .containsEntry("iam", "core")
                .containsEntry("kms", "core")
                .containsEntry("ec2", "compute")
                .containsEntry("lambda", "compute")
                .containsEntry("s3", "storage")
                .containsEntry("glacier", "storage")
                .containsEntry("dynamodb", "database")
                .containsEntry("rds", "database")
                .containsEntry("sqs", "messaging")
                .containsEntry("sfn", "messaging")
                .containsEntry("sagemaker", "ml")
                .containsEntry("sagemakerruntime", "ml");
        assertThat(groups.values()).allMatch(catalogue.groups()::contains);
        assertThat(catalogue.groups()).hasSize(12);
        assertThat(groups.values().stream().filter("core"::equals).count()).isLessThan(15);
    }

    @Test
    @DisplayName("the catalogue agrees with discovery on the real SDK jars of the test classpath")
    void agreesWithDiscovery() throws Exception {
        Map<String, AwsCatalogue.Module> byName = catalogue.modulesByServiceName();

        for (AwsService service :
                new AwsClientScanner().scan(TestClasspath.jars()).services()) {
            AwsCatalogue.Client client = byName.get(service.name()).clients().stream()
                    .filter(c -> c.name().equals(service.name()))
                    .findFirst()
                    .orElseThrow();
            assertThat(client.clientClass())
                    .as(service.name())
                    .isEqualTo(service.client().className());
            assertThat(client.serviceMetadataId())
                    .as(service.name())
                    .isEqualTo(service.client().serviceMetadataId());
            assertThat(client.global()).as(service.name()).isEqualTo(service.global());
        }
        assertThat(byName.get("dynamodb-streams").artifactId()).isEqualTo("dynamodb");
    }
}
