package org.truce.ledger;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
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

    public static Entry decode(byte[] bytes) {
        try {
            JsonNode node = JSON.readTree(bytes);
            return new Entry(
                    node.required("seq").asLong(),
                    Instant.parse(node.required("recordedAt").asText()),
                    node.required("type").asText(),
                    node.required("author").asText(),
                    node.required("clientId").asText(),
                    node.required("payload"));
        } catch (IOException | IllegalArgumentException | java.time.DateTimeException e) {
            throw new IllegalArgumentException("entry bytes are not a ledger entry: " + e.getMessage(), e);
        }
    }

    /** RFC 8785 canonical UTF-8 bytes of any JSON value. */
    public static byte[] canonical(JsonNode node) {
        try {
            return new JsonCanonicalizer(JSON.writeValueAsString(node)).getEncodedUTF8();
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot canonicalise JSON: " + e.getMessage(), e);
        }
    }

    public static String canonicalString(JsonNode node) {
        return new String(canonical(node), StandardCharsets.UTF_8);
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
