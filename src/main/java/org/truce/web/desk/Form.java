package org.truce.web.desk;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.truce.record.Violation;

/**
 * A form as the reader filled it in, and what the record refused: each {@link Violation}'s JSON
 * pointer mapped to the form field it names ({@code /document/publisher} is field
 * {@code document.publisher}), for the message next to the field and the error summary at the top
 * (GOV.UK's error summary pattern). A pointer no field matches exactly goes to the first field under
 * it ({@code /location} to {@code location.lon}), else to its nearest parent's field, else to the form
 * as a whole. Immutable.
 */
public final class Form {
    /** One line of the error summary; {@code field} is null for a refusal of the form as a whole. */
    public record Error(String field, String detail) {
        public String anchor() {
            return field == null ? "form" : Form.id(field);
        }
    }

    private final Map<String, String> values;
    private final Map<String, List<String>> errors;
    private final List<Error> summary;

    private Form(Map<String, String> values, Map<String, List<String>> errors, List<Error> summary) {
        this.values = Map.copyOf(values);
        this.errors = errors;
        this.summary = List.copyOf(summary);
    }

    /** A fresh form with its default values. */
    public static Form of(Map<String, String> values) {
        return new Form(values, Map.of(), List.of());
    }

    /**
     * A submitted form and its refusals.
     *
     * @param fields the names of the form's fields, in page order
     * @param prefix the pointer prefix of the item ("" for a single object)
     */
    public static Form refused(Map<String, String> values, List<String> fields, List<Violation> violations, String prefix) {
        Map<String, List<String>> errors = new LinkedHashMap<>();
        List<Error> summary = new ArrayList<>();
        for (Violation v : violations) {
            String pointer = v.pointer().startsWith(prefix) ? v.pointer().substring(prefix.length()) : v.pointer();
            String field = field(pointer, fields);
            if (field != null) errors.computeIfAbsent(field, k -> new ArrayList<>()).add(v.detail());
            summary.add(new Error(field, v.detail()));
        }
        errors.replaceAll((k, list) -> List.copyOf(list));
        return new Form(values, Map.copyOf(errors), summary);
    }

    static String field(String pointer, List<String> fields) {
        String key = pointer.startsWith("/") ? pointer.substring(1).replace('/', '.') : pointer.replace('/', '.');
        while (!key.isEmpty()) {
            if (fields.contains(key)) return key;
            for (String f : fields) if (f.startsWith(key + ".")) return f;
            int dot = key.lastIndexOf('.');
            key = dot < 0 ? "" : key.substring(0, dot);
        }
        return null;
    }

    /** The id of a field's input element (and the target of its summary link). */
    public static String id(String field) {
        return "f-" + field.replace('.', '-');
    }

    public String value(String field) {
        return values.getOrDefault(field, "");
    }

    public boolean is(String field, String option) {
        return option.equals(values.get(field));
    }

    public boolean invalid(String field) {
        return errors.containsKey(field);
    }

    public List<String> errors(String field) {
        return errors.getOrDefault(field, List.of());
    }

    public List<Error> summary() {
        return summary;
    }

    public boolean refused() {
        return !summary.isEmpty();
    }
}
