package org.truce;

import static com.tngtech.archunit.core.domain.JavaClass.Predicates.belongToAnyOf;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.util.Arrays;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.truce.cases.CaseFigures;
import org.truce.figures.DatePrecision;
import org.truce.figures.DerivedReports;
import org.truce.figures.Qualifier;
import org.truce.figures.Report;
import org.truce.figures.ReportKind;

/**
 * The architecture of docs/architecture.md, checked: the domain knows nothing of storage, HTTP or the CLI; the
 * capabilities stand on the ledger, the catalog and the record only, never on each other; the
 * composition layers (bulletin, ingest, backup, app, web, cli) put them together.
 */
class ArchitectureTest {
    static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("org.truce");

    @Test
    void domain_packages_do_not_depend_on_store_web_or_cli() {
        noClasses().that().resideInAnyPackage("org.truce.ledger..", "org.truce.catalog..", "org.truce.record..",
                        "org.truce.figures..", "org.truce.bulletin..", "org.truce.ingest..", "org.truce.extract..", "org.truce.accounts..", "org.truce.audit..", "org.truce.privacy..",
                        "org.truce.cases..", "org.truce.places..", "org.truce.accords..", "org.truce.incidents..", "org.truce.witness..")
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
        noClasses().that().resideInAnyPackage("org.truce.ledger..", "org.truce.catalog..", "org.truce.record..",
                        "org.truce.figures..", "org.truce.bulletin..", "org.truce.accounts..", "org.truce.audit..", "org.truce.privacy..", "org.truce.cases..",
                        "org.truce.places..", "org.truce.accords..", "org.truce.incidents..", "org.truce.witness..")
                .should().callMethod(java.time.Instant.class, "now")
                .orShould().callMethod(java.util.UUID.class, "randomUUID")
                .check(CLASSES);
    }

    /** A mirror reads a log over HTTP as any client does; the copy's read API is the node's own, put together by the CLI. */
    @Test
    void the_mirror_knows_neither_the_web_application_nor_the_cli() {
        noClasses().that().resideInAPackage("org.truce.mirror..")
                .should().dependOnClassesThat().resideInAnyPackage("org.truce.web..", "org.truce.cli..", "org.truce.app..")
                .check(CLASSES);
    }

    @Test
    void the_top_level_packages_form_no_cycle() {
        slices().matching("org.truce.(*)..").should().beFreeOfCycles().check(CLASSES);
    }

    @Test
    void only_the_edges_speak_http_or_sql() {
        noClasses().that().resideOutsideOfPackages("org.truce.web..", "org.truce.store..", "org.truce.cli..")
                .should().dependOnClassesThat().resideInAnyPackage("io.javalin..", "java.sql..", "javax.sql..")
                .check(CLASSES);
    }

    /**
     * What every capability may use besides itself: the ledger, the catalog (and its ports) and the
     * shared record types; the JDK; and the libraries made for the job.
     */
    static final String[] SHARED = {"org.truce.ledger..", "org.truce.catalog..", "org.truce.record..",
            "java..", "com.fasterxml.jackson..", "org.locationtech.jts..", "net.sf.geographiclib..", "com.ibm.icu..",
            "org.slf4j.."};

    private static String[] shared(String... more) {
        return Stream.concat(Arrays.stream(SHARED), Arrays.stream(more)).toArray(String[]::new);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"figures", "places", "incidents", "accords"})
    void a_capability_depends_only_on_the_ledger_the_catalog_and_the_record(String capability) {
        classes().that().resideInAPackage("org.truce." + capability + "..")
                .should().onlyDependOnClassesThat().resideInAnyPackage(shared("org.truce." + capability + ".."))
                .check(CLASSES);
    }

    /**
     * Cases, with two named exceptions. Personal data is sealed with {@code org.truce.privacy}'s data
     * keys, a service of no capability (AES-GCM, crypto-shredding). And case records count as public
     * figures in the recording body's name: {@link CaseFigures} files them as figures' own increment
     * {@link Report}s through {@link DerivedReports}, so they follow the as-of and known-at rules of
     * every figure; a neutral copy of the report type for it would be a second name for one idea.
     * Nothing else in cases may know figures.
     */
    @Test
    void cases_depend_only_on_the_ledger_the_catalog_the_record_and_privacy_and_count_through_figures_reports() {
        classes().that().resideInAPackage("org.truce.cases..").and().doNotBelongToAnyOf(CaseFigures.class)
                .should().onlyDependOnClassesThat().resideInAnyPackage(shared("org.truce.cases..", "org.truce.privacy.."))
                .check(CLASSES);
        classes().that().belongToAnyOf(CaseFigures.class)
                .should().onlyDependOnClassesThat(resideInAnyPackage(shared("org.truce.cases.."))
                        .or(belongToAnyOf(DerivedReports.class, Report.class, ReportKind.class, Qualifier.class, DatePrecision.class)))
                .check(CLASSES);
    }

    @Test
    void the_ledger_the_catalog_and_the_record_depend_on_no_capability_nor_composition_layer() {
        noClasses().that().resideInAnyPackage("org.truce.ledger..", "org.truce.catalog..", "org.truce.record..")
                .should().dependOnClassesThat().resideInAnyPackage("org.truce.figures..", "org.truce.places..",
                        "org.truce.incidents..", "org.truce.accords..", "org.truce.cases..", "org.truce.privacy..",
                        "org.truce.bulletin..", "org.truce.ingest..", "org.truce.backup..", "org.truce.accounts..",
                        "org.truce.audit..", "org.truce.feedback..", "org.truce.store..", "org.truce.web..",
                        "org.truce.app..", "org.truce.cli..")
                .check(CLASSES);
    }

    /**
     * One rule for both directions of {@code partOf} ({@link org.truce.catalog.PartOf}, built by
     * {@link org.truce.catalog.Catalog#bodies}): nobody else walks the tree. Reading, writing and
     * checking a declaration (a source names a declared parent) read the field, and walk nothing.
     */
    @Test
    void only_the_catalog_walks_the_part_of_tree() {
        noClasses().that(com.tngtech.archunit.base.DescribedPredicate.not(belongToAnyOf(org.truce.catalog.Source.class, org.truce.catalog.Catalog.class,
                        org.truce.figures.FactReader.class, org.truce.figures.FactWriter.class, org.truce.figures.FactRules.class)))
                .should().accessTargetWhere(com.tngtech.archunit.base.DescribedPredicate.describe("Source.partOf()",
                        t -> t.getTargetOwner().isEquivalentTo(org.truce.catalog.Source.class) && t.getName().equals("partOf")))
                .check(CLASSES);
    }
}
