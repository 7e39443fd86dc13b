package org.truce.web;

import org.truce.record.Outcome;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.truce.accounts.Role;
import org.truce.record.Violation;
import org.truce.record.Actor;
import org.truce.incidents.IncidentFact;
import org.truce.support.BodySigner;
import org.truce.support.DemoNodeExtension;
import org.truce.support.TestNode;

/** Ceasefire incidents over real HTTP on the demo dataset. */
@ExtendWith(DemoNodeExtension.class)
class IncidentsApiTest {
    static final String A = "1c1de000-0000-4000-8000-000000000001";
    static final String B = "1c1de000-0000-4000-8000-000000000002";
    static final String C = "1c1de000-0000-4000-8000-000000000003";
    static final String JMC = "ru-tr-joint-monitoring-centre";
    TestNode node;

    static String allegation(String id, String source) {
        return "{\"id\":\"" + id + "\",\"source\":\"" + source + "\",\"date\":\"2021-03-01\",\"time\":\"08:15+04:00\","
                + "\"timePrecision\":\"exact\",\"location\":{\"lon\":46.9,\"lat\":39.85},\"geoPrecision\":\"exact\","
                + "\"eventType\":\"Explosions/Remote violence\",\"subEventType\":\"Shelling/artillery/missile attack\","
                + "\"counts\":{\"explosions\":2},\"actor1\":\"Unit X\",\"actor2\":null,\"account\":\"Two explosions were heard.\"}";
    }

    static String step(String id, String incident, String step, String extra) {
        return "{\"id\":\"" + id + "\",\"incident\":\"" + incident + "\",\"step\":\"" + step + "\",\"date\":\"2021-03-02\"" + extra + "}";
    }

    static String uuid(int n) {
        return String.format("00000000-0000-4000-8000-%012d", n);
    }

    @Test
    void an_allegation_in_a_signing_bodys_name_says_who_stands_behind_it_on_the_api_and_the_page() throws Exception {
        String az = "az-government";
        BodySigner signer = new BodySigner(az);
        assertThat(signer.register(node).status()).isEqualTo(201);
        String azRep = node.account(az, az, "az-rep", Role.REPORTER);
        var signed = signer.post(node, "/api/v1/incidents", (com.fasterxml.jackson.databind.node.ObjectNode) TestNode.JSON.readTree(
                allegation(uuid(1), az)), azRep);
        assertThat(signed.status()).as(signed.body()).isEqualTo(201);
        String amRep = node.account("am-government", "am-government", "am-rep", Role.REPORTER);
        assertThat(node.post("/api/v1/incidents", allegation(uuid(2), "am-government"), amRep).status()).isEqualTo(201);
        String nil = "{\"id\":\"" + uuid(3) + "\",\"source\":\"" + az + "\",\"zone\":\"zone-nkao-1988\",\"from\":\"2021-03-01\",\"to\":\"2021-03-01\"}";
        assertThat(signer.post(node, "/api/v1/nil-reports", (com.fasterxml.jackson.databind.node.ObjectNode) TestNode.JSON.readTree(nil), azRep)
                .status()).isEqualTo(201);

        assertThat(node.get("/api/v1/incidents/" + uuid(1)).json().at("/allegations/0/signature").asText()).isEqualTo("signed");
        assertThat(node.get("/api/v1/incidents/" + uuid(2)).json().at("/allegations/0/signature").asText()).isEqualTo("unsigned");
        String page = node.get("/incidents?date=2021-03-01&lang=en").body();
        String signedArticle = page.substring(page.indexOf("id=\"incident-" + uuid(1) + "\""));
        signedArticle = signedArticle.substring(0, signedArticle.indexOf("</article>"));
        assertThat(signedArticle).contains("<p class=\"signature\">Signed by the body itself with its own key</p>");
        String unsigned = page.substring(page.indexOf("id=\"incident-" + uuid(2) + "\""));
        assertThat(unsigned.substring(0, unsigned.indexOf("</article>"))).doesNotContain("class=\"signature\"");
        String nils = page.substring(page.indexOf("class=\"nil-reports\""));
        assertThat(nils).contains("<p class=\"signature\">Signed by the body itself with its own key</p>");
        assertThat(node.get("/incidents?date=2021-03-01&lang=de").body()).contains("Von der Stelle selbst mit ihrem eigenen Schlüssel signiert");
    }

    @Test
    void steps_follow_the_workflow_in_order_one_at_a_time() {
        String reporter = node.account("am-government", "am-government", "am-rep", Role.REPORTER);
        String verifier = node.account("jmc", JMC, "jmc-ver", Role.VERIFIER);
        assertThat(node.post("/api/v1/incidents", allegation(uuid(1), "am-government"), reporter).status()).isEqualTo(201);

        var early = node.post("/api/v1/incident-steps", step(uuid(2), uuid(1), "preliminary_review", ""), verifier);
        assertThat(early.status()).isEqualTo(422);
        assertThat(early.json().at("/errors/0/pointer").asText()).isEqualTo("/step");
        assertThat(early.json().at("/errors/0/detail").asText()).contains("must be received now");

        assertThat(node.post("/api/v1/incident-steps", step(uuid(3), uuid(1), "received", ""), verifier).status()).isEqualTo(201);
        assertThat(node.post("/api/v1/incident-steps", step(uuid(4), uuid(1), "received", ""), verifier).status()).isEqualTo(422);
        assertThat(node.post("/api/v1/incident-steps", step(uuid(5), uuid(1), "preliminary_review", ""), verifier).status()).isEqualTo(201);
        var skipping = node.post("/api/v1/incident-steps", step(uuid(6), uuid(1), "finding", ",\"finding\":\"confirmed\""), verifier);
        assertThat(skipping.status()).isEqualTo(422);
        assertThat(skipping.json().at("/errors/0/detail").asText()).contains("must be monitoring_team_report now");
        var noResult = node.post("/api/v1/incident-steps", step(uuid(7), uuid(1), "finding", ""), verifier);
        assertThat(noResult.json().at("/errors/0/pointer").asText()).isEqualTo("/finding");

        // several steps in one request are checked in order, all or nothing
        String both = "[" + step(uuid(8), uuid(1), "monitoring_team_report", "") + ","
                + step(uuid(9), uuid(1), "finding", ",\"finding\":\"not_confirmed\"") + "]";
        assertThat(node.post("/api/v1/incident-steps", both, verifier).status()).isEqualTo(200);
        JsonNode incident = node.get("/api/v1/incidents/" + uuid(1)).json();
        assertThat(incident.get("status").asText()).isEqualTo("not_confirmed");
        assertThat(incident.get("step").asText()).isEqualTo("finding");
        assertThat(incident.get("steps")).hasSize(4);
        assertThat(incident.at("/steps/0/author").asText()).isEqualTo("jmc"); // the organisation: the account stays in the private trail
        assertThat(incident.at("/steps/3/source").asText()).isEqualTo(JMC);
    }

    @Test
    void an_incident_is_unverified_until_a_finding_exists() {
        String reporter = node.account("am-government", "am-government", "am-rep", Role.REPORTER);
        node.post("/api/v1/incidents", allegation(uuid(1), "am-government"), reporter);
        assertThat(node.get("/api/v1/incidents/" + uuid(1)).json().get("status").asText()).isEqualTo("unverified");
        assertThat(node.get("/api/v1/incidents/" + C).json().get("status").asText()).isEqualTo("confirmed");
    }

    @Test
    void a_verifier_cannot_record_a_finding_on_an_incident_its_own_organisation_alleged() {
        String reporter = node.account("jmc", JMC, "jmc-rep", Role.REPORTER);
        String ownVerifier = node.account("jmc", JMC, "jmc-ver", Role.VERIFIER);
        assertThat(node.post("/api/v1/incidents", allegation(uuid(1), JMC), reporter).status()).isEqualTo(201);
        for (String s : List.of("received", "preliminary_review", "monitoring_team_report")) {
            assertThat(node.post("/api/v1/incident-steps", step(uuid(10 + s.length()), uuid(1), s, ""), ownVerifier).status()).isEqualTo(201);
        }
        long size = node.truce.ledger().size();
        var refused = node.post("/api/v1/incident-steps", step(uuid(30), uuid(1), "finding", ",\"finding\":\"confirmed\""), ownVerifier);
        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.json().at("/errors/0/pointer").asText()).isEqualTo("/incident");
        assertThat(refused.json().at("/errors/0/detail").asText()).contains("alleged by your own organisation");
        assertThat(node.truce.ledger().size()).isEqualTo(size);
        assertThat(node.get("/api/v1/incidents/" + uuid(1)).json().get("status").asText()).isEqualTo("unverified");

        String otherVerifier = node.account("ru-peacekeepers", "ru-peacekeepers", "pk-ver", Role.VERIFIER);
        assertThat(node.post("/api/v1/incident-steps", step(uuid(31), uuid(1), "finding", ",\"finding\":\"confirmed\""), otherVerifier).status())
                .isEqualTo(201);
    }

    @Test
    void the_own_organisation_rule_covers_bodies_part_of_the_verifiers_source() {
        // an allegation in the name of a body part of ru-defence-ministry, transcribed by another organisation
        String transcriber = node.account("unhcr", "unhcr", "un-tr", Role.TRANSCRIBER);
        String body = allegation(uuid(1), "ru-peacekeepers").replace("\"counts\"",
                "\"document\":{\"publisher\":\"Example outlet\"},\"counts\"");
        assertThat(node.post("/api/v1/incidents", body, transcriber).status()).isEqualTo(201);
        String ministryVerifier = node.account("ru-mod", "ru-defence-ministry", "mod-ver", Role.VERIFIER);
        String steps = "[" + step(uuid(2), uuid(1), "received", "") + "," + step(uuid(3), uuid(1), "preliminary_review", "") + ","
                + step(uuid(4), uuid(1), "monitoring_team_report", "") + "," + step(uuid(5), uuid(1), "finding", ",\"finding\":\"inconclusive\"") + "]";
        var refused = node.post("/api/v1/incident-steps", steps, ministryVerifier);
        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.json().at("/errors/0/pointer").asText()).isEqualTo("/3/incident");
        assertThat(node.get("/api/v1/incidents/" + uuid(1)).json().get("steps")).isEmpty();
    }

    @Test
    void a_link_that_would_put_a_finding_on_an_allegation_of_the_finders_own_organisation_is_refused_and_writes_nothing() {
        String amReporter = node.account("am-government", "am-government", "am-rep", Role.REPORTER);
        String jmcReporter = node.account("jmc", JMC, "jmc-rep", Role.REPORTER);
        String jmcVerifier = node.account("jmc", JMC, "jmc-ver", Role.VERIFIER);
        assertThat(node.post("/api/v1/incidents", allegation(uuid(1), "am-government"), amReporter).status()).isEqualTo(201);
        String steps = "[" + step(uuid(2), uuid(1), "received", "") + "," + step(uuid(3), uuid(1), "preliminary_review", "") + ","
                + step(uuid(4), uuid(1), "monitoring_team_report", "") + "," + step(uuid(5), uuid(1), "finding", ",\"finding\":\"confirmed\"") + "]";
        assertThat(node.post("/api/v1/incident-steps", steps, jmcVerifier).status()).isEqualTo(200);
        assertThat(node.post("/api/v1/incidents", allegation(uuid(6), JMC), jmcReporter).status()).isEqualTo(201);

        long size = node.truce.ledger().size();
        String link = "{\"id\":\"" + uuid(7) + "\",\"allegation\":\"" + uuid(6) + "\",\"incident\":\"" + uuid(1) + "\"}";
        var refused = node.post("/api/v1/incident-links", link, jmcVerifier);
        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.json().at("/errors/0/pointer").asText()).isEqualTo("/allegation");
        assertThat(refused.json().at("/errors/0/detail").asText()).contains("recorded the finding on incident " + uuid(1))
                .contains("its own organisation's allegation");
        assertThat(node.truce.ledger().size()).isEqualTo(size);
        assertThat(node.get("/api/v1/incidents/" + uuid(1)).json().get("allegations")).hasSize(1);
    }

    @Test
    void once_allegations_are_linked_a_verifier_cannot_record_a_finding_if_any_of_them_is_its_own_organisations() {
        String amReporter = node.account("am-government", "am-government", "am-rep", Role.REPORTER);
        String jmcReporter = node.account("jmc", JMC, "jmc-rep", Role.REPORTER);
        String jmcVerifier = node.account("jmc", JMC, "jmc-ver", Role.VERIFIER);
        assertThat(node.post("/api/v1/incidents", allegation(uuid(1), "am-government"), amReporter).status()).isEqualTo(201);
        assertThat(node.post("/api/v1/incidents", allegation(uuid(2), JMC), jmcReporter).status()).isEqualTo(201);
        String steps = "[" + step(uuid(3), uuid(1), "received", "") + "," + step(uuid(4), uuid(1), "preliminary_review", "") + ","
                + step(uuid(5), uuid(1), "monitoring_team_report", "") + "]";
        assertThat(node.post("/api/v1/incident-steps", steps, jmcVerifier).status()).isEqualTo(200);
        String link = "{\"id\":\"" + uuid(6) + "\",\"allegation\":\"" + uuid(2) + "\",\"incident\":\"" + uuid(1) + "\"}";
        assertThat(node.post("/api/v1/incident-links", link, jmcVerifier).status()).isEqualTo(201);

        long size = node.truce.ledger().size();
        var refused = node.post("/api/v1/incident-steps", step(uuid(7), uuid(1), "finding", ",\"finding\":\"confirmed\""), jmcVerifier);
        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.json().at("/errors/0/pointer").asText()).isEqualTo("/incident");
        assertThat(node.truce.ledger().size()).isEqualTo(size);
    }

    @Test
    void a_finding_recorded_in_the_same_request_as_a_link_sees_the_linked_allegation_of_its_own_organisation() {
        String amReporter = node.account("am-government", "am-government", "am-rep", Role.REPORTER);
        String jmcReporter = node.account("jmc", JMC, "jmc-rep", Role.REPORTER);
        assertThat(node.post("/api/v1/incidents", allegation(uuid(1), "am-government"), amReporter).status()).isEqualTo(201);
        assertThat(node.post("/api/v1/incidents", allegation(uuid(2), JMC), jmcReporter).status()).isEqualTo(201);
        Actor jmc = new Actor("jmc/jmc-ver", "jmc", JMC);
        LocalDate day = LocalDate.of(2021, 3, 2);
        List<IncidentFact> request = new ArrayList<>();
        request.add(new IncidentFact.Linked(uuid(3), uuid(2), uuid(1), null));
        int n = 4;
        for (String s : List.of("received", "preliminary_review", "monitoring_team_report")) {
            request.add(new IncidentFact.StepRecorded(uuid(n++), uuid(1), s, null, day, JMC, null, null, Map.of(), null));
        }
        request.add(new IncidentFact.StepRecorded(uuid(n), uuid(1), "finding", "confirmed", day, JMC, null, null, Map.of(), null));
        long size = node.truce.ledger().size();
        var outcome = node.truce.incidents().recorder().record(request, List.of("/0", "/1", "/2", "/3", "/4"), jmc);
        assertThat(outcome).isInstanceOf(Outcome.Refused.class);
        assertThat(((Outcome.Refused) outcome).violations()).extracting(Violation::pointer).containsExactly("/4/incident");
        assertThat(node.truce.ledger().size()).isEqualTo(size);
    }

    @Test
    void a_side_of_the_conflict_cannot_take_a_workflow_step_or_the_finding_of_an_incident() {
        String amReporter = node.account("am-government", "am-government", "am-rep", Role.REPORTER);
        assertThat(node.post("/api/v1/incidents", allegation(uuid(1), "am-government"), amReporter).status()).isEqualTo(201);
        long size = node.truce.ledger().size();
        for (String side : List.of("az-government", "az-state-security-service", "nk-de-facto-authorities")) {
            String verifier = node.account(side, side, side + "-ver", Role.VERIFIER);
            var refused = node.post("/api/v1/incident-steps", step(uuid(2), uuid(1), "received", ""), verifier);
            assertThat(refused.status()).as(side).isEqualTo(422);
            assertThat(refused.json().at("/errors/0/pointer").asText()).isEqualTo("/source");
            assertThat(refused.json().at("/errors/0/detail").asText()).contains("a side of the conflict")
                    .contains("a side's account of an incident is a claim");
        }
        assertThat(node.truce.ledger().size()).isEqualTo(size);

        String jmcVerifier = node.account("jmc", JMC, "jmc-ver", Role.VERIFIER);
        String steps = "[" + step(uuid(3), uuid(1), "received", "") + "," + step(uuid(4), uuid(1), "preliminary_review", "") + ","
                + step(uuid(5), uuid(1), "monitoring_team_report", "") + "," + step(uuid(6), uuid(1), "finding", ",\"finding\":\"not_confirmed\"") + "]";
        assertThat(node.post("/api/v1/incident-steps", steps, jmcVerifier).status()).isEqualTo(200);
        JsonNode incident = node.get("/api/v1/incidents/" + uuid(1)).json();
        assertThat(incident.get("status").asText()).isEqualTo("not_confirmed");
        assertThat(incident.at("/steps/3/source").asText()).isEqualTo(JMC);
    }

    @Test
    void claims_stay_separate_entries_linked_to_one_incident() {
        JsonNode a = node.get("/api/v1/incidents/" + A).json();
        assertThat(a.get("allegations")).hasSize(1);
        assertThat(a.at("/allegations/0/source").asText()).isEqualTo("party-a-illustrative");
        assertThat(a.get("claims")).hasSize(1);
        assertThat(a.at("/claims/0/source").asText()).isEqualTo("party-b-illustrative");
        assertThat(a.at("/claims/0/account").asText()).contains("no fire was opened from our positions");

        String azReporter = node.account("az-government", "az-government", "az-rep", Role.REPORTER);
        String claim = "{\"id\":\"" + uuid(40) + "\",\"incident\":\"" + A + "\",\"source\":\"az-government\",\"actor1\":null,"
                + "\"actor2\":null,\"account\":\"A second statement.\",\"casualties\":{\"wounded\":{\"civilian\":2}}}";
        assertThat(node.post("/api/v1/claims", claim, azReporter).status()).isEqualTo(201);
        JsonNode after = node.get("/api/v1/incidents/" + A).json();
        assertThat(after.get("claims")).hasSize(2);
        assertThat(after.at("/claims/1/casualties/wounded/civilian").asInt()).isEqualTo(2);
        assertThat(after.at("/claims/0/casualties/wounded/civilian").isNull()).isTrue();
        assertThat(after.at("/allegations/0/casualties/wounded/civilian").asInt()).isZero();
    }

    @Test
    void close_allegations_are_proposed_as_duplicates_and_not_merged_until_a_verifier_links_them() {
        JsonNode proposals = node.get("/api/v1/incidents/duplicates").json().get("proposals");
        assertThat(proposals).hasSize(1);
        assertThat(proposals.at("/0/first").asText()).isEqualTo(A);
        assertThat(proposals.at("/0/second").asText()).isEqualTo(B);
        assertThat(proposals.at("/0/hoursApart").decimalValue()).isEqualByComparingTo("0.42");
        assertThat(proposals.at("/0/illustrative").asBoolean()).isTrue();
        assertThat(node.get("/api/v1/incidents").json()).hasSize(3);

        String link = "{\"id\":\"" + uuid(50) + "\",\"allegation\":\"" + B + "\",\"incident\":\"" + A + "\",\"reason\":\"same shelling\"}";
        String reporter = node.account("am-government", "am-government", "am-rep", Role.REPORTER);
        assertThat(node.post("/api/v1/incident-links", link, reporter).status()).isEqualTo(403);
        assertThat(node.get("/api/v1/incidents").json()).hasSize(3);

        String verifier = node.account("jmc", JMC, "jmc-ver", Role.VERIFIER);
        assertThat(node.post("/api/v1/incident-links", link, verifier).status()).isEqualTo(201);
        assertThat(node.get("/api/v1/incidents").json()).hasSize(2);
        JsonNode b = node.get("/api/v1/incidents/" + B).json();
        assertThat(b.get("linkedTo").asText()).isEqualTo(A);
        assertThat(b.get("allegations")).hasSize(2);
        assertThat(b.at("/allegations/1/source").asText()).isEqualTo("local-authority-illustrative");
        assertThat(b.at("/allegations/1/account").asText()).contains("three explosions");
        assertThat(node.get("/api/v1/incidents/duplicates").json().get("proposals")).isEmpty();
    }

    @Test
    void daily_counts_keep_alleged_and_confirmed_apart() {
        JsonNode day = node.get("/api/v1/incidents/counts?date=2021-02-10").json();
        assertThat(day.get("zones")).hasSize(1);
        JsonNode zone = day.at("/zones/0");
        assertThat(zone.get("zone").asText()).isEqualTo("zone-nkao-1988");
        assertThat(zone.get("alleged")).hasSize(1);
        assertThat(zone.at("/alleged/0/source").asText()).isEqualTo("party-b-illustrative");
        assertThat(zone.at("/alleged/0/byType/Armed clash").asInt()).isEqualTo(1);
        assertThat(zone.at("/alleged/0/counts/shots_and_bursts").asInt()).isEqualTo(20);
        assertThat(zone.get("confirmed")).hasSize(1);
        assertThat(zone.at("/confirmed/0/source").asText()).isEqualTo("monitor-illustrative");
        assertThat(zone.at("/confirmed/0/counts/shots_and_bursts").asInt()).isEqualTo(12);

        JsonNode feb3 = node.get("/api/v1/incidents/counts?date=2021-02-03").json().at("/zones/0");
        List<String> sources = new ArrayList<>();
        feb3.get("alleged").forEach(t -> sources.add(t.get("source").asText()));
        assertThat(sources).containsExactly("local-authority-illustrative", "party-a-illustrative");
        assertThat(feb3.get("confirmed")).isEmpty();

        // as known before the finding was recorded, nothing was confirmed
        long beforeFinding = node.get("/api/v1/incidents/" + C).json().at("/steps/3/seq").asLong();
        JsonNode earlier = node.get("/api/v1/incidents/counts?date=2021-02-10&atSize=" + beforeFinding).json().at("/zones/0");
        assertThat(earlier.get("confirmed")).isEmpty();
        assertThat(earlier.at("/alleged/0/incidents").asInt()).isEqualTo(1);
    }

    @Test
    void a_nil_report_is_distinct_from_no_report_at_all() {
        JsonNode quiet = node.get("/api/v1/incidents/counts?date=2021-01-13").json();
        assertThat(quiet.get("zones")).hasSize(1);
        assertThat(quiet.at("/zones/0/zone").asText()).isEqualTo("zone-nkao-1988");
        assertThat(quiet.at("/zones/0/alleged")).isEmpty();
        assertThat(quiet.at("/zones/0/nilReports/0/source").asText()).isEqualTo("ru-peacekeepers");
        assertThat(node.get("/api/v1/incidents/counts?date=2021-01-14").json().get("zones")).isEmpty();
        assertThat(node.get("/api/v1/nil-reports?date=2021-01-13").json()).hasSize(1);
        assertThat(node.get("/api/v1/nil-reports?date=2021-01-14").json()).isEmpty();

        assertThat(node.get("/api/v1/bulletins/2021-01-13?format=text", node.token).body()).contains(
                "According to the Russian peacekeeping contingent, no ceasefire violations were recorded on 13 January 2021 "
                        + "in “the area of responsibility of the peacekeeping contingent” (the area as the report names it). Note by "
                        + "Truce: the map does not draw that area; Truce counts the report under the map zone “Nagorno-Karabakh "
                        + "Autonomous Oblast (former boundary)” for its tallies only.")
                .doesNotContain("recorded on 13 January 2021 in Nagorno-Karabakh Autonomous Oblast");
        assertThat(node.get("/api/v1/bulletins/2021-01-14?format=text", node.token).body())
                .contains("No ceasefire incident and no report of a quiet day are recorded for 14 January 2021.")
                .doesNotContain("no ceasefire violations were recorded");
    }

    @Test
    void the_acled_export_has_the_acled_columns_and_a_row_per_claim_with_its_status_and_kind() {
        var r = node.get("/api/v1/incidents/export.csv");
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.contentType()).startsWith("text/csv");
        String[] rows = r.body().split("\r\n");
        assertThat(rows[0]).isEqualTo("event_date,event_type,sub_event_type,actor1,actor2,admin1,location,latitude,longitude,"
                + "geo_precision,time_precision,source,notes,fatalities,status,row_kind");
        // three allegations (each its body's claim) and two claims: one row each
        assertThat(rows).hasSize(1 + 5);
        assertThat(rows[1]).startsWith("2021-02-03,Explosions/Remote violence,Shelling/artillery/missile attack,"
                        + "Armed forces of Party B (illustrative),Armed forces of Party A (illustrative),"
                        + "Nagorno-Karabakh Autonomous Oblast (former boundary),,39.8,46.95,2,1,Party A (illustrative),")
                .contains("[Illustrative demo data, not a record of a real event]")
                .endsWith(",0,inconclusive,allegation");
        // the claims name no type: their rows leave it empty rather than take the allegation's
        assertThat(rows[2]).startsWith("2021-02-03,,,,,").contains(",Party B (illustrative),").endsWith(",,inconclusive,claim");
        assertThat(rows[3]).contains(",Local authority (illustrative),").endsWith(",unverified,allegation");
        assertThat(rows[4]).startsWith("2021-02-10,Battles,Armed clash,").endsWith(",0,confirmed,allegation");
        assertThat(rows[5]).startsWith("2021-02-10,,,Armed forces of Party B (illustrative),").contains(",Party A (illustrative),")
                .endsWith(",0,confirmed,claim");
    }

    @Test
    void a_claim_row_of_the_acled_export_carries_the_claims_own_type() {
        String azReporter = node.account("az-government", "az-government", "az-rep", Role.REPORTER);
        String claim = "{\"id\":\"" + uuid(40) + "\",\"incident\":\"" + A + "\",\"source\":\"az-government\","
                + "\"eventType\":\"Battles\",\"subEventType\":\"Armed clash\",\"account\":\"An exchange of fire.\"}";
        assertThat(node.post("/api/v1/claims", claim, azReporter).status()).isEqualTo(201);
        String[] rows = node.get("/api/v1/incidents/export.csv").body().split("\r\n");
        assertThat(rows[3]).startsWith("2021-02-03,Battles,Armed clash,").endsWith(",inconclusive,claim");
        assertThat(node.get("/api/v1/incidents/" + A).json().at("/claims/1/subEventType").asText()).isEqualTo("Armed clash");

        String onlySub = claim.replace(uuid(40), uuid(41)).replace("\"eventType\":\"Battles\",", "");
        var refused = node.post("/api/v1/claims", onlySub, azReporter);
        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.json().at("/errors/0/pointer").asText()).isEqualTo("/eventType");
    }

    @Test
    void the_confirmed_line_gives_the_findings_own_type_and_never_adopts_the_partys() {
        String amReporter = node.account("am-government", "am-government", "am-rep", Role.REPORTER);
        String jmcVerifier = node.account("jmc", JMC, "jmc-ver", Role.VERIFIER);
        assertThat(node.post("/api/v1/incidents", allegation(uuid(1), "am-government"), amReporter).status()).isEqualTo(201);
        String steps = "[" + step(uuid(2), uuid(1), "received", "") + "," + step(uuid(3), uuid(1), "preliminary_review", "") + ","
                + step(uuid(4), uuid(1), "monitoring_team_report", "") + "," + step(uuid(5), uuid(1), "finding", ",\"finding\":\"confirmed\"") + "]";
        assertThat(node.post("/api/v1/incident-steps", steps, jmcVerifier).status()).isEqualTo(200);
        String line = "According to the Russian-Turkish Joint Monitoring Centre, which recorded the findings, 1 incident in "
                + "Nagorno-Karabakh Autonomous Oblast (former boundary) on 1 March 2021 was confirmed: ";
        String en = node.get("/api/v1/bulletins/2021-03-01?format=text", node.token).body();
        assertThat(en).contains(line + "type not stated in the finding: 1.")
                .contains("took place in Nagorno-Karabakh Autonomous Oblast (former boundary) on 1 March 2021: shelling, artillery or missile attack: 1");
        assertThat(node.get("/api/v1/bulletins/2021-03-01?format=text&lang=ru", node.token).body()).contains("тип в заключении не указан: 1.");

        assertThat(node.post("/api/v1/incidents", allegation(uuid(6), "am-government"), amReporter).status()).isEqualTo(201);
        String typed = "[" + step(uuid(7), uuid(6), "received", "") + "," + step(uuid(8), uuid(6), "preliminary_review", "") + ","
                + step(uuid(9), uuid(6), "monitoring_team_report", "") + "," + step(uuid(10), uuid(6), "finding",
                ",\"finding\":\"confirmed\",\"eventType\":\"Explosions/Remote violence\"") + "]";
        assertThat(node.post("/api/v1/incident-steps", typed, jmcVerifier).status()).isEqualTo(200);
        assertThat(node.get("/api/v1/bulletins/2021-03-01?format=text", node.token).body())
                .contains(line.replace("1 incident", "2 incidents").replace("was confirmed", "were confirmed")
                        + "explosions or remote violence: 1; type not stated in the finding: 1.");
        JsonNode confirmed = node.get("/api/v1/incidents/counts?date=2021-03-01").json().at("/zones/0/confirmed/0/byType");
        assertThat(confirmed.has("Shelling/artillery/missile attack")).isFalse();

        var early = node.post("/api/v1/incident-steps", step(uuid(11), uuid(6), "noted_by_joint_body", ",\"eventType\":\"Battles\""), jmcVerifier);
        assertThat(early.status()).isEqualTo(422);
        assertThat(early.json().at("/errors/0/pointer").asText()).isEqualTo("/eventType");
    }

    @Test
    void a_nil_report_says_which_zone_it_covers_and_who_named_that_zone() {
        JsonNode demo = node.get("/api/v1/nil-reports?date=2021-01-13").json().get(0);
        assertThat(demo.get("zone").asText()).isEqualTo("zone-nkao-1988");
        assertThat(demo.get("zoneName").asText()).isEqualTo("Nagorno-Karabakh Autonomous Oblast (former boundary)");
        assertThat(demo.get("zoneNamedBy").asText()).isEqualTo("truce");
        assertThat(demo.get("reportedArea").asText()).isEqualTo("the area of responsibility of the peacekeeping contingent");
        assertThat(demo.get("zoneNote").asText()).isEqualTo("The report names the area \"the area of responsibility of the "
                + "peacekeeping contingent\" and no zone of the map; the map does not draw that area, and Truce counts the report "
                + "under the zone Nagorno-Karabakh Autonomous Oblast (former boundary) for its tallies only.");
        assertThat(node.get("/api/v1/incidents/counts?date=2021-01-13").json().at("/zones/0/nilReports/0/zoneNamedBy").asText()).isEqualTo("truce");

        String pk = node.account("ru-peacekeepers", "ru-peacekeepers", "pk-rep", Role.REPORTER);
        String nil = "{\"id\":\"" + uuid(60) + "\",\"source\":\"ru-peacekeepers\",\"zone\":\"zone-nkao-1988\","
                + "\"from\":\"2021-01-20\",\"to\":\"2021-01-20\"}";
        var unexplained = node.post("/api/v1/nil-reports", nil.replace("\"from\"", "\"zoneNamedBy\":\"truce\",\"from\""), pk);
        assertThat(unexplained.status()).isEqualTo(422);
        assertThat(unexplained.json().at("/errors/0/pointer").asText()).isEqualTo("/reportedArea");
        assertThat(node.post("/api/v1/nil-reports", nil, pk).status()).isEqualTo(201);
        JsonNode named = node.get("/api/v1/nil-reports?date=2021-01-20").json().get(0);
        assertThat(named.get("zoneNamedBy").asText()).isEqualTo("reporter");
        assertThat(named.get("zoneNote").asText()).isEqualTo("The zone Nagorno-Karabakh Autonomous Oblast (former boundary) is named in the report.");
        assertThat(node.get("/api/v1/bulletins/2021-01-20?format=text", node.token).body()).contains("According to the Russian peacekeeping "
                + "contingent, no ceasefire violations were recorded in Nagorno-Karabakh Autonomous Oblast (former boundary) on "
                + "20 January 2021 (the report names this zone).");
    }

    @Test
    void the_ceasefire_part_speaks_in_each_bodys_name_in_english_and_russian() {
        String en = node.get("/api/v1/bulletins/2021-02-10?format=text", node.token).body();
        assertThat(en).contains("## Ceasefire")
                .contains("Lines marked (illustrative) are demonstration data, not records of real events.")
                .contains("According to Party B (illustrative), 1 ceasefire incident took place in Nagorno-Karabakh "
                        + "Autonomous Oblast (former boundary) on 10 February 2021: armed clash: 1 (counts reported: 20 shots and bursts). (illustrative)")
                .contains("According to Monitoring body (illustrative), which recorded the findings, 1 incident in "
                        + "Nagorno-Karabakh Autonomous Oblast (former boundary) on 10 February 2021 was confirmed: armed clash: 1 "
                        + "(counts reported: 12 shots and bursts). (illustrative)");
        String ru = node.get("/api/v1/bulletins/2021-02-10?format=text&lang=ru", node.token).body();
        assertThat(ru).contains("## Режим прекращения огня")
                .contains("По данным стороны B (условный пример), 10 февраля 2021\u202fг. в зоне «Нагорно-Карабахская "
                        + "автономная область (бывшая граница)» произошёл 1 инцидент с нарушением режима прекращения огня: "
                        + "вооружённое столкновение: 1 (по сообщённым подсчётам: 20 выстрелов и очередей). (иллюстративные данные)")
                .contains("подтверждён 1 инцидент");
        assertThat(node.get("/api/v1/bulletins/2021-01-13?format=text&lang=ru", node.token).body())
                .contains("По данным российского миротворческого контингента, 13 января 2021\u202fг. в районе "
                        + "«the area of responsibility of the peacekeeping contingent» (так он назван в сообщении) нарушений режима "
                        + "прекращения огня не зафиксировано. Примечание Truce: на карте этот район не обозначен; только для подсчётов "
                        + "Truce относит сообщение к зоне «Нагорно-Карабахская автономная область (бывшая граница)» на карте.");
    }

    @Test
    void an_incident_refuses_a_personal_field_and_writes_nothing() {
        String reporter = node.account("am-government", "am-government", "am-rep", Role.REPORTER);
        long size = node.truce.ledger().size();
        String body = allegation(uuid(1), "am-government").replace("\"counts\"", "\"personal\":{\"name\":\"X\"},\"counts\"");
        var r = node.post("/api/v1/incidents", body, reporter);
        assertThat(r.status()).isEqualTo(422);
        assertThat(r.json().at("/errors/0/pointer").asText()).isEqualTo("/personal");
        assertThat(node.truce.ledger().size()).isEqualTo(size);
    }

    @Test
    void a_reporter_alleges_only_in_its_own_name_and_a_transcriber_only_citing_a_document() {
        String reporter = node.account("am-government", "am-government", "am-rep", Role.REPORTER);
        var other = node.post("/api/v1/incidents", allegation(uuid(1), "az-government"), reporter);
        assertThat(other.status()).isEqualTo(403);
        assertThat(other.json().at("/errors/0/pointer").asText()).isEqualTo("/source");
        String transcriber = node.account("unhcr", "unhcr", "un-tr", Role.TRANSCRIBER);
        var undocumented = node.post("/api/v1/incidents", allegation(uuid(1), "az-government"), transcriber);
        assertThat(undocumented.status()).isEqualTo(403);
        assertThat(undocumented.json().at("/errors/0/pointer").asText()).isEqualTo("/document");
    }

    @Test
    void the_zone_is_resolved_from_the_map_and_not_typed_by_the_client() {
        String reporter = node.account("am-government", "am-government", "am-rep", Role.REPORTER);
        var typed = node.post("/api/v1/incidents", allegation(uuid(1), "am-government").replace("\"counts\"", "\"zone\":\"corridor-lachin\",\"counts\""), reporter);
        assertThat(typed.status()).isEqualTo(422);
        assertThat(typed.json().at("/errors/0/pointer").asText()).isEqualTo("/zone");
        assertThat(node.post("/api/v1/incidents", allegation(uuid(1), "am-government"), reporter).status()).isEqualTo(201);
        JsonNode zones = node.get("/api/v1/incidents/" + uuid(1)).json().get("zones");
        assertThat(zones).hasSize(1);
        assertThat(zones.at("/0/feature").asText()).isEqualTo("zone-nkao-1988");
    }

    @Test
    void a_second_nil_report_for_the_same_zone_and_period_is_a_409_unless_marked_and_is_printed_once() {
        String pk = node.account("ru-peacekeepers", "ru-peacekeepers", "pk-dup", Role.REPORTER);
        String nil = "{\"id\":\"%s\",\"source\":\"ru-peacekeepers\",\"zone\":\"zone-nkao-1988\","
                + "\"from\":\"2021-01-22\",\"to\":\"2021-01-22\"%s}";
        var first = node.post("/api/v1/nil-reports", nil.formatted(uuid(70), ""), pk);
        assertThat(first.status()).isEqualTo(201);
        long size = node.truce.ledger().size();
        var again = node.post("/api/v1/nil-reports", nil.formatted(uuid(71), ""), pk);
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.json().at("/errors/0/pointer").asText()).isEqualTo("");
        assertThat(again.json().at("/errors/0/detail").asText()).contains(uuid(70)).contains("entry " + first.json().get("seq").asLong());
        assertThat(node.truce.ledger().size()).isEqualTo(size);
        String batch = "[" + nil.formatted(uuid(72), "").replace("2021-01-22", "2021-01-23") + ","
                + nil.formatted(uuid(73), "").replace("2021-01-22", "2021-01-23") + "]";
        var twice = node.post("/api/v1/nil-reports", batch, pk);
        assertThat(twice.status()).isEqualTo(409);
        assertThat(twice.json().at("/errors/0/pointer").asText()).isEqualTo("/1");
        assertThat(node.truce.ledger().size()).isEqualTo(size);

        String marked = nil.formatted(uuid(71), ",\"duplicateOf\":{\"id\":\"" + uuid(70) + "\",\"reason\":\"sent again by the field team\"}");
        assertThat(node.post("/api/v1/nil-reports", marked, pk).status()).isEqualTo(201);
        assertThat(node.post("/api/v1/nil-reports", marked, pk).status()).as("a retry stays a retry").isEqualTo(200);
        JsonNode listed = node.get("/api/v1/nil-reports?date=2021-01-22").json();
        assertThat(listed).hasSize(2);
        assertThat(listed.get(1).at("/duplicateOf/id").asText()).isEqualTo(uuid(70));
        String text = node.get("/api/v1/bulletins/2021-01-22?format=text", node.token).body();
        assertThat(text.split("no ceasefire violations were recorded", -1)).as("printed once").hasSize(2);
    }
}
