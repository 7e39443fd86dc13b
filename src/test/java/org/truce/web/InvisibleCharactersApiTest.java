package org.truce.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.truce.accounts.Role;
import org.truce.support.DemoNodeExtension;
import org.truce.support.Reports;
import org.truce.support.TestNode;

/**
 * Issue 16 over HTTP: direction-changing and invisible characters, and lookalikes of recorded sources
 * and places, are a 422 naming the field, and nothing is written. Callers as the authorisation matrix
 * has them: an admin declares sources, the secretariat places.
 */
@ExtendWith(DemoNodeExtension.class)
class InvisibleCharactersApiTest {
    static final String RLO = "\u202E";
    TestNode node;
    String admin;
    String secretariat;
    long size;

    @BeforeEach
    void callers() {
        admin = node.account("az-government", "az-government", "adm", Role.ADMIN);
        secretariat = node.account("jmc", "ru-tr-joint-monitoring-centre", "secr", Role.SECRETARIAT);
        size = node.truce.ledger().size();
    }

    static ObjectNode source(String id, String lang, String name) {
        ObjectNode s = TestNode.JSON.createObjectNode().put("id", id);
        s.putArray("roles").add("media");
        s.putObject("names").put("en", "Test outlet " + id).put(lang, name);
        return s;
    }

    static ObjectNode place(String id, String name) {
        ObjectNode p = TestNode.JSON.createObjectNode().put("id", id).put("kind", "settlement").put("parent", "nk");
        p.putArray("names").addObject().put("lang", "en").put("name", name).putArray("usedBy").add("common");
        return p;
    }

    /** The one error of a 422 answer, as "pointer detail"; and nothing was written. */
    private String refused(TestNode.Response r) {
        assertThat(r.status()).as(r.body()).isEqualTo(422);
        assertThat(r.contentType()).startsWith("application/problem+json");
        assertThat(node.truce.ledger().size()).as("nothing written").isEqualTo(size);
        JsonNode errors = r.json().get("errors");
        assertThat(errors).hasSize(1);
        return errors.get(0).get("pointer").asText() + " " + errors.get(0).get("detail").asText();
    }

    @Test
    void a_right_to_left_override_in_a_source_name_is_refused_naming_the_field_and_the_character() {
        var r = node.post("/api/v1/sources", source("test-outlet", "ru", "retained " + RLO + "0052").toString(), admin);
        assertThat(refused(r)).isEqualTo("/names/ru contains U+202E RIGHT-TO-LEFT OVERRIDE at character 10, a bidirectional "
                + "control; names and ids may not hold invisible or direction-changing characters");
    }

    @Test
    void a_zero_width_space_in_a_place_name_is_refused() {
        var r = node.post("/api/v1/places", place("test-village", "Village\u200B").toString(), secretariat);
        assertThat(refused(r)).startsWith("/names/0/name contains U+200B ZERO WIDTH SPACE at character 8, an invisible character;");
    }

    @Test
    void an_isolate_in_a_declined_form_and_an_invisible_character_in_a_reference_are_refused() {
        ObjectNode s = source("test-outlet", "ru", "Тестовое издание");
        s.putObject("forms").putObject("ru").put("gen", "\u2067Тестового издания\u2069");
        assertThat(refused(node.post("/api/v1/sources", s.toString(), admin))).startsWith("/forms/ru/gen contains U+2067 RIGHT-TO-LEFT ISOLATE");
        ObjectNode p = place("test-village", "Test village");
        p.putArray("overlaps").add("nk\u200D");
        assertThat(refused(node.post("/api/v1/places", p.toString(), secretariat))).startsWith("/overlaps/0 contains U+200D ZERO WIDTH JOINER");
    }

    @Test
    void a_bidirectional_control_in_an_attribution_is_refused_and_one_in_a_client_id_is_named() {
        ObjectNode report = Reports.valid("3f1c2a4e-0a53-4a3e-9a51-2b7c7d0e9f10");
        report.put("attribution", "medics assisted " + RLO + "0031 residents");
        assertThat(refused(node.post("/api/v1/reports", report.toString()))).isEqualTo("/attribution contains U+202E RIGHT-TO-LEFT "
                + "OVERRIDE at character 17, a bidirectional control; text may not change its direction (the pages set each text apart already)");
        ObjectNode badId = Reports.valid("3f1c2a4e-0a53-4a3e-9a51-2b7c7d0e9f10\u200B");
        assertThat(refused(node.post("/api/v1/reports", badId.toString()))).startsWith("/id contains U+200B ZERO WIDTH SPACE at character 37");
    }

    @Test
    void the_icrc_in_cyrillic_letters_is_refused_naming_the_recorded_icrc() {
        // "the ІСRС": І U+0406, С U+0421
        var r = node.post("/api/v1/sources", source("icrc-office", "de", "the \u0406\u0421R\u0421").toString(), admin);
        assertThat(refused(r)).isEqualTo("/names/de looks the same as \"the ICRC\", the en name of source icrc (Unicode TS #39 "
                + "confusable skeleton); a reader could not tell the two apart");
    }

    @Test
    void a_place_named_like_another_place_in_other_letters_is_refused_but_the_same_name_passes() {
        // "Ѕhushi": Ѕ U+0405
        var r = node.post("/api/v1/places", place("test-shushi", "\u0405hushi").toString(), secretariat);
        assertThat(refused(r)).startsWith("/names/0/name looks the same as \"Shushi\", the name of place ");
        assertThat(node.post("/api/v1/places", place("test-shushi", "Shushi").toString(), secretariat).status()).isEqualTo(201);
    }

    @Test
    void names_in_armenian_azerbaijani_russian_and_persian_with_its_joiner_are_recorded() {
        ObjectNode p = place("test-town", "Test town");
        var names = (com.fasterxml.jackson.databind.node.ArrayNode) p.get("names");
        names.addObject().put("lang", "hy").put("name", "Թեստային քաղաք").putArray("usedBy").add("common");
        names.addObject().put("lang", "az").put("name", "Sınaq şəhəri").putArray("usedBy").add("common");
        names.addObject().put("lang", "ru").put("name", "Тестовый город").putArray("usedBy").add("common");
        names.addObject().put("lang", "fa").put("name", "شهرک\u200Cهای آزمایشی").putArray("usedBy").add("common");
        var r = node.post("/api/v1/places", p.toString(), secretariat);
        assertThat(r.status()).as(r.body()).isEqualTo(201);
    }
}
