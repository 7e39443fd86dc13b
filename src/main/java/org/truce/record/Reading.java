package org.truce.record;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Reads typed fields out of a JSON tree and collects every violation with its JSON pointer, so one
 * answer names all that is wrong with an input. Not thread-safe; one per input.
 */
public final class Reading {
    static final int MAX_TEXT = 2000;
    static final int MAX_SCALE = 6;
    private static final Pattern ID = Pattern.compile("[a-z0-9][a-z0-9._-]{0,63}");
    private static final Pattern UUID = Pattern.compile("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");
    private static final Pattern DECIMAL = Pattern.compile("-?[0-9]+(\\.[0-9]+)?");
    private final List<Violation> violations = new ArrayList<>();
    /** Reading the ledger's own entries, already checked on the way in: skip the format checks. */
    private final boolean trusted;

    public Reading() {
        this(false);
    }

    public Reading(boolean trusted) {
        this.trusted = trusted;
    }

    public List<Violation> violations() {
        return violations;
    }

    public boolean ok() {
        return violations.isEmpty();
    }

    public void fail(String pointer, String detail) {
        violations.add(new Violation(pointer, detail));
    }

    public boolean isObject(JsonNode node, String pointer) {
        if (node == null || !node.isObject()) {
            fail(pointer.isEmpty() ? "" : pointer, "must be a JSON object");
            return false;
        }
        return true;
    }

    public void onlyFields(JsonNode obj, String pointer, Set<String> allowed) {
        if (trusted) return;
        for (Iterator<String> it = obj.fieldNames(); it.hasNext(); ) {
            String name = it.next();
            if (!allowed.contains(name)) fail(pointer + "/" + escape(name), "is not a field of this object");
        }
    }

    /**
     * A string of at most {@value #MAX_TEXT} characters. Every string is free text at least: it may not
     * change direction ({@link TextRules#text}); names and ids are held to more ({@link #name}, {@link #id}).
     */
    public String text(JsonNode obj, String field, String pointer, boolean required) {
        JsonNode v = obj.get(field);
        String at = pointer + "/" + field;
        if (v == null || v.isNull()) {
            if (required) fail(at, "is required");
            return null;
        }
        if (!v.isTextual()) {
            fail(at, "must be a string");
            return null;
        }
        String s = v.asText();
        if (required && s.isBlank()) {
            fail(at, "must not be blank");
            return null;
        }
        if (s.length() > MAX_TEXT) {
            fail(at, "must be at most " + MAX_TEXT + " characters");
            return null;
        }
        if (!trusted && !allowed(TextRules.text(s), at)) return null;
        return s;
    }

    /**
     * A name in some language (of a source, metric, place or feature): a text that holds no invisible
     * or direction-changing character ({@link TextRules#name}).
     */
    public String name(JsonNode obj, String field, String pointer, boolean required) {
        String s = text(obj, field, pointer, required);
        return s != null && !named(s, pointer + "/" + field) ? null : s;
    }

    /** Whether {@code s}, read elsewhere, is fit to be a name; records the violation at {@code at} when not. */
    public boolean named(String s, String at) {
        return trusted || allowed(TextRules.name(s), at);
    }

    /** Whether {@code s}, read elsewhere, is fit to be an identifier; records the violation at {@code at} when not. */
    public boolean identified(String s, String at) {
        return trusted || allowed(TextRules.id(s), at);
    }

    private boolean allowed(java.util.Optional<String> refusal, String at) {
        refusal.ifPresent(reason -> fail(at, reason));
        return refusal.isEmpty();
    }

    /** A neutral identifier: lowercase letters, digits, '-', '_' and '.', 1 to 64 characters. */
    public String id(JsonNode obj, String field, String pointer, boolean required) {
        String s = text(obj, field, pointer, required);
        if (s != null && !identified(s, pointer + "/" + field)) return null;
        if (s != null && !trusted && !ID.matcher(s).matches()) {
            fail(pointer + "/" + field, "must be an identifier of 1 to 64 lowercase letters, digits, '.', '_' or '-'");
            return null;
        }
        return s;
    }

    public String uuid(JsonNode obj, String field, String pointer, boolean required) {
        String s = text(obj, field, pointer, required);
        if (s != null && !identified(s, pointer + "/" + field)) return null;
        if (s != null && !trusted && !UUID.matcher(s).matches()) {
            fail(pointer + "/" + field, "must be a UUID such as 3f1c2a4e-0a53-4a3e-9a51-2b7c7d0e9f10");
            return null;
        }
        return s == null ? null : s.toLowerCase(java.util.Locale.ROOT);
    }

    public LocalDate date(JsonNode obj, String field, String pointer, boolean required) {
        String s = text(obj, field, pointer, required);
        if (s == null) return null;
        try {
            return parseDate(s);
        } catch (DateTimeParseException e) {
            fail(pointer + "/" + field, "must be a date as YYYY-MM-DD");
            return null;
        }
    }

    /** Report dates repeat a great deal; parsed dates are kept (bounded) because parsing dominates replay. */
    private static final java.util.concurrent.ConcurrentHashMap<String, LocalDate> DATES = new java.util.concurrent.ConcurrentHashMap<>();

    public static LocalDate parseDate(String s) {
        LocalDate d = DATES.get(s);
        if (d != null) return d;
        d = LocalDate.parse(s);
        if (DATES.size() < 100_000) DATES.put(s, d);
        return d;
    }

    /** A decimal given as a JSON number or a decimal string; never NaN or infinite. */
    public BigDecimal decimal(JsonNode node, String at, boolean required) {
        if (node == null || node.isNull()) {
            if (required) fail(at, "is required");
            return null;
        }
        BigDecimal v = null;
        try {
            if (node.isNumber()) v = node.decimalValue();
            else if (node.isTextual() && node.asText().length() <= 40 && DECIMAL.matcher(node.asText()).matches()) {
                v = new BigDecimal(node.asText());
            }
        } catch (NumberFormatException e) {
            v = null;
        }
        if (v == null) {
            fail(at, "must be a finite decimal number");
            return null;
        }
        // checked before anything expands the number: 1e-5000000 is a short input but a huge plain string
        if (v.signum() != 0 && v.scale() - v.precision() + 1 > MAX_SCALE || v.stripTrailingZeros().scale() > MAX_SCALE) {
            fail(at, "must have at most " + MAX_SCALE + " decimal places");
            return null;
        }
        return v;
    }

    /** An array of non-blank strings; empty (and, when required, a violation) when absent. */
    public List<String> strings(JsonNode node, String at, boolean required) {
        List<String> out = new ArrayList<>();
        if (node == null || node.isNull()) {
            if (required) fail(at, "is required");
            return out;
        }
        if (!node.isArray()) {
            fail(at, "must be an array of strings");
            return out;
        }
        for (int i = 0; i < node.size(); i++) {
            JsonNode item = node.get(i);
            if (!item.isTextual() || item.asText().isBlank()) fail(at + "/" + i, "must be a non-empty string");
            else if (trusted || allowed(TextRules.text(item.asText()), at + "/" + i)) out.add(item.asText());
        }
        return out;
    }

    /** As {@link #strings}, each a reference or code: no invisible or direction-changing character ({@link TextRules#id}). */
    public List<String> ids(JsonNode node, String at, boolean required) {
        List<String> out = new ArrayList<>();
        List<String> all = strings(node, at, required);
        for (int i = 0; i < all.size(); i++) if (identified(all.get(i), at + "/" + i)) out.add(all.get(i));
        return out;
    }

    public static String escape(String name) {
        return name.replace("~", "~0").replace("/", "~1");
    }
}
