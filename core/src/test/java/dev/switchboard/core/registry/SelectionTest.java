package dev.switchboard.core.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.switchboard.core.aws.AwsCatalogue;
import dev.switchboard.core.diag.InputException;
import dev.switchboard.runtime.registry.ServiceEntry;
import dev.switchboard.runtime.registry.ServiceKind;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class SelectionTest {
    private static final AwsCatalogue CATALOGUE = AwsCatalogue.bundled();
    private final List<ServiceEntry> registry = List.of(
            ServiceEntry.builder("dynamodb", ServiceKind.AWS).group("database").build(),
            ServiceEntry.builder("ec2", ServiceKind.AWS).group("compute").build(),
            ServiceEntry.builder("s3", ServiceKind.AWS).group("storage").build(),
            ServiceEntry.builder("user", ServiceKind.GRPC).group("identity").build());

    private static List<String> names(List<ServiceEntry> services) {
        return services.stream().map(ServiceEntry::name).toList();
    }

    @Test
    @DisplayName("with no property set every service is selected")
    void selectsAllByDefault() throws Exception {
        Selection selection = Selection.of(null, Map.of("other.property", "x"));

        assertThat(selection.isAll()).isTrue();
        assertThat(names(selection.apply(registry, CATALOGUE, new ArrayList<>())))
                .hasSize(4);
    }

    @Test
    @DisplayName("groups alone select every service of the groups switched on")
    void groupsAlone() throws Exception {
        Selection selection =
                Selection.of(null, Map.of("switchboard.group.compute", "true", "switchboard.group.storage", "true"));

        assertThat(names(selection.apply(registry, CATALOGUE, new ArrayList<>())))
                .containsExactly("ec2", "s3");
        assertThat(selection.describe()).isEqualTo("switchboard.group.compute=true, switchboard.group.storage=true");
    }

    @Test
    @DisplayName("names given with groups narrow them: only the named services, each within a group switched on")
    void namesNarrowGroups() throws Exception {
        Selection selection = Selection.of(
                " ec2 ,",
                Map.of(
                        "switchboard.group.compute", "true",
                        "switchboard.group.storage", "true",
                        "switchboard.group.database", "false"));

        assertThat(names(selection.apply(registry, CATALOGUE, new ArrayList<>())))
                .containsExactly("ec2");
        assertThat(selection.describe())
                .isEqualTo("switchboard.services=ec2 within switchboard.group.compute=true,"
                        + " switchboard.group.storage=true");
    }

    @Test
    @DisplayName("a name outside the groups switched on is an error naming its group and both ways out")
    void nameOutsideTheGroups() {
        Selection selection = Selection.of("ec2,user", Map.of("switchboard.group.compute", "true"));

        assertThatThrownBy(() -> selection.apply(registry, CATALOGUE, new ArrayList<>()))
                .isInstanceOfSatisfying(
                        InputException.class,
                        e -> assertThat(e.problems())
                                .singleElement()
                                .hasToString(
                                        "switchboard.services: \"user\" is in group \"identity\", which is not switched on"
                                                + " (switched on: compute); with groups switched on, switchboard.services picks services"
                                                + " within them; switch its group on as well (-Pidentity or"
                                                + " -Dswitchboard.group.identity=true), or leave it out of switchboard.services"));
    }

    @Test
    @DisplayName("a service in no group is left out by a selection by name, not a failure")
    void serviceWithoutGroup() throws Exception {
        List<ServiceEntry> withUngrouped = new ArrayList<>(registry);
        withUngrouped.add(ServiceEntry.builder("catalog", ServiceKind.GRPC).build());

        assertThat(names(Selection.of("s3", Map.of()).apply(withUngrouped, CATALOGUE, new ArrayList<>())))
                .containsExactly("s3");
    }

    @Test
    @DisplayName("a catalogued service whose module is missing gets the exact versionless <dependency> to add")
    void missingModuleGetsTheDependency() {
        Selection selection = Selection.of("s3,lambda", Map.of());

        assertThatThrownBy(() -> selection.apply(registry, CATALOGUE, new ArrayList<>()))
                .isInstanceOf(InputException.class)
                .hasMessageContaining("\"lambda\" is an AWS service whose SDK module is not on the classpath")
                .hasMessageContaining("<dependency>\n      <groupId>software.amazon.awssdk</groupId>\n"
                        + "      <artifactId>lambda</artifactId>\n    </dependency>")
                .hasMessageNotContaining("<version>");
    }

    @Test
    @DisplayName("an unknown name is an error listing the nearest known names; all such names are reported together")
    void unknownNamesGetSuggestions() {
        Selection selection = Selection.of("dynamdb,s4", Map.of());

        assertThatThrownBy(() -> selection.apply(registry, CATALOGUE, new ArrayList<>()))
                .isInstanceOfSatisfying(
                        InputException.class,
                        e -> assertThat(e.problems())
                                .extracting(Object::toString)
                                .anySatisfy(p ->
                                        assertThat(p).contains("\"dynamdb\"").contains("nearest: dynamodb"))
                                .anySatisfy(
                                        p -> assertThat(p).contains("\"s4\"").contains("s3")));
    }

    @Test
    @DisplayName("a group flag that selects nothing is a warning, not an error")
    void emptyGroupWarns() throws Exception {
        List<String> notes = new ArrayList<>();

        List<ServiceEntry> selected =
                Selection.of(null, Map.of("switchboard.group.ml", "true")).apply(registry, CATALOGUE, notes);

        assertThat(selected).isEmpty();
        assertThat(notes).singleElement().asString().contains("switchboard.group.ml=true selects no service");
    }
}
