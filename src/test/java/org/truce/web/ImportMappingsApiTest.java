package org.truce.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.truce.accounts.Role;
import org.truce.support.DemoNodeExtension;
import org.truce.support.TestNode;

/**
 * Intake's shared tables over real HTTP: the alias table ({@code /api/v1/aliases}) and saved column
 * mappings ({@code /api/v1/mappings}), as ledger entries, and an import that uses them.
 */
@ExtendWith(DemoNodeExtension.class)
class ImportMappingsApiTest {
    /** A sheet whose headers Truce does not know, with places and sources in words only its office uses. */
    static final String SHEET = "Инд.;Кол-во;На дату;Район;Кто сообщил;Цитата\r\n"
            + "returnees;48 241;11.01.2021;НК;РМК;По данным миротворцев\r\n";
    static final String MAPPING = "{\"name\":\"pk-daily\",\"columns\":{\"metric\":\"Инд.\",\"value\":\"Кол-во\",\"asOf\":\"C\","
            + "\"place\":\"Район\",\"source\":\"Кто сообщил\",\"attribution\":\"F\"},\"locale\":\"ru\"}";
    TestNode node;
    String reporter;

    @BeforeEach
    void reporterOfThePeacekeepers() {
        reporter = node.account("ru-peacekeepers", "ru-peacekeepers", "pk-reporter", Role.REPORTER);
    }

    TestNode.Response upload(String csv, String query) {
        return node.send(HttpRequest.newBuilder(URI.create(node.base() + "/api/v1/imports" + query))
                .header("Content-Type", "text/csv").header("Authorization", "Bearer " + reporter)
                .POST(HttpRequest.BodyPublishers.ofByteArray(csv.getBytes(StandardCharsets.UTF_8))).build());
    }

    @Test
    void a_saved_mapping_and_the_alias_table_read_a_sheet_no_header_word_knows() {
        var unknown = upload(SHEET, "?mapping=pk-daily");
        assertThat(unknown.status()).as(unknown.body()).isEqualTo(400);
        assertThat(unknown.body()).contains("mapping").contains("names no saved mapping: pk-daily").contains("none is saved");

        var saved = node.post("/api/v1/mappings", MAPPING, reporter);
        assertThat(saved.status()).as(saved.body()).isEqualTo(201);
        var aliases = node.post("/api/v1/aliases", "[{\"kind\":\"place\",\"alias\":\"НК\",\"id\":\"nk\"},"
                + "{\"kind\":\"source\",\"alias\":\"РМК\",\"id\":\"ru-peacekeepers\"}]");
        assertThat(aliases.status()).as(aliases.body()).isEqualTo(200);

        var r = upload(SHEET, "?mapping=pk-daily");
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        JsonNode body = r.json();
        assertThat(body.at("/rows/0/status").asText()).as(body.toString()).isEqualTo("new");
        assertThat(body.at("/rows/0/entry/place").asText()).isEqualTo("nk");
        assertThat(body.at("/rows/0/entry/source").asText()).isEqualTo("ru-peacekeepers");
        assertThat(body.at("/rows/0/entry/value").decimalValue()).isEqualByComparingTo("48241");
        assertThat(body.at("/file/locale").asText()).as("the mapping's locale").isEqualTo("ru");

        JsonNode listed = node.get("/api/v1/mappings").json();
        assertThat(listed.at("/items/0/name").asText()).isEqualTo("pk-daily");
        assertThat(listed.at("/items/0/revision").asInt()).isEqualTo(1);
        assertThat(node.get("/api/v1/aliases?format=csv").body()).contains("place,НК,nk").contains("source,РМК,ru-peacekeepers");
    }

    @Test
    void a_mapping_saved_again_makes_its_next_revision_and_keeps_the_first() {
        assertThat(node.post("/api/v1/mappings", MAPPING, reporter).status()).isEqualTo(201);
        assertThat(node.post("/api/v1/mappings", MAPPING, reporter).status()).as("a retry").isIn(200, 201);
        String second = MAPPING.replace("\"locale\":\"ru\"", "\"locale\":\"ru\",\"revision\":2").replace("\"Район\"", "\"D\"");
        var skipped = node.post("/api/v1/mappings", second.replace("\"revision\":2", "\"revision\":3"), reporter);
        assertThat(skipped.status()).as(skipped.body()).isEqualTo(422);
        assertThat(skipped.body()).contains("/revision").contains("must be 2");
        var changed = node.post("/api/v1/mappings", MAPPING.replace("\"Район\"", "\"D\""), reporter);
        assertThat(changed.status()).as("revision 1 again with other columns").isEqualTo(422);
        assertThat(changed.body()).contains("is saved with other columns; the next revision is 2");
        assertThat(node.post("/api/v1/mappings", second, reporter).status()).isEqualTo(201);
        assertThat(node.get("/api/v1/mappings").json().at("/items/0/columns/place").asText()).isEqualTo("D");
        assertThat(node.truce.figures().mappingRevision("pk-daily", 1).orElseThrow().columns().get("place")).isEqualTo("Район");
    }

    @Test
    void bad_tables_are_refused_naming_the_field_and_write_nothing() {
        long size = node.truce.ledger().size();
        var field = node.post("/api/v1/mappings", "{\"name\":\"x\",\"columns\":{\"colour\":\"A\",\"value\":\"B\"}}", reporter);
        assertThat(field.status()).as(field.body()).isEqualTo(422);
        assertThat(field.body()).contains("/columns/colour").contains("is no field an import reads");
        var clash = node.post("/api/v1/aliases", "{\"kind\":\"place\",\"alias\":\"Шуши\",\"id\":\"nk\"}");
        assertThat(clash.status()).as(clash.body()).isEqualTo(422);
        assertThat(clash.body()).contains("/alias").contains("is already a name of the place nkdfa-province-shushi");
        var nothing = node.post("/api/v1/aliases", "{\"kind\":\"place\",\"alias\":\"Atlantis\",\"id\":\"atlantis\"}");
        assertThat(nothing.status()).as(nothing.body()).isEqualTo(422);
        assertThat(nothing.body()).contains("/id").contains("unknown place: atlantis");
        var kind = node.post("/api/v1/aliases", "{\"kind\":\"river\",\"alias\":\"X\",\"id\":\"nk\"}");
        assertThat(kind.status()).isEqualTo(422);
        assertThat(kind.body()).contains("/kind").contains("must be source, metric or place");
        assertThat(node.post("/api/v1/aliases", "{\"kind\":\"place\",\"alias\":\"X\",\"id\":\"nk\"}", reporter).status())
                .as("a reporter may not declare an alias").isEqualTo(403);
        assertThat(node.truce.ledger().size()).isEqualTo(size);

        assertThat(node.post("/api/v1/aliases", "{\"kind\":\"place\",\"alias\":\"Karabakh\",\"id\":\"nk\"}").status()).isEqualTo(201);
        var again = node.post("/api/v1/aliases", "{\"kind\":\"place\",\"alias\":\"  karabakh \",\"id\":\"am\"}");
        assertThat(again.status()).as(again.body()).isIn(409, 422);
        assertThat(node.truce.figures().aliases(node.truce.ledger().size())).hasSize(1);
    }
}
