package org.truce.record;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** Writes the shared parts of a payload in the form {@link RecordReader} reads. Stateless. */
public final class RecordWriter {
    private static final JsonNodeFactory F = JsonNodeFactory.instance;

    private RecordWriter() {}

    /** A repeat's reference to the entry it repeats. */
    public static ObjectNode duplicateOf(DuplicateOf d) {
        ObjectNode n = F.objectNode();
        n.put("id", d.id());
        n.put("reason", d.reason());
        return n;
    }

    /** A cited document; absent parts are written as null. */
    public static ObjectNode document(Document d) {
        ObjectNode doc = F.objectNode();
        putNullable(doc, "title", d.title());
        doc.put("publisher", d.publisher());
        putNullable(doc, "date", d.date() == null ? null : d.date().toString());
        putNullable(doc, "url", d.url());
        return doc;
    }

    private static void putNullable(ObjectNode n, String field, String value) {
        if (value == null) n.putNull(field);
        else n.put(field, value);
    }
}
