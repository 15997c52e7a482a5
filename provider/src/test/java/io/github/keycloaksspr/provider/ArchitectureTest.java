package io.github.keycloaksspr.provider;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import org.junit.jupiter.api.Test;

/**
 * The shape the code keeps: {@code core} is the hub, feature modules never use one another's classes, and no two
 * packages depend on each other. Maven's enforcer rule guards the modules' declared dependencies; this guards the
 * classes themselves.
 */
class ArchitectureTest {

    private static final String ROOT = "io.github.keycloaksspr";
    /** The feature modules' root packages. */
    private static final List<String> FEATURES = List.of("authenticators", "requiredactions", "audit", "ldap",
            "passwordpolicy", "helpdesk", "reminders");

    private static final JavaClasses SHIPPED = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages(ROOT + ".core", ROOT + ".authenticators", ROOT + ".requiredactions", ROOT + ".audit",
                    ROOT + ".ldap", ROOT + ".passwordpolicy", ROOT + ".helpdesk",
                    ROOT + ".reminders");

    /** Deliberately wrong shapes the rules must catch: a rule that matches nothing would pass as well. */
    private static final String FIXTURE = ROOT + ".provider.architecture.fixture";
    private static final JavaClasses BROKEN = new ClassFileImporter().importPackages(FIXTURE);

    @Test
    void featureModulesUseNoOtherFeatureModule() {
        for (String feature : FEATURES) {
            List<String> others = FEATURES.stream().filter(f -> !f.equals(feature)).toList();
            featureUsesNoOther(ROOT, feature, others).check(SHIPPED);
        }
    }

    @Test
    void corePackagesAreFreeOfCycles() {
        freeOfCycles(ROOT + ".core").check(SHIPPED);
    }

    @Test
    void eachFeatureModulesPackagesAreFreeOfCycles() {
        FEATURES.forEach(feature -> freeOfCycles(ROOT + "." + feature).check(SHIPPED));
    }

    @Test
    void theRulesCatchADeliberatelyWrongShape() {
        assertThat(featureUsesNoOther(FIXTURE, "alpha", List.of("beta")).evaluate(BROKEN).hasViolation())
                .as("a feature using another feature's class").isTrue();
        assertThat(freeOfCycles(FIXTURE + ".cycle").evaluate(BROKEN).hasViolation())
                .as("two packages using each other").isTrue();
        assertThat(featureUsesNoOther(FIXTURE, "beta", List.of("alpha")).evaluate(BROKEN).hasViolation())
                .as("the allowed direction").isFalse();
    }

    private static ArchRule featureUsesNoOther(String root, String feature, List<String> others) {
        return noClasses().that().resideInAPackage(root + "." + feature + "..")
                .should().dependOnClassesThat()
                .resideInAnyPackage(others.stream().map(o -> root + "." + o + "..").toArray(String[]::new))
                .because("whatever two feature modules share belongs in core");
    }

    private static ArchRule freeOfCycles(String root) {
        // A module of one package has no cycle to find.
        return slices().matching(root + ".(**)").should().beFreeOfCycles().allowEmptyShould(true);
    }
}
