package org.truce.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.truce.support.TestNode;

/** The /check page without JavaScript, the stored bytes it relies on, and its texts in every language. */
class CheckPageTest {
    @TempDir
    static Path dir;
    static TestNode node;

    @BeforeAll
    static void start() {
        node = TestNode.withDemo(dir);
    }

    @AfterAll
    static void stop() {
        node.close();
    }

    @Test
    void the_page_shows_the_operators_key_and_its_fingerprint_as_defined_on_it() throws NoSuchAlgorithmException {
        String key = node.get("/api/v1/ledger/key").body().strip();
        byte[] digest = MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
        String fingerprint = String.join(" ", HexFormat.of().formatHex(digest).split("(?<=\\G.{4})"));
        assertThat(fingerprint).hasSize(64 + 15);
        TestNode.Response page = node.get("/check?lang=en");
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.contentType()).startsWith("text/html");
        assertThat(page.body())
                .contains("<code id=\"server-key\" class=\"check-vkey\">" + key + "</code>")
                .contains("<code id=\"server-fingerprint\" class=\"check-fingerprint\">" + fingerprint + "</code>")
                .contains("The fingerprint is the SHA-256 hash of the verifier key line above")
                .contains("./truce verify --data DIR --public-key operator.pub")
                .contains("<script src=\"/assets/check.js\" defer></script>")
                .doesNotContain("<script>");
    }

    @Test
    void the_form_is_prefilled_from_the_query_and_the_cli_command_names_the_date_and_size() {
        String body = node.get("/check?lang=ru&date=2021-01-11&size=5&root=" + "0".repeat(64)).body();
        assertThat(body).contains("value=\"2021-01-11\"").contains("value=\"5\"")
                .contains("./truce bulletin --as-of 2021-01-11 --at-size 5 --format json --data DIR")
                .contains("Открытый ключ оператора");
    }

    @ParameterizedTest
    @CsvSource({"date=2021-13-01, ?date", "size=0, ?size", "size=x, ?size", "root=xyz, ?root"})
    void a_bad_query_gets_a_400_naming_the_field(String query, String pointer) {
        TestNode.Response r = node.get("/check?" + query);
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.json().get("errors").get(0).get("pointer").asText()).isEqualTo(pointer);
    }

    @Test
    void the_entries_api_gives_the_exact_stored_bytes_whose_leaf_hash_it_names() throws Exception {
        JsonNode entries = node.get("/api/v1/ledger/entries?from=0&limit=20").json().get("entries");
        assertThat(entries).hasSize(20);
        for (JsonNode e : entries) {
            byte[] bytes = Base64.getDecoder().decode(e.get("bytes").asText());
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update((byte) 0);
            assertThat(HexFormat.of().formatHex(sha.digest(bytes))).isEqualTo(e.get("leafHash").asText());
            assertThat(TestNode.JSON.readTree(bytes)).isEqualTo(e.get("entry"));
        }
    }

    @Test
    void every_language_has_every_text_of_the_page_and_the_scripts_texts_take_only_simple_arguments() throws IOException {
        Set<String> english = bundle("en").stringPropertyNames();
        assertThat(english).containsAll(CheckPage.SCRIPT_TEXTS.stream().map(k -> "check.js." + k).toList());
        for (String lang : List.of("ru", "hy", "az", "de")) {
            assertThat(bundle(lang).stringPropertyNames()).as(lang).isEqualTo(english);
        }
        for (String lang : List.of("en", "ru", "hy", "az", "de")) {
            Properties p = bundle(lang);
            for (String key : CheckPage.SCRIPT_TEXTS) {
                // a doubled apostrophe is ICU's literal one, resolved on the server; a single one would quote
                assertThat(p.getProperty("check.js." + key).replace("''", "")).as(lang + " " + key)
                        .doesNotContain("'").doesNotContainPattern("\\{\\w+\\s*,");
            }
        }
    }

    private static Properties bundle(String lang) throws IOException {
        try (InputStream in = CheckPageTest.class.getResourceAsStream("/ui/check/messages_" + lang + ".properties")) {
            Properties p = new Properties();
            p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
            return p;
        }
    }
}
