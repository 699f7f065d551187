package dev.switchboard.zookeeper;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class StructureTest {
    private static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("dev.switchboard.runtime", "dev.switchboard.zookeeper");

    @Test
    @DisplayName("The runtime names no Curator or ZooKeeper type: it finds the follower by service name only")
    void runtimeStaysFreeOfCurator() {
        noClasses()
                .that()
                .resideInAPackage("dev.switchboard.runtime..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage("org.apache.curator..", "org.apache.zookeeper..", "dev.switchboard.zookeeper..")
                .check(CLASSES);
    }
}
