package org.truce.web;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The rows of an {@link ExportTable} read from a JSON answer: one cell per declared column, as text
 * (null when the field is absent or null). A scalar is its text; a list of plain values is joined with
 * "; " and a name with its language reads "name (lang)"; any other list or object is compact JSON.
 * Stateless.
 */
final class TableRows {
    private TableRows() {}

    static List<List<String>> of(ExportTable table, JsonNode answer) {
        List<List<String>> out = new ArrayList<>();
        for (JsonNode row : answer.at(table.rows())) {
            List<String> cells = new ArrayList<>(table.columns().size());
            for (Column c : table.columns()) {
                JsonNode from = table.rootFields().contains(c.name()) ? answer : row;
                cells.add(cell(at(from, c.name())));
            }
            out.add(cells);
        }
        return out;
    }

    /** The fields of the answer's rows (dotted paths) that no declared column holds: a table that forgot a column. */
    static Set<String> undeclared(ExportTable table, JsonNode answer) {
        Set<String> leaves = new TreeSet<>();
        for (JsonNode row : answer.at(table.rows())) leaves("", row, leaves);
        for (String root : table.rootFields()) if (answer.has(root)) leaves.add(root);
        leaves.removeIf(p -> table.names().stream().anyMatch(c -> c.equals(p) || p.startsWith(c + ".") || c.startsWith(p + ".")));
        return leaves;
    }

    private static void leaves(String prefix, JsonNode n, Set<String> into) {
        if (n.isObject() && !n.isEmpty()) {
            for (Iterator<Map.Entry<String, JsonNode>> it = n.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                leaves(prefix.isEmpty() ? e.getKey() : prefix + "." + e.getKey(), e.getValue(), into);
            }
        } else {
            into.add(prefix);
        }
    }

    private static JsonNode at(JsonNode n, String dotted) {
        JsonNode at = n;
        for (String part : dotted.split("\\.")) {
            if (at == null || !at.isObject()) return null;
            at = at.get(part);
        }
        return at;
    }

    private static String cell(JsonNode n) {
        if (n == null || n.isNull() || n.isMissingNode()) return null;
        if (n.isObject()) return n.toString();
        if (n.isArray()) {
            boolean names = true, plain = true;
            for (JsonNode item : n) {
                names &= item.isObject() && item.has("name") && item.has("lang");
                plain &= !item.isContainerNode();
            }
            if (!plain && !names) return n.toString();
            List<String> parts = new ArrayList<>();
            for (JsonNode item : n) parts.add(names ? item.get("name").asText() + " (" + item.get("lang").asText() + ")" : item.asText());
            return String.join("; ", parts);
        }
        return n.asText();
    }
}
