package org.truce.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.javalin.http.Context;
import java.io.IOException;
import java.io.InputStream;

/** Reads request bodies within the contract's limits and writes JSON responses. Thread-safe. */
final class Json {
    static final int MAX_BODY = 8 * 1024 * 1024;
    /** Deep enough for an array of places with their names' usedBy lists; deeper is refused. */
    static final int MAX_DEPTH = 5;
    static final ObjectMapper MAPPER = JsonMapper.builder()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .disable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS)
            .enable(com.fasterxml.jackson.core.StreamWriteFeature.WRITE_BIGDECIMAL_AS_PLAIN)
            .build();

    static {
        MAPPER.getFactory().setStreamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(MAX_DEPTH).build());
    }

    /**
     * Reads what the node itself stored (ledger entries, disclosed personal data): the request limits
     * (depth, sizes) guard input, and a stored geometry legitimately nests deeper than any request body.
     */
    static final ObjectMapper STORED = JsonMapper.builder()
            .enable(com.fasterxml.jackson.databind.DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS).build();

    private Json() {}

    static JsonNode body(Context ctx) {
        String type = ctx.contentType();
        if (type != null && !type.toLowerCase(java.util.Locale.ROOT).startsWith("application/json")) {
            throw new Problem(ErrorCode.UNSUPPORTED_MEDIA_TYPE, "Content-Type is " + type + "; send application/json");
        }
        long declared = ctx.req().getContentLengthLong();
        if (declared > MAX_BODY) throw new Problem(ErrorCode.TOO_LARGE, "the body has " + declared + " bytes; the limit is " + MAX_BODY);
        byte[] bytes = readLimited(ctx);
        if (bytes.length == 0) throw new Problem(ErrorCode.MALFORMED_JSON, "the request body is empty", whole("is empty"));
        try {
            return MAPPER.readTree(bytes);
        } catch (com.fasterxml.jackson.core.exc.StreamConstraintsException e) {
            String why = String.valueOf(e.getOriginalMessage());
            if (why.contains("esting depth")) {
                throw new Problem(ErrorCode.TOO_DEEP, "the body nests more than " + MAX_DEPTH + " levels deep",
                        whole("nests more than " + MAX_DEPTH + " levels deep"));
            }
            throw new Problem(ErrorCode.MALFORMED_JSON, "the body breaks a size limit of the contract: " + why, whole("breaks a size limit"));
        } catch (NumberFormatException e) {
            // Jackson's text quotes the number; say only what is wrong (e.g. 1e2147483648 overflows BigDecimal's scale)
            throw new Problem(ErrorCode.MALFORMED_JSON, "a number in the body is out of range", whole("has a number out of range"));
        } catch (IOException e) {
            // the parser's own text quotes the offending token, which may be personal data: say where only
            String where = e instanceof JsonProcessingException j && j.getLocation() != null
                    ? " at line " + j.getLocation().getLineNr() + ", column " + j.getLocation().getColumnNr() : "";
            throw new Problem(ErrorCode.MALFORMED_JSON, "malformed JSON" + where, whole("is not valid JSON" + where));
        }
    }

    /** A violation of the body as a whole: JSON Pointer "" (RFC 6901 §5) names the whole document. */
    private static java.util.List<org.truce.record.Violation> whole(String detail) {
        return java.util.List.of(new org.truce.record.Violation("", detail));
    }

    private static byte[] readLimited(Context ctx) {
        try (InputStream in = ctx.req().getInputStream()) {
            byte[] bytes = in.readNBytes(MAX_BODY + 1);
            if (bytes.length > MAX_BODY) throw new Problem(ErrorCode.TOO_LARGE, "the body is over the limit of " + MAX_BODY + " bytes");
            return bytes;
        } catch (IOException e) {
            throw new Problem(ErrorCode.MALFORMED_JSON, "the request body could not be read: " + e.getMessage());
        }
    }

    static void send(Context ctx, int status, JsonNode node) {
        try {
            ctx.status(status).contentType("application/json").result(MAPPER.writeValueAsBytes(node));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    static com.fasterxml.jackson.databind.node.ObjectNode object() {
        return MAPPER.createObjectNode();
    }

    static com.fasterxml.jackson.databind.node.ArrayNode array() {
        return MAPPER.createArrayNode();
    }
}
