package dev.switchboard.core;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The engine's shape, kept by a test: packages without cycles, each documented, and no Maven in it. */
class StructureTest {
    private static final JavaClasses CORE = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("dev.switchboard.core");

    @Test
    @DisplayName("no two packages of the engine depend on each other, directly or around a cycle")
    void noPackageCycles() {
        slices().matching("dev.switchboard.core.(*)..")
                .should()
                .beFreeOfCycles()
                .check(CORE);
    }

    @Test
    @DisplayName("the engine imports nothing of Maven, Aether or Plexus: those belong to the plugin")
    void noMavenInTheEngine() {
        noClasses()
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage("org.apache.maven..", "org.eclipse.aether..", "org.codehaus.plexus..")
                .check(CORE);
    }

    @Test
    @DisplayName("every package of the engine has a package-info.java saying what belongs there")
    void everyPackageDocumented() {
        Set<String> packages = new TreeSet<>();
        Set<String> documented = new TreeSet<>();
        for (JavaClass c : CORE) {
            packages.add(c.getPackageName());
            if (c.getSimpleName().equals("package-info")) {
                documented.add(c.getPackageName());
            }
        }
        assertThat(packages).isNotEmpty();
        assertThat(documented).as("packages with a package-info.java").containsAll(packages);
    }
}
