package org.truce.web;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns a submitted HTML form into the JSON object the API's readers take, so a form is refused or
 * accepted by exactly the rules of the matching API route. Field names are dotted paths
 * ({@code document.publisher} becomes {@code {"document":{"publisher":…}}}); an empty field is left
 * out, so the reader says "is required" where the API would. A number field that does not parse is
 * sent as text, for the reader to refuse with its own reason. Stateless.
 */
final class FormJson {
    /** How a field is sent: text as given, a number as a JSON number, a date as its ISO text. */
    enum Kind { TEXT, NUMBER, INTEGER, DATE }

    private FormJson() {}

    /** The first value of each submitted field, trimmed. */
    static Map<String, String> values(io.javalin.http.Context ctx) {
        Map<String, String> out = new LinkedHashMap<>();
        ctx.formParamMap().forEach((k, v) -> {
            if (!v.isEmpty() && !k.equals("csrf")) out.put(k, v.get(0).strip());
        });
        return out;
    }

    static ObjectNode object(Map<String, String> values, Map<String, Kind> fields) {
        ObjectNode root = Json.object();
        fields.forEach((name, kind) -> {
            String v = values.get(name);
            if (v == null || v.isEmpty()) return;
            List<String> path = List.of(name.split("\\."));
            ObjectNode at = root;
            for (String step : path.subList(0, path.size() - 1)) {
                at = at.has(step) ? (ObjectNode) at.get(step) : at.putObject(step);
            }
            put(at, path.get(path.size() - 1), v, kind);
        });
        return root;
    }

    private static void put(ObjectNode at, String name, String v, Kind kind) {
        try {
            switch (kind) {
                case NUMBER -> at.put(name, new BigDecimal(v));
                case INTEGER -> at.put(name, Long.parseLong(v));
                default -> at.put(name, v);
            }
        } catch (NumberFormatException e) {
            at.put(name, v);
        }
    }
}
