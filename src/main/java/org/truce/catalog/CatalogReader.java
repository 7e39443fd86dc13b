package org.truce.catalog;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.truce.record.Reading;

/** Reads the parts of the catalog that other capabilities' inputs carry: a place's or feature's names. Stateless. */
public final class CatalogReader {
    private CatalogReader() {}

    /** Every side's names: {@code [{"lang": "en", "name": "Lachin", "usedBy": ["common"]}, ...]}, at least one. */
    public static List<PlaceName> placeNames(Reading r, JsonNode node, String at) {
        List<PlaceName> out = new ArrayList<>();
        if (node == null || !node.isArray() || node.isEmpty()) {
            r.fail(at, "must be a non-empty array of {lang, name, usedBy}");
            return out;
        }
        for (int i = 0; i < node.size(); i++) {
            String p = at + "/" + i;
            JsonNode n = node.get(i);
            if (!r.isObject(n, p)) continue;
            r.onlyFields(n, p, Set.of("lang", "name", "usedBy"));
            String lang = r.text(n, "lang", p, true);
            if (lang != null && !lang.matches("[a-z]{2,3}")) r.fail(p + "/lang", "must be a language code such as en or ru");
            String name = r.name(n, "name", p, true);
            List<String> usedBy = r.ids(n.get("usedBy"), p + "/usedBy", true);
            // an empty list; a list whose items were refused has its own violations
            if (n.path("usedBy").isArray() && n.path("usedBy").isEmpty()) r.fail(p + "/usedBy", "must name who uses the name, or \"common\"");
            out.add(new PlaceName(lang, name, usedBy));
        }
        return out;
    }
}
