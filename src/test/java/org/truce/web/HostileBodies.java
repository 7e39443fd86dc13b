package org.truce.web;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;

/**
 * Malformed and hostile request bodies made from a valid one: a poison in place of one field's value,
 * the body's shape broken as a whole, or the right body under the wrong content type. Stateless.
 */
final class HostileBodies {
    /** One request body to send: what it is (for the report of a failure), its content type and bytes. */
    record Body(String label, String contentType, byte[] bytes) {
        @Override
        public String toString() {
            String text = new String(bytes, StandardCharsets.UTF_8);
            return label + " [" + contentType + ", " + bytes.length + " bytes] "
                    + (text.length() > 300 ? text.substring(0, 300) + "…" : text);
        }
    }

    static final String JSON = "application/json";
    static final String FORM = "application/x-www-form-urlencoded";
    /** Above {@link WriteRequest#MAX_ITEMS}. */
    static final int OVERSIZED = WriteRequest.MAX_ITEMS + 1;
    private static final byte[] BAD_UTF8 = {(byte) 0xC3, (byte) 0x28, (byte) 0xFF, (byte) 0xFE, (byte) 0xED, (byte) 0xA0, (byte) 0x80,
            (byte) 0xF8, (byte) 0x88, (byte) 0x80, (byte) 0x80, (byte) 0x80, (byte) 0xC0, (byte) 0xAF};
    private static final Pattern JSON_VALUE = Pattern.compile("(\"[A-Za-z.]+\"):(\"(?:[^\"\\\\]|\\\\.)*\"|-?[0-9][0-9.eE+-]*|true|false|null)");

    private HostileBodies() {}

    /** Raw JSON texts to put where a value belongs; some are not JSON at all. */
    static Arbitrary<String> poisons() {
        return Arbitraries.oneOf(List.of(
                Arbitraries.of("1e400", "-1e400", "1e-400", "18446744073709551616", "-18446744073709551617", "9223372036854775808",
                        "-0", "-0.0", "0.0e0", "NaN", "\"NaN\"", "Infinity", "-Infinity", "\"Infinity\"", "0x10", "01", "1.", "+1", ".5",
                        "1234567890123456789012345678901234567890", "-1234567890123456789012.123456789012345678",
                        "0.0000000000000000000000000000000000000001", "1e2147483648", "true", "false", "null", "[]", "{}", "[null]",
                        "{\"\":null}", "\"\"", "\" \"", "\"'; DROP TABLE ledger;--\"", "\"' OR '1'='1\"", "\"<script>alert(1)</script>\"",
                        "\"<img src=x onerror=alert(1)>\"", "\"\\u0000\"", "\"\\ud800\"", "\"\\udfff\\ud800\"", "\"../../etc/passwd\"",
                        "\"2021-02-30\"", "\"9999-12-31\"", "\"-0001-01-01\"", "\"2021-01-01T00:00:00Z\"", "\"${jndi:ldap://x/a}\"",
                        "\"%s%n%x\"", "\"\u202e\u200b\ufeff\"", "\"𝕿𝖗𝖚𝖈𝖊\"", "\"\\\"\"", "'single'", "undefined", "\"unterminated"),
                Arbitraries.integers().between(Json.MAX_DEPTH, 3000).map(HostileBodies::deepArray),
                Arbitraries.integers().between(Json.MAX_DEPTH, 3000).map(HostileBodies::deepObject),
                Arbitraries.of("1", "\"x\"", "{}", "null").map(item -> repeat(item, OVERSIZED)),
                Arbitraries.integers().between(10_000, 300_000).map(n -> "\"" + "x".repeat(n) + "\""),
                Arbitraries.strings().ofMaxLength(40).map(s -> Json.MAPPER.getNodeFactory().textNode(s).toString()),
                Arbitraries.bigDecimals().map(d -> d.toString()),
                Arbitraries.longs().map(String::valueOf)));
    }

    /** A valid JSON body broken in every way a hostile or careless client might. */
    static Arbitrary<Body> json(String valid) {
        List<String> fields = fieldsOf(valid);
        Arbitrary<Body> poisoned = fields.isEmpty() ? Arbitraries.just(new Body("valid", JSON, utf8(valid)))
                : Combinators.combine(Arbitraries.of(fields), poisons()).as((f, p) -> poison(valid, f, p));
        Arbitrary<Body> badUtf8 = fields.isEmpty() ? poisoned
                : Arbitraries.of(fields).map(f -> new Body("invalid UTF-8 in " + f, JSON, withBytes(valid, f)));
        return Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(10, poisoned),
                net.jqwik.api.Tuple.of(2, badUtf8),
                net.jqwik.api.Tuple.of(3, shapes(valid, fields)),
                net.jqwik.api.Tuple.of(1, contentTypes(valid)));
    }

    private static Arbitrary<Body> shapes(String valid, List<String> fields) {
        String first = fields.isEmpty() ? "\"id\"" : fields.get(0);
        return Arbitraries.oneOf(List.of(
                Arbitraries.of("", " ", "null", "[]", "{}", "\"text\"", "123", "true", "[{}]", "{\"\":{}}", "{,}", "{\"a\":1,}", "[1,]", "\u0000",
                        "\ufeff{}", "{\"id\":\"a\"}{\"id\":\"b\"}").map(t -> new Body("whole body " + t.strip(), JSON, utf8(t))),
                Arbitraries.integers().between(0, Math.max(0, valid.length() - 1))
                        .map(n -> new Body("truncated at " + n, JSON, utf8(valid.substring(0, n)))),
                Arbitraries.of("x", "}", "]", ",{}", " garbage", "\u0000").map(t -> new Body("trailing " + t, JSON, utf8(valid + t))),
                poisons().map(p -> new Body("duplicate key " + first, JSON, utf8("{" + first + ":" + p + "," + valid.substring(1)))),
                Arbitraries.of(fields.isEmpty() ? List.of("\"id\"") : fields).map(f -> new Body("without " + f, JSON, utf8(without(valid, f)))),
                Combinators.combine(Arbitraries.strings().alpha().ofMinLength(1).ofMaxLength(12), poisons())
                        .as((k, p) -> new Body("unknown field " + k, JSON, utf8("{\"" + k + "\":" + p + "," + valid.substring(1)))),
                Arbitraries.integers().between(Json.MAX_DEPTH, 2000).map(d -> new Body("wrapped " + d + " deep", JSON,
                        utf8("[".repeat(d) + valid + "]".repeat(d)))),
                Arbitraries.of("{}", "1", "[]").map(item -> new Body(OVERSIZED + " items of " + item, JSON, utf8(repeat(item, OVERSIZED)))),
                Arbitraries.integers().between(2, 4).map(n -> new Body(n + " copies", JSON, utf8(repeat(valid, n)))),
                Arbitraries.bytes().array(byte[].class).ofMaxSize(200).map(b -> new Body("random bytes", JSON, b)),
                Arbitraries.just(new Body("invalid UTF-8 body", JSON, BAD_UTF8))));
    }

    private static Arbitrary<Body> contentTypes(String valid) {
        return Arbitraries.of("text/plain", FORM, "application/xml", "multipart/form-data; boundary=x", "application/jsonx",
                        "application/json; charset=latin1", "application/json; charset=utf-16", "*/*", "", "application/json-patch+json")
                .map(t -> new Body("content type " + t, t, utf8(valid)));
    }

    /** A valid form body broken: poisoned, badly encoded, duplicated, oversized, or JSON where a form belongs. */
    static Arbitrary<Body> form(String valid) {
        List<String> keys = new ArrayList<>();
        for (String pair : valid.split("&")) if (!pair.isEmpty()) keys.add(pair.split("=", 2)[0]);
        Arbitrary<String> key = keys.isEmpty() ? Arbitraries.just("id") : Arbitraries.of(keys);
        Arbitrary<String> value = Arbitraries.oneOf(List.of(
                poisons().map(p -> java.net.URLEncoder.encode(p.length() > 20_000 ? p.substring(0, 20_000) : p, StandardCharsets.UTF_8)),
                Arbitraries.of("%", "%zz", "%FF%FE", "%C3%28", "%ED%A0%80", "%00", "%E2%80%AE", "a%", "%%", "+", "&", "=", "==", "")));
        return Arbitraries.oneOf(List.of(
                Combinators.combine(key, value).as((k, v) -> new Body("form " + k + "=" + v, FORM, utf8(replaceForm(valid, k, v)))),
                Combinators.combine(key, value).as((k, v) -> new Body("duplicate " + k, FORM, utf8(valid + "&" + k + "=" + v))),
                Combinators.combine(Arbitraries.strings().alpha().ofMinLength(1).ofMaxLength(12), value)
                        .as((k, v) -> new Body("unknown field " + k, FORM, utf8(valid + "&" + k + "=" + v))),
                key.map(k -> new Body("without " + k, FORM, utf8(replaceForm(valid, k, null)))),
                key.map(k -> new Body("invalid UTF-8 in " + k, FORM, formBytes(valid, k))),
                Arbitraries.just(new Body(OVERSIZED + " fields", FORM, utf8(fields(OVERSIZED)))),
                Arbitraries.of("", "&&&", "=", "a", "a=b=c", "%", "{\"id\":1}").map(t -> new Body("whole form " + t, FORM, utf8(t))),
                Arbitraries.of(JSON, "text/plain", "multipart/form-data; boundary=x", "")
                        .map(t -> new Body("form as " + t, t, utf8(valid)))));
    }

    private static Body poison(String valid, String field, String poison) {
        String label = field + " := " + (poison.length() > 60 ? poison.substring(0, 60) + "…(" + poison.length() + ")" : poison);
        return new Body(label, JSON, utf8(replaceValue(valid, field, poison)));
    }

    /** Every {@code "name":scalar} of the body, by its quoted name (the first occurrence is replaced). */
    static List<String> fieldsOf(String json) {
        List<String> out = new ArrayList<>();
        Matcher m = JSON_VALUE.matcher(json);
        while (m.find()) if (!out.contains(m.group(1))) out.add(m.group(1));
        return out;
    }

    private static String replaceValue(String json, String field, String replacement) {
        Matcher m = Pattern.compile(Pattern.quote(field) + ":(\"(?:[^\"\\\\]|\\\\.)*\"|-?[0-9][0-9.eE+-]*|true|false|null)").matcher(json);
        return m.find() ? json.substring(0, m.start()) + field + ":" + replacement + json.substring(m.end()) : json;
    }

    private static String without(String json, String field) {
        String marked = replaceValue(json, field, "\u0001");
        return marked.replace("," + field + ":\u0001", "").replace(field + ":\u0001,", "").replace(field + ":\u0001", "");
    }

    private static byte[] withBytes(String json, String field) {
        String[] parts = replaceValue(json, field, "\"\u0001\"").split("\u0001", 2);
        return concat(utf8(parts[0] + "a"), BAD_UTF8, utf8("b" + parts[1]));
    }

    private static String replaceForm(String form, String key, String value) {
        List<String> out = new ArrayList<>();
        for (String pair : form.split("&")) {
            if (pair.split("=", 2)[0].equals(key)) {
                if (value != null) out.add(key + "=" + value);
            } else {
                out.add(pair);
            }
        }
        return String.join("&", out);
    }

    private static byte[] formBytes(String form, String key) {
        String[] parts = replaceForm(form, key, "\u0001").split("\u0001", 2);
        return parts.length < 2 ? BAD_UTF8 : concat(utf8(parts[0]), BAD_UTF8, utf8(parts[1]));
    }

    static String deepArray(int depth) {
        return "[".repeat(depth) + "]".repeat(depth);
    }

    static String deepObject(int depth) {
        return "{\"a\":".repeat(depth) + "1" + "}".repeat(depth);
    }

    private static String repeat(String item, int n) {
        StringBuilder b = new StringBuilder(n * (item.length() + 1) + 2).append('[');
        for (int i = 0; i < n; i++) b.append(i == 0 ? "" : ",").append(item);
        return b.append(']').toString();
    }

    private static String fields(int n) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < n; i++) b.append(i == 0 ? "" : "&").append("f").append(i).append("=1");
        return b.toString();
    }

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] p : parts) out.writeBytes(p);
        return out.toByteArray();
    }
}
