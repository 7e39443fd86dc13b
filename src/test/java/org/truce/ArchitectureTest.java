package org.truce;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** The architecture of DESIGN.md, checked: the domain knows nothing of storage, HTTP or the CLI. */
class ArchitectureTest {
    static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("org.truce");

    @Test
    void domain_packages_do_not_depend_on_store_web_or_cli() {
        noClasses().that().resideInAnyPackage("org.truce.ledger..", "org.truce.figures..", "org.truce.bulletin..",
                        "org.truce.ingest..", "org.truce.accounts..", "org.truce.audit..", "org.truce.privacy..",
                        "org.truce.cases..", "org.truce.places..", "org.truce.accords..", "org.truce.incidents..")
                .should().dependOnClassesThat().resideInAnyPackage("org.truce.store..", "org.truce.web..",
                        "org.truce.cli..", "org.truce.app..")
                .check(CLASSES);
    }

    @Test
    void the_ledger_depends_on_no_capability() {
        noClasses().that().resideInAPackage("org.truce.ledger..")
                .should().dependOnClassesThat().resideInAnyPackage("org.truce.figures..", "org.truce.bulletin..")
                .check(CLASSES);
    }

    @Test
    void storage_adapters_do_not_know_http_or_the_cli() {
        noClasses().that().resideInAPackage("org.truce.store..")
                .should().dependOnClassesThat().resideInAnyPackage("org.truce.web..", "org.truce.cli..")
                .check(CLASSES);
    }

    @Test
    void only_the_cli_prints_and_nobody_uses_java_util_logging() {
        noClasses().that().resideOutsideOfPackage("org.truce.cli..")
                .should().accessField(System.class, "out")
                .orShould().accessField(System.class, "err")
                .check(CLASSES);
        noClasses().should().dependOnClassesThat().resideInAPackage("java.util.logging..").check(CLASSES);
    }

    @Test
    void domain_code_takes_time_from_an_injected_clock() {
        noClasses().that().resideInAnyPackage("org.truce.ledger..", "org.truce.figures..", "org.truce.bulletin..",
                        "org.truce.accounts..", "org.truce.audit..", "org.truce.privacy..", "org.truce.cases..",
                        "org.truce.places..", "org.truce.accords..", "org.truce.incidents..")
                .should().callMethod(java.time.Instant.class, "now")
                .orShould().callMethod(java.util.UUID.class, "randomUUID")
                .check(CLASSES);
    }
}
