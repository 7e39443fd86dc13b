package org.truce.record;

import com.ibm.icu.lang.UCharacter;
import com.ibm.icu.lang.UCharacterCategory;
import com.ibm.icu.lang.UProperty;
import java.util.Locale;
import java.util.Optional;

/**
 * The characters a name, an id or a free text may hold, so that what a reader sees is what the
 * ledger holds (issue 16: "retained \u202E0052" reads "retained 2500"; "ICRC\u200B" passes for
 * "ICRC"). Each check answers the reason for the first character it refuses, naming it by code point,
 * or empty. Stateless and thread-safe.
 * <ul>
 *   <li>Free text (attributions, quotes, notes, reasons, titles): no Bidi_Control (UAX #9 §2: the
 *   embeddings, overrides, isolates and the marks LRM, RLM, ALM). Even a balanced pair or a lone mark
 *   can put one number before another; the record's languages need none of them, and a right-to-left
 *   quotation is laid out correctly by the bidirectional algorithm inside the {@code <bdi>} every page
 *   puts around free text. Other invisible characters (soft hyphen, ZWNJ in a Persian quotation) may
 *   stand in text: they hide nothing a reader compares.</li>
 *   <li>Names (of sources, metrics, places, features, in every language): no Bidi_Control, no control
 *   character, no line or paragraph separator, and no Default_Ignorable_Code_Point — except ZERO
 *   WIDTH NON-JOINER and ZERO WIDTH JOINER where RFC 5892 Appendix A.1 and A.2 (CONTEXTJ) allow them:
 *   after a virama (Devanagari, Bengali, Sinhala, ...), and ZWNJ between letters that join on both of
 *   its sides (Arabic-script Persian "می‌خواهم"). Armenian, Azerbaijani, Russian and every other name
 *   without such characters is untouched.</li>
 *   <li>Ids (neutral identifiers, client ids): none of these at all, joiners included.</li>
 * </ul>
 */
public final class TextRules {
    static final String NAMES = "names and ids may not hold invisible or direction-changing characters";
    static final String TEXT = "text may not change its direction (the pages set each text apart already)";
    private static final int ZWNJ = 0x200C;
    private static final int ZWJ = 0x200D;
    /** Canonical_Combining_Class of a virama (UAX #44). */
    private static final int VIRAMA = 9;

    private TextRules() {}

    /** Why {@code text} may not be recorded as free text, or empty. */
    public static Optional<String> text(String text) {
        for (int i = 0; i < text.length(); ) {
            int cp = text.codePointAt(i);
            if (cp >= 0x80 && bidiControl(cp)) return Optional.of(reason(cp, text, i, "a bidirectional control", TEXT));
            i += Character.charCount(cp);
        }
        return Optional.empty();
    }

    /** Why {@code name} may not be recorded as a name, or empty. */
    public static Optional<String> name(String name) {
        return first(name, true);
    }

    /** Why {@code id} may not be recorded as an identifier, or empty. */
    public static Optional<String> id(String id) {
        return first(id, false);
    }

    private static Optional<String> first(String s, boolean joinersInContext) {
        for (int i = 0; i < s.length(); ) {
            int cp = s.codePointAt(i);
            if (cp < 0x20 || cp >= 0x7F) {
                String what = refused(s, i, cp, joinersInContext);
                if (what != null) return Optional.of(reason(cp, s, i, what, NAMES));
            }
            i += Character.charCount(cp);
        }
        return Optional.empty();
    }

    /** What makes the character at {@code i} unfit for a name or id, or null. */
    private static String refused(String s, int i, int cp, boolean joinersInContext) {
        if (bidiControl(cp)) return "a bidirectional control";
        int type = UCharacter.getType(cp);
        if (type == UCharacterCategory.CONTROL) return "a control character";
        if (type == UCharacterCategory.LINE_SEPARATOR || type == UCharacterCategory.PARAGRAPH_SEPARATOR) return "a line break";
        if (!UCharacter.hasBinaryProperty(cp, UProperty.DEFAULT_IGNORABLE_CODE_POINT)) return null;
        if (cp == ZWNJ || cp == ZWJ) {
            if (joinersInContext && joins(s, i, cp)) return null;
            return "an invisible joiner outside the scripts that need one (RFC 5892 CONTEXTJ: after a virama, "
                    + "or ZWNJ between joining letters as in Persian)";
        }
        return "an invisible character";
    }

    private static boolean bidiControl(int cp) {
        return UCharacter.hasBinaryProperty(cp, UProperty.BIDI_CONTROL);
    }

    /** RFC 5892 Appendix A.1 (ZWNJ) and A.2 (ZWJ). */
    private static boolean joins(String s, int i, int cp) {
        if (i == 0) return false;
        int before = s.codePointBefore(i);
        if (UCharacter.getCombiningClass(before) == VIRAMA) return true;
        if (cp == ZWJ) return false;
        // (Joining_Type:{L,D})(Joining_Type:T)* ZWNJ (Joining_Type:T)*(Joining_Type:{R,D})
        int left = i;
        int jt;
        do {
            int c = s.codePointBefore(left);
            left -= Character.charCount(c);
            jt = joiningType(c);
        } while (jt == UCharacter.JoiningType.TRANSPARENT && left > 0);
        if (jt != UCharacter.JoiningType.LEFT_JOINING && jt != UCharacter.JoiningType.DUAL_JOINING) return false;
        int right = i + Character.charCount(cp);
        jt = UCharacter.JoiningType.NON_JOINING;
        while (right < s.length()) {
            int c = s.codePointAt(right);
            right += Character.charCount(c);
            jt = joiningType(c);
            if (jt != UCharacter.JoiningType.TRANSPARENT) break;
        }
        return jt == UCharacter.JoiningType.RIGHT_JOINING || jt == UCharacter.JoiningType.DUAL_JOINING;
    }

    private static int joiningType(int cp) {
        return UCharacter.getIntPropertyValue(cp, UProperty.JOINING_TYPE);
    }

    /** "contains U+202E RIGHT-TO-LEFT OVERRIDE at character 9, a bidirectional control; ..." */
    private static String reason(int cp, String s, int index, String what, String rule) {
        int position = s.codePointCount(0, index) + 1;
        return "contains " + codePoint(cp) + " at character " + position + ", " + what + "; " + rule;
    }

    /** "U+202E RIGHT-TO-LEFT OVERRIDE"; a character without a name by its extended name ("<control-0007>"). */
    public static String codePoint(int cp) {
        return String.format(Locale.ROOT, "U+%04X %s", cp, UCharacter.getExtendedName(cp));
    }
}
