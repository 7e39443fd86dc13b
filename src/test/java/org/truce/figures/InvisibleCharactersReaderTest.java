package org.truce.figures;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.truce.record.Parsed;
import org.truce.record.Reading;

/** FactReader applies TextRules to every name and id it reads, and not to the ledger's own entries on replay. */
class InvisibleCharactersReaderTest {
    static final ObjectMapper JSON = new ObjectMapper();

    static JsonNode json(String s) throws Exception {
        return JSON.readTree(s);
    }

    static java.util.List<String> pointers(Parsed<Fact> parsed) {
        assertThat(parsed).isInstanceOf(Parsed.Invalid.class);
        return ((Parsed.Invalid<Fact>) parsed).violations().stream().map(v -> v.pointer() + " " + v.detail().substring(0, 15)).toList();
    }

    @Test
    void a_metric_name_in_any_language_and_a_breakdown_name_are_checked() throws Exception {
        var parsed = FactReader.readMetric(json("""
                {"id": "things", "unit": "items", "breakdowns": ["chil\\u200Bdren"], "names": {"en": "things", "ru": "\\u202Eвещи"}}"""), "/3");
        assertThat(pointers(parsed)).containsExactlyInAnyOrder("/3/breakdowns/0 contains U+200B", "/3/names/ru contains U+202E");
    }

    @Test
    void a_place_name_its_users_and_its_id_are_checked() throws Exception {
        var parsed = FactReader.readPlace(json("""
                {"id": "nk\\u2066", "kind": "town", "names": [{"lang": "en", "name": "Town\\u00AD", "usedBy": ["common\\u200D"]}]}"""), "");
        assertThat(pointers(parsed)).containsExactlyInAnyOrder("/id contains U+2066", "/names/0/name contains U+00AD",
                "/names/0/usedBy/0 contains U+200D");
    }

    @Test
    void the_ledgers_own_entries_replay_as_they_were_recorded() throws Exception {
        JsonNode recorded = json("""
                {"id": "legacy", "roles": ["media"], "names": {"en": "ICRC\\u200B", "ru": "\\u202Eвещи"}, "reportsOn": []}""");
        assertThat(FactReader.readSource(recorded, "", new Reading(true))).isInstanceOf(Parsed.Ok.class);
        assertThat(FactReader.readSource(recorded, "")).isInstanceOf(Parsed.Invalid.class);
    }
}
