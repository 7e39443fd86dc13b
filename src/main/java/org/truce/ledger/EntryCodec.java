package org.truce.ledger;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import org.erdtman.jcs.JsonCanonicalizer;

/**
 * Encodes entries as RFC 8785 canonical JSON, the exact bytes that are stored and hashed, and decodes
 * them back. Stateless and thread-safe.
 *
 * <p>Payloads carry decimals as strings, so the canonical form never goes through binary floating
 * point (RFC 8785 §3.2.2.3 serialises numbers as IEEE 754 doubles).
 */
public final class EntryCodec {
    static final ObjectMapper JSON = new ObjectMapper()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
    private static final DateTimeFormatter INSTANT =
            DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);

    private EntryCodec() {}

    public static byte[] encode(Entry entry) {
        ObjectNode node = JSON.createObjectNode();
        node.put("seq", entry.seq());
        node.put("recordedAt", formatInstant(entry.recordedAt()));
        node.put("type", entry.type());
        node.put("author", entry.author());
        node.put("clientId", entry.clientId());
        node.set("payload", entry.payload());
        return canonical(node);
    }

    private static boolean plain(JsonNode node) {
        switch (node.getNodeType()) {
            case STRING:
                return plain(node.textValue());
            case NUMBER:
                return node.canConvertToExactIntegral() && node.isIntegralNumber() && Math.abs(node.asLong()) < (1L << 53)
                        && node.canConvertToLong();
            case OBJECT:
                for (var e : node.properties()) {
                    if (!plain(e.getKey()) || !plain(e.getValue())) return false;
                }
                return true;
            case ARRAY:
                for (JsonNode item : node) if (!plain(item)) return false;
                return true;
            case BOOLEAN:
            case NULL:
                return true;
            default:
                return false;
        }
    }

    private static boolean plain(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < 0x20 && c != '\b' && c != '\t' && c != '\n' && c != '\f' && c != '\r') return false;
            if (Character.isSurrogate(c)) return false;
        }
        return true;
    }

    /**
     * The same bytes as {@link #encode}, framed from a payload already in canonical form: an RFC 8785
     * object is its members sorted by name, each value canonical, so only the small envelope values
     * need canonicalising here. Keys in sorted order: author, clientId, payload, recordedAt, seq, type.
     */
    static byte[] frame(long seq, java.time.Instant recordedAt, String type, String author, String clientId, byte[] canonicalPayload) {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream(canonicalPayload.length + 160);
        out.writeBytes(ASCII_AUTHOR);
        out.writeBytes(canonicalString(author));
        out.writeBytes(ASCII_CLIENT_ID);
        out.writeBytes(canonicalString(clientId));
        out.writeBytes(ASCII_PAYLOAD);
        out.writeBytes(canonicalPayload);
        out.writeBytes(ASCII_RECORDED_AT);
        out.writeBytes(recordedAtBytes(recordedAt));
        out.writeBytes(ASCII_SEQ);
        out.writeBytes(Long.toString(seq).getBytes(StandardCharsets.US_ASCII));
        out.writeBytes(ASCII_TYPE);
        out.writeBytes(canonicalString(type));
        out.write('}');
        return out.toByteArray();
    }

    private static final byte[] ASCII_AUTHOR = "{\"author\":".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] ASCII_CLIENT_ID = ",\"clientId\":".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] ASCII_PAYLOAD = ",\"payload\":".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] ASCII_RECORDED_AT = ",\"recordedAt\":".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] ASCII_SEQ = ",\"seq\":".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] ASCII_TYPE = ",\"type\":".getBytes(StandardCharsets.US_ASCII);

    /** Canonical bytes of one JSON string value; plain printable ASCII needs no escaping and skips the canonicaliser. */
    private static byte[] canonicalString(String s) {
        boolean plain = true;
        for (int i = 0; i < s.length() && plain; i++) {
            char c = s.charAt(i);
            plain = c >= 0x20 && c < 0x7f && c != '"' && c != '\\';
        }
        if (plain) return ("\"" + s + "\"").getBytes(StandardCharsets.US_ASCII);
        byte[] array = canonical(JSON.createArrayNode().add(s));
        return java.util.Arrays.copyOfRange(array, 1, array.length - 1);
    }

    public static Entry decode(byte[] bytes) {
        try {
            JsonNode node = JSON.readTree(bytes);
            return new Entry(
                    node.required("seq").asLong(),
                    parseInstant(node.required("recordedAt").asText()),
                    node.required("type").asText(),
                    node.required("author").asText(),
                    node.required("clientId").asText(),
                    node.required("payload"));
        } catch (IOException | IllegalArgumentException | java.time.DateTimeException e) {
            throw new IllegalArgumentException("entry bytes are not a ledger entry: " + e.getMessage(), e);
        }
    }

    /**
     * Jackson writing object properties sorted: for trees whose numbers are all integers and whose
     * strings hold no control character other than \b \t \n \f \r and no surrogate, its output is
     * exactly RFC 8785's (members sorted by UTF-16 code units, no whitespace, the same escapes), at a
     * fraction of the canonicaliser's cost. Every other tree goes through the canonicaliser; a test
     * compares the two on random trees.
     */
    private static final ObjectMapper SORTED = JsonMapper.builder()
            .enable(com.fasterxml.jackson.databind.cfg.JsonNodeFeature.WRITE_PROPERTIES_SORTED).build();

    /** RFC 8785 canonical UTF-8 bytes of any JSON value. */
    public static byte[] canonical(JsonNode node) {
        try {
            if (plain(node)) return SORTED.writeValueAsBytes(node);
            return new JsonCanonicalizer(JSON.writeValueAsString(node)).getEncodedUTF8();
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot canonicalise JSON: " + e.getMessage(), e);
        }
    }

    /** A batch shares one record time: its canonical bytes are kept rather than formatted per entry. */
    private static final ThreadLocal<Object[]> LAST_RECORDED = ThreadLocal.withInitial(() -> new Object[2]);

    private static byte[] recordedAtBytes(Instant recordedAt) {
        Object[] last = LAST_RECORDED.get();
        if (recordedAt.equals(last[0])) return (byte[]) last[1];
        byte[] bytes = canonicalString(formatInstant(recordedAt));
        last[0] = recordedAt;
        last[1] = bytes;
        return bytes;
    }

    /** Entries of one batch share their record time, so the last parse is kept (parsing is costly on replay). */
    private static final ThreadLocal<Object[]> LAST_INSTANT = ThreadLocal.withInitial(() -> new Object[2]);

    static Instant parseInstant(String text) {
        Object[] last = LAST_INSTANT.get();
        if (text.equals(last[0])) return (Instant) last[1];
        Instant parsed = Instant.parse(text);
        last[0] = text;
        last[1] = parsed;
        return parsed;
    }

    public static String formatInstant(Instant instant) {
        return INSTANT.format(instant);
    }

    public static ObjectMapper mapper() {
        return JSON;
    }

    static String toJson(JsonNode node) {
        try {
            return JSON.writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
