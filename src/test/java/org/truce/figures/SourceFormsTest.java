package org.truce.figures;

import org.truce.catalog.Role;
import org.truce.catalog.Source;

import org.truce.record.Parsed;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.truce.bulletin.Messages;
import org.truce.bulletin.SourceNames;

/** A source's declined names (forms): read, checked, written back, and put into messages by SourceNames. */
class SourceFormsTest {
    static final ObjectMapper JSON = new ObjectMapper();

    static JsonNode source(String forms) throws Exception {
        return JSON.readTree("""
                {"id": "ru-defence-ministry", "roles": ["peacekeepers"], "partOf": null,
                 "names": {"en": "the Russian Defence Ministry", "ru": "Министерство обороны России",
                           "de": "Verteidigungsministerium Russlands"},
                 "reportsOn": [], "forms": %s}""".formatted(forms));
    }

    @Test
    void forms_are_read_per_language_and_written_back_as_they_were() throws Exception {
        JsonNode node = source("""
                {"ru": {"gen": "Министерства обороны России"},
                 "de": {"gen": "des Verteidigungsministeriums Russlands", "dat": "dem Verteidigungsministerium Russlands"}}""");
        Parsed<Fact> parsed = FactReader.readSource(node, "");
        assertThat(parsed).isInstanceOf(Parsed.Ok.class);
        Source s = ((Fact.SourceDeclared) ((Parsed.Ok<Fact>) parsed).value()).source();
        assertThat(s.name("ru", "gen")).isEqualTo("Министерства обороны России");
        assertThat(s.name("de", "dat")).isEqualTo("dem Verteidigungsministerium Russlands");
        assertThat(s.name("ru", "dat")).as("no such form: the nominative").isEqualTo("Министерство обороны России");
        assertThat(FactWriter.write(new Fact.SourceDeclared(s)).get("forms")).isEqualTo(node.get("forms"));
    }

    @Test
    void a_source_without_forms_is_written_without_the_field() throws Exception {
        Source s = new Source("x", java.util.Set.of(Role.PARTY), null, Map.of("en", "X"), java.util.List.of());
        assertThat(FactWriter.write(new Fact.SourceDeclared(s)).has("forms")).isFalse();
    }

    @Test
    void an_unknown_form_a_bad_language_or_an_overlong_text_is_refused_naming_the_field() throws Exception {
        var bad = FactReader.readSource(source("""
                {"ru": {"genitive": "Министерства обороны России"}, "RU": {"gen": "x"},
                 "de": {"gen": "%s", "dat": ""}, "hy": "text"}""".formatted("a".repeat(2001))), "");
        assertThat(bad).isInstanceOf(Parsed.Invalid.class);
        assertThat(((Parsed.Invalid<Fact>) bad).violations()).extracting(v -> v.pointer())
                .containsExactlyInAnyOrder("/forms/ru/genitive", "/forms/RU", "/forms/de/gen", "/forms/de/dat", "/forms/hy");
    }

    @Test
    void source_names_puts_every_form_falling_back_to_the_nominative() throws Exception {
        Source s = ((Fact.SourceDeclared) ((Parsed.Ok<Fact>) FactReader.readSource(
                source("{\"ru\": {\"gen\": \"Министерства обороны России\"}}"), "")).value()).source();
        Messages ru = Messages.of("ru").orElseThrow();
        Map<String, Object> args = new HashMap<>();
        SourceNames.put(args, "source", s, ru);
        assertThat(args).containsEntry("source", "Министерство обороны России")
                .containsEntry("source_gen", "Министерства обороны России")
                .containsEntry("source_dat", "Министерство обороны России")
                .containsKeys(Source.FORMS.stream().map(f -> "source_" + f).toArray(String[]::new));
        Map<String, Object> list = new HashMap<>();
        SourceNames.putList(list, "who", java.util.List.of("ru-defence-ministry", "unknown-body"),
                id -> id.equals(s.id()) ? java.util.Optional.of(s) : java.util.Optional.empty(), ru);
        assertThat(list).containsEntry("who_gen", "Министерства обороны России; unknown-body");
    }
}
