package dev.switchboard.runtime;

import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaPackage;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.library.dependencies.SliceAssignment;
import com.tngtech.archunit.library.dependencies.SliceIdentifier;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The package rules of the house style, checked on the compiled runtime so that they stay true. */
class PackageStructureTest {
    private static final String ROOT = "dev.switchboard.runtime";

    private static JavaClasses runtime;

    @BeforeAll
    static void importRuntime() {
        runtime = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages(ROOT);
    }

    /**
     * Every package is its own slice, the root package included: a pattern such as {@code
     * dev.switchboard.runtime.(*)..} would leave the root package out, and two of its cycles went through
     * it.
     */
    private static ArchRule noCyclesBetweenPackagesOf(String root) {
        SliceAssignment byPackage = new SliceAssignment() {
            @Override
            public SliceIdentifier getIdentifierOf(JavaClass javaClass) {
                String name = javaClass.getPackageName();
                return name.equals(root) || name.startsWith(root + ".")
                        ? SliceIdentifier.of(name)
                        : SliceIdentifier.ignore();
            }

            @Override
            public String getDescription() {
                return "the packages of " + root;
            }
        };
        return slices().assignedFrom(byPackage).should().beFreeOfCycles();
    }

    /** The packages under {@code root} that hold classes but no {@code package-info.java}. */
    private static Set<String> packagesWithoutInfo(JavaClasses classes, String root) {
        Set<String> missing = new TreeSet<>();
        for (JavaClass javaClass : classes) {
            JavaPackage javaPackage = javaClass.getPackage();
            if (javaPackage.getName().startsWith(root)
                    && javaPackage.tryGetPackageInfo().isEmpty()) {
                missing.add(javaPackage.getName());
            }
        }
        return missing;
    }

    @Test
    @DisplayName("no package of the runtime depends, directly or through others, on a package that depends on it")
    void noPackageCycles() {
        noCyclesBetweenPackagesOf(ROOT).check(runtime);
    }

    @Test
    @DisplayName("every package of the runtime has a package-info.java saying what belongs there")
    void everyPackageHasPackageInfo() {
        assertThat(packagesWithoutInfo(runtime, ROOT))
                .as("packages without a package-info.java; add one that says what belongs in the package")
                .isEmpty();
        assertThat(runtime.getPackage(ROOT).getSubpackages())
                .as("the import found the runtime's packages")
                .hasSizeGreaterThan(5);
    }

    @Test
    @DisplayName(
            "both rules fail on two packages that use each other and have no package-info, so passing means something")
    void theRulesCatchACycleAndAMissingPackageInfo() {
        String fixtures = "dev.switchboard.runtime.testing.cycle";
        JavaClasses cyclic = new ClassFileImporter().importPackages(fixtures);

        assertThatThrownBy(() -> noCyclesBetweenPackagesOf(fixtures).check(cyclic))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("Cycle detected")
                .hasMessageContaining(fixtures + ".a")
                .hasMessageContaining(fixtures + ".b");
        assertThat(packagesWithoutInfo(cyclic, fixtures)).containsExactly(fixtures + ".a", fixtures + ".b");
    }
}
