package org.truce.catalog;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/** Writes the catalog's shared parts in the form {@link CatalogReader} reads. Stateless. */
public final class CatalogWriter {
    private CatalogWriter() {}

    /** Names of a place or feature. */
    public static ArrayNode placeNames(List<PlaceName> list) {
        ArrayNode names = JsonNodeFactory.instance.arrayNode();
        for (PlaceName name : list) {
            ObjectNode o = names.addObject();
            o.put("lang", name.lang());
            o.put("name", name.name());
            ArrayNode usedBy = o.putArray("usedBy");
            name.usedBy().forEach(usedBy::add);
        }
        return names;
    }
}
