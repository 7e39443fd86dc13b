package org.truce.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.javalin.http.Context;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import org.truce.record.Violation;

/** Reads request bodies within the contract's limits and writes JSON responses. Thread-safe. */
final class Json {
    static final int MAX_BODY = 8 * 1024 * 1024;
    /** Deep enough for an array of places with their names' usedBy lists; deeper is refused. */
    static final int MAX_DEPTH = 5;
    static final ObjectMapper MAPPER = JsonMapper.builder()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .disable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS)
            // I-JSON (RFC 7493 §2.3): a name twice would let the last one win unseen; refuse it instead
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
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
        return parse(readLimited(ctx));
    }

    /**
     * Parses a request body as I-JSON (RFC 7493): JSON within the contract's limits, each member
     * name once per object (§2.3), every string valid Unicode (§2.1). Refusals name the place by JSON
     * pointer and never quote the input, which may be personal data.
     *
     * @throws Problem 400 naming what is wrong and where
     */
    static JsonNode parse(byte[] bytes) {
        if (bytes.length == 0) throw new Problem(ErrorCode.MALFORMED_JSON, "the request body is empty", whole("is empty"));
        JsonNode tree;
        try {
            tree = MAPPER.readTree(bytes);
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
            throw malformed(e, bytes);
        }
        List<Violation> unpaired = IJson.unpairedSurrogates(tree);
        if (!unpaired.isEmpty()) {
            throw new Problem(ErrorCode.MALFORMED_JSON, "the body has text that is not valid Unicode (I-JSON, RFC 7493 §2.1)", unpaired);
        }
        return tree;
    }

    /**
     * The refusal of a body the parser stopped at. The parser's own text quotes the offending token,
     * which may be personal data: only where it stopped is said, as line and column, and as the JSON
     * pointer of the place when the fault is a duplicate name or text that is not Unicode.
     */
    private static Problem malformed(IOException e, byte[] body) {
        if (!(e instanceof JsonProcessingException j) || !(j.getProcessor() instanceof JsonParser parser)) {
            return new Problem(ErrorCode.MALFORMED_JSON, "malformed JSON", whole("is not valid JSON"));
        }
        String where = j.getLocation() == null ? "" : " at line " + j.getLocation().getLineNr() + ", column " + j.getLocation().getColumnNr();
        String why = String.valueOf(j.getOriginalMessage());
        // Jackson's wording (StreamReadFeature.STRICT_DUPLICATE_DETECTION; UTF8StreamJsonParser): JsonParseTest pins it
        if (why.startsWith("Duplicate field")) {
            // the context has taken the repeated name as its current one: its path ends in that name
            return new Problem(ErrorCode.MALFORMED_JSON, "the body names a member more than once (I-JSON, RFC 7493 §2.3)" + where,
                    List.of(new Violation(parser.getParsingContext().pathAsPointer().toString(),
                            "is named more than once in its object; I-JSON (RFC 7493 §2.3) allows each name once")));
        }
        if (why.startsWith("Invalid UTF-8")) {
            return new Problem(ErrorCode.MALFORMED_JSON, "the body is not valid UTF-8 (I-JSON, RFC 7493 §2.1)" + where,
                    List.of(new Violation(stoppedAt(parser, j.getLocation(), body), "holds bytes that are not valid UTF-8" + where)));
        }
        if (why.contains("surrogate")) {
            // an escaped surrogate left unpaired in a member name: the parser refuses it (in a value, IJson finds it)
            return new Problem(ErrorCode.MALFORMED_JSON, "the body has text that is not valid Unicode (I-JSON, RFC 7493 §2.1)" + where,
                    List.of(new Violation(stoppedAt(parser, j.getLocation(), body), IJson.UNPAIRED_NAME)));
        }
        return new Problem(ErrorCode.MALFORMED_JSON, "malformed JSON" + where, whole("is not valid JSON" + where));
    }

    /**
     * The pointer of the value the parser was reading, or of the object whose member name it was
     * reading (the name is not a place, and may be the very text refused). The parser's context still
     * names the last member it began; a string is decoded only when read, after its token starts, so
     * the fault is in that member's value when it lies inside the string the token opens.
     */
    private static String stoppedAt(JsonParser parser, JsonLocation fault, byte[] body) {
        JsonStreamContext context = parser.getParsingContext();
        int token = (int) parser.currentTokenLocation().getByteOffset();
        boolean inString = token >= 0 && token < body.length && body[token] == '"'
                && fault.getByteOffset() <= closingQuote(body, token); // the fault is reported past its bytes
        JsonStreamContext place = context.inObject() && !inString ? context.getParent() : context;
        return place == null ? "" : place.pathAsPointer().toString();
    }

    /** The offset of the quote closing the string that opens at {@code open}; UTF-8 never uses '"' or '\\' inside a character. */
    private static long closingQuote(byte[] body, long open) {
        for (int i = (int) open + 1; i < body.length; i++) {
            if (body[i] == '\\') i++;
            else if (body[i] == '"') return i;
        }
        return body.length;
    }

    /** A violation of the body as a whole: JSON Pointer "" (RFC 6901 §5) names the whole document. */
    private static List<Violation> whole(String detail) {
        return List.of(new Violation("", detail));
    }

    static byte[] readLimited(Context ctx) {
        try (InputStream in = ctx.req().getInputStream()) {
            byte[] bytes = in.readNBytes(MAX_BODY + 1);
            if (bytes.length > MAX_BODY) throw new Problem(ErrorCode.TOO_LARGE, "the body is over the limit of " + MAX_BODY + " bytes");
            return bytes;
        } catch (IOException e) {
            if (SlowBodies.timedOut(e)) throw new Problem(ErrorCode.REQUEST_TIMEOUT, "the request body did not arrive in time; nothing was written");
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
