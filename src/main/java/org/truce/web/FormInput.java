package org.truce.web;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.truce.record.Violation;
import org.truce.web.desk.LocalInput;

/**
 * The number and date fields of a desk form, read in the page's language ({@link LocalInput}) and
 * rewritten in the API's wire form before {@link FormJson} builds the body; a field that does not read,
 * or reads two ways, is a {@link Violation} at its pointer, in the page's language. Stateless.
 */
final class FormInput {
    /** The submitted values with numbers and dates in wire form, and what could not be read. */
    record Read(Map<String, String> wire, List<Violation> refused) {}

    private FormInput() {}

    static Read read(Map<String, String> values, Map<String, FormJson.Kind> spec, Ui ui) {
        Map<String, String> wire = new LinkedHashMap<>(values);
        List<Violation> refused = new ArrayList<>();
        spec.forEach((name, kind) -> {
            String v = values.get(name);
            if (v == null || v.isEmpty() || kind == FormJson.Kind.TEXT) return;
            LocalInput.Read r = kind == FormJson.Kind.DATE ? LocalInput.date(v, ui.lang()) : LocalInput.number(v, ui.lang());
            if (r instanceof LocalInput.Ok ok) {
                wire.put(name, ok.wire());
            } else {
                String reason = ((LocalInput.Refused) r).reason();
                refused.add(new Violation("/" + name.replace('.', '/'), ui.t("desk.input." + reason, "value", v,
                        "example", LocalInput.dateExample(java.time.LocalDate.of(2021, 1, 31), ui.lang()))));
            }
        });
        return new Read(wire, refused);
    }
}
