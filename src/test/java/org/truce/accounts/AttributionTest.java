package org.truce.accounts;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.truce.accounts.Attribution.Speakers;
import org.truce.catalog.PartOf;
import org.truce.record.Voice;

/**
 * The in-whose-name rule without a node: every row of the hand-written authorisation matrix
 * ({@code authz/matrix.txt}) whose body speaks in a body's name, for every caller who holds the
 * route's role, must be allowed by {@link Attribution} exactly when the matrix answers 2xx.
 */
class AttributionTest {
    /** The demo catalog's partOf tree, as far as the matrix's callers and bodies reach. */
    private static final Map<String, String> PART_OF = Map.of("anama", "az-government", "ru-peacekeepers", "ru-defence-ministry",
            "ru-defence-ministry", "ru-government");
    private static final Attribution RULE = new Attribution(new PartOf(PART_OF::get), id -> Optional.empty(),
            org -> Optional.of(org.equals("jmc") ? "ru-tr-joint-monitoring-centre" : org));

    /** Each caller of the matrix: organisation, its body, its one role (AuthorizationMatrixTest.callers). */
    private static final Map<String, Principal> CALLERS = Map.of(
            "reporterA", principal("anama", "anama", Role.REPORTER),
            "reporterB", principal("icrc", "icrc", Role.REPORTER),
            "transcriber", principal("unhcr", "unhcr", Role.TRANSCRIBER),
            "verifier", principal("jmc", "ru-tr-joint-monitoring-centre", Role.VERIFIER),
            "analyst", principal("unhcr", "unhcr", Role.ANALYST),
            "secretariat", principal("jmc", "ru-tr-joint-monitoring-centre", Role.SECRETARIAT),
            "custodianA", principal("anama", "anama", Role.CUSTODIAN),
            "custodianB", principal("icrc", "icrc", Role.CUSTODIAN),
            "admin", principal("az-government", "az-government", Role.ADMIN));

    private record Route(Speakers speakers, Set<Role> access, Voice fixture) {}

    /** The write routes whose fixture speaks in anama's name, their rule, the roles their access rule admits, and what the fixture cites. */
    private static final Map<String, Route> ROUTES = Map.of(
            "POST /api/v1/reports", reporting(Speakers.REPORTERS),
            "POST /api/v1/geometries", reporting(Speakers.REPORTERS),
            "POST /api/v1/statuses", reporting(Speakers.REPORTERS),
            "POST /api/v1/incidents", reporting(Speakers.REPORTERS),
            "POST /api/v1/claims", reporting(Speakers.REPORTERS),
            "POST /api/v1/nil-reports", reporting(Speakers.REPORTERS),
            "POST /api/v1/assessments", new Route(Speakers.REPORTERS_OR_SECRETARIAT, Set.of(Role.REPORTER, Role.TRANSCRIBER),
                    new Voice("anama", "/assessor", true, "/evidence/document", null, null)),
            "POST /api/v1/remit-claims", reporting(Speakers.REPORTERS_OR_SECRETARIAT),
            "POST /api/v1/cases", new Route(Speakers.REPORTERS_ONLY, Set.of(Role.REPORTER),
                    new Voice("anama", "/source", false, "/document", null, null)));

    private static Route reporting(Speakers who) {
        return new Route(who, Set.of(Role.REPORTER, Role.TRANSCRIBER), new Voice("anama", "/source", true, "/document", null, null));
    }

    private static Principal principal(String org, String source, Role role) {
        return new Principal("u-" + role.name().toLowerCase(java.util.Locale.ROOT), org, source, Set.of(new Grant(role, org)), "token");
    }

    @Test
    void every_matrix_row_that_speaks_in_a_bodys_name_agrees_with_the_rule() throws IOException {
        List<String> checked = new ArrayList<>();
        List<String> disagreements = new ArrayList<>();
        for (String line : matrix()) {
            String[] parts = line.split("\\|");
            String route = parts[0].trim().replaceAll("\\s+", " ");
            Route r = ROUTES.get(route);
            if (r == null) continue;
            String[] answers = parts[2].trim().split("\\s+");
            List<String> callers = List.of("anon", "reporterA", "reporterB", "transcriber", "verifier", "analyst", "secretariat",
                    "custodianA", "custodianB", "admin");
            for (int i = 1; i < callers.size(); i++) {
                Principal p = CALLERS.get(callers.get(i));
                if (p.grants().stream().noneMatch(g -> r.access().contains(g.role()))) continue; // the route's access rule answers
                boolean allowed = RULE.check(p, r.speakers(), r.fixture()).isEmpty();
                boolean expected = answers[i].startsWith("2");
                checked.add(route + " as " + callers.get(i));
                if (allowed != expected) disagreements.add(route + " as " + callers.get(i) + ": matrix " + answers[i] + ", rule " + allowed);
            }
        }
        assertThat(disagreements).isEmpty();
        // reporterA, reporterB and the transcriber on eight routes; the two reporters on cases: every row was found
        assertThat(checked).hasSize(8 * 3 + 2);
    }

    private static List<String> matrix() throws IOException {
        try (InputStream in = AttributionTest.class.getResourceAsStream("/authz/matrix.txt")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines()
                    .filter(l -> !l.startsWith("#") && !l.isBlank()).toList();
        }
    }

    @Test
    void a_reporter_speaks_for_its_body_and_the_bodies_part_of_it_never_for_its_parent() {
        Principal az = principal("az-government", "az-government", Role.REPORTER);
        Principal anama = principal("anama", "anama", Role.REPORTER);
        Voice forAnama = new Voice("anama", "/source", false, "/document", null, null);
        Voice forAz = new Voice("az-government", "/source", false, "/document", null, null);
        assertThat(RULE.check(az, Speakers.REPORTERS, forAnama)).isEmpty();
        assertThat(RULE.check(anama, Speakers.REPORTERS, forAz)).singleElement()
                .satisfies(v -> assertThat(v.pointer()).isEqualTo("/source"));
    }

    @Test
    void a_transcriber_cites_the_document_and_replaces_only_its_own_organisations_records() {
        Attribution rule = new Attribution(new PartOf(PART_OF::get), id -> Optional.of(id.equals("mine") ? "unhcr" : "icrc"), Optional::of);
        Principal desk = principal("unhcr", "unhcr", Role.TRANSCRIBER);
        assertThat(rule.check(desk, Speakers.REPORTERS, new Voice("anama", "/source", false, "/document", null, null)))
                .extracting(org.truce.record.Violation::pointer).containsExactly("/document");
        assertThat(rule.check(desk, Speakers.REPORTERS, new Voice("anama", "/source", true, "/document", "mine", "/corrects"))).isEmpty();
        assertThat(rule.check(desk, Speakers.REPORTERS, new Voice("anama", "/source", true, "/document", "theirs", "/corrects")))
                .extracting(org.truce.record.Violation::pointer).containsExactly("/corrects");
        assertThat(rule.check(desk, Speakers.REPORTERS_ONLY, new Voice("anama", "/source", true, "/document", null, null)))
                .extracting(org.truce.record.Violation::pointer).containsExactly("/source");
    }

    @Test
    void related_bodies_are_related_in_both_directions_of_part_of() {
        PartOf tree = new PartOf(PART_OF::get);
        assertThat(tree.related("ru-peacekeepers", "ru-defence-ministry")).isTrue();
        assertThat(tree.related("ru-defence-ministry", "ru-peacekeepers")).isTrue();
        assertThat(tree.related("ru-government", "ru-peacekeepers")).isTrue();
        assertThat(tree.related("anama", "ru-peacekeepers")).isFalse();
        assertThat(tree.within("ru-peacekeepers", "ru-defence-ministry")).isFalse();
    }
}
