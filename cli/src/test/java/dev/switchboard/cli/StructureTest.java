package dev.switchboard.cli;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The command line is a front end like the plugin: no Maven in it, and no package cycles. */
class StructureTest {
    private static final JavaClasses CLI = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("dev.switchboard.cli");

    @Test
    @DisplayName("the command line imports nothing of Maven, Aether or Plexus")
    void noMaven() {
        noClasses()
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage("org.apache.maven..", "org.eclipse.aether..", "org.codehaus.plexus..")
                .check(CLI);
    }

    @Test
    @DisplayName("no two packages of the command line depend on each other")
    void noPackageCycles() {
        slices().matching("dev.switchboard.cli.(*)..").should().beFreeOfCycles().check(CLI);
    }
}
