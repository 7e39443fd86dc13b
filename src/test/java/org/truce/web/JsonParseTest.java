package org.truce.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.truce.record.Violation;

/** Request bodies are read as I-JSON (RFC 7493): the refusals name the pointer and never the text. */
class JsonParseTest {

    private static Problem refusal(String body) {
        return refusal(body.getBytes(StandardCharsets.UTF_8));
    }

    private static Problem refusal(byte[] body) {
        try {
            Json.parse(body);
        } catch (Problem p) {
            assertThat(p.code()).isEqualTo(ErrorCode.MALFORMED_JSON);
            return p;
        }
        throw new AssertionError("accepted: " + new String(body, StandardCharsets.UTF_8));
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
            "{\"a\":1,\"a\":2}                       | /a",
            "[{\"id\":1,\"value\":2,\"value\":3}]    | /0/value",
            "{\"a\":[1,{\"x\":1,\"y\":{},\"x\":2}]}  | /a/1/x",
            "{\"a\":{\"b/~c\":1,\"b/~c\":2}}         | /a/b~1~0c",
            "{\"\":1,\"\":2}                         | /"})
    void a_duplicate_member_name_is_refused_naming_its_pointer(String body, String pointer) {
        Problem p = refusal(body);
        assertThat(p.errors()).extracting(Violation::pointer).containsExactly(pointer);
        assertThat(p.getMessage()).contains("RFC 7493 §2.3");
    }

    @Test
    void the_same_name_in_different_objects_is_no_duplicate() {
        assertThat(Json.parse("[{\"a\":1},{\"a\":2,\"b\":{\"a\":3}}]".getBytes(StandardCharsets.UTF_8)).size()).isEqualTo(2);
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
            "{\"a\":\"x\\ud800\"}                 | /a",
            "{\"a\":\"\\udc00x\"}                 | /a",
            "{\"a\":\"\\ude00\\ud83d\"}           | /a",
            "{\"a\":\"\\ud83d\\ud83d\\ude00\"}    | /a",
            "[\"ok\",{\"b\":[\"\\ud800\"]}]       | /1/b/0",
            "{\"x/y\":\"\\ud800\"}                | /x~1y"})
    void an_unpaired_surrogate_in_a_string_is_refused_naming_its_pointer(String body, String pointer) {
        Problem p = refusal(body);
        assertThat(p.errors()).containsExactly(new Violation(pointer, IJson.UNPAIRED_VALUE));
    }

    @Test
    void an_unpaired_surrogate_in_a_member_name_names_the_object_once() {
        Problem p = refusal("{\"ok\":{\"\\ud800a\":1,\"\\ud800b\":2}}");
        assertThat(p.errors()).containsExactly(new Violation("/ok", IJson.UNPAIRED_NAME));
    }

    @Test
    void every_unpaired_surrogate_is_named() {
        Problem p = refusal("{\"a\":\"\\ud800\",\"b\":\"fine\",\"c\":[\"\\udfff\"]}");
        assertThat(p.errors()).extracting(Violation::pointer).containsExactly("/a", "/c/0");
    }

    @Test
    void surrogate_pairs_escaped_or_raw_are_valid_text() {
        var tree = Json.parse("{\"a\":\"\\ud83d\\ude91 and 🚑\"}".getBytes(StandardCharsets.UTF_8));
        assertThat(tree.get("a").asText()).isEqualTo("🚑 and 🚑");
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
            "{\"a\":\"CESU\"}              | /a",
            "{\"a\":\"FF\"}                | /a",
            "{\"a\":1,\"b\":[\"x\",\"FF\"]} | /b/1",
            "{\"a\":1,\"FF\":2}            | ''",
            "[{\"a\":{\"x\":1,\"CESU\":2}}]  | /0/a"})
    void bytes_that_are_not_utf8_are_refused_naming_the_value_or_the_object_of_the_name(String body, String pointer) {
        // CESU: a surrogate encoded as if it were a character (UTF-8 forbids it, RFC 3629 §3); FF: never in UTF-8
        byte[] bytes = body.replace("CESU", "\u0001").replace("FF", "\u0002").getBytes(StandardCharsets.UTF_8);
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        for (byte b : bytes) {
            if (b == 1) out.writeBytes(new byte[] {(byte) 0xED, (byte) 0xA0, (byte) 0x80});
            else if (b == 2) out.write(0xFF);
            else out.write(b);
        }
        Problem p = refusal(out.toByteArray());
        assertThat(p.errors()).extracting(Violation::pointer).containsExactly(pointer);
        assertThat(p.getMessage()).contains("not valid UTF-8");
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
            "{\"\\ud800a\":1}                     | ''",
            "{\"a\":1,\"\\udc00\":2}            | ''",
            "[1,{\"a\":{\"x\":1,\"\\ud800\":2}}] | /1/a"})
    void an_escaped_unpaired_surrogate_in_a_member_name_names_the_object(String body, String pointer) {
        assertThat(refusal(body).errors()).containsExactly(new Violation(pointer, IJson.UNPAIRED_NAME));
    }

    @Test
    void no_refusal_quotes_the_text_it_refuses() {
        String secret = "Anahit Petrosyan";
        for (String body : List.of("{\"" + secret + "\":1,\"" + secret + "\":2}", "{\"n\":\"" + secret + "\\ud800\"}",
                "{\"n\":\"" + secret + "\" \"x\"}", "{\"n\":" + secret + "}")) {
            Problem p = refusal(body);
            String said = p.getMessage() + p.errors().stream().map(Violation::detail).toList();
            assertThat(said).doesNotContain("Anahit");
        }
    }
}
