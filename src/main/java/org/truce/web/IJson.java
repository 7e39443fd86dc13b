package org.truce.web;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.truce.record.Violation;

/**
 * The I-JSON rules (RFC 7493) that a parsed body must meet beyond plain JSON, and that canonical JSON
 * (RFC 8785 §3.2.2.2) assumes: every string is valid Unicode, so no escaped surrogate may stand unpaired
 * (§2.1). Duplicate member names (§2.3) are refused by the parser already ({@link Json#MAPPER}).
 * Violations name the place by JSON pointer and never quote the text, which may be personal data.
 * Stateless and thread-safe.
 */
final class IJson {
    static final String UNPAIRED_VALUE = "is text with an unpaired UTF-16 surrogate; I-JSON (RFC 7493 §2.1) requires valid Unicode";
    static final String UNPAIRED_NAME = "has a member name with an unpaired surrogate; I-JSON (RFC 7493 §2.1) requires valid Unicode";

    private IJson() {}

    /** The places in {@code tree} whose member names or string values hold an unpaired surrogate, in document order. */
    static List<Violation> unpairedSurrogates(JsonNode tree) {
        List<Violation> out = new ArrayList<>();
        walk(tree, "", out);
        return out;
    }

    private static void walk(JsonNode node, String pointer, List<Violation> out) {
        if (node.isTextual()) {
            if (!wellFormed(node.textValue())) out.add(new Violation(pointer, UNPAIRED_VALUE));
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) walk(node.get(i), pointer + "/" + i, out);
        } else if (node.isObject()) {
            boolean badName = false;
            for (Map.Entry<String, JsonNode> member : node.properties()) {
                if (wellFormed(member.getKey())) {
                    walk(member.getValue(), pointer + "/" + escape(member.getKey()), out);
                } else if (!badName) {
                    // the pointer would carry the bad name itself: name the object instead, once
                    out.add(new Violation(pointer, UNPAIRED_NAME));
                    badName = true;
                }
            }
        }
    }

    /** Whether every surrogate in {@code s} is a high one followed by a low one (a UTF-16 pair). */
    static boolean wellFormed(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                return false;
            }
        }
        return true;
    }

    /** RFC 6901 §3: "~" as "~0" and "/" as "~1". */
    static String escape(String name) {
        return name.replace("~", "~0").replace("/", "~1");
    }
}
