package org.truce.bulletin;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** Renders a bulletin as a JSON tree (field order fixed, so the bytes are reproducible). Stateless. */
public final class BulletinJson {
    private BulletinJson() {}

    public static ObjectNode render(Bulletin b) {
        ObjectNode n = JsonNodeFactory.instance.objectNode();
        n.put("asOf", b.asOf().toString());
        n.put("lang", b.lang());
        ObjectNode cp = n.putObject("checkpoint");
        cp.put("size", b.size());
        cp.put("root", b.root());
        cp.put("signedNote", b.signedCheckpoint());
        n.put("title", b.title());
        n.put("intro", b.intro());
        ArrayNode sections = n.putArray("sections");
        for (Bulletin.Section s : b.sections()) {
            ObjectNode o = sections.addObject();
            o.put("metric", s.metric());
            o.put("metricName", s.metricName());
            o.put("place", s.place());
            o.put("placeName", s.placeName());
            ArrayNode lines = o.putArray("lines");
            for (Bulletin.Line l : s.lines()) {
                ObjectNode line = lines.addObject();
                line.put("source", l.source());
                line.put("sourceName", l.sourceName());
                line.put("text", l.text());
                line.put("value", l.value());
                line.put("qualifier", l.qualifier());
                line.put("reportedAsOf", l.reportedAsOf() == null ? null : l.reportedAsOf().toString());
                ArrayNode basedOn = line.putArray("basedOn");
                l.basedOn().forEach(basedOn::add);
                ArrayNode quotes = line.putArray("quotes");
                l.quotes().forEach(quotes::add);
                ArrayNode citations = line.putArray("citations");
                for (Citation c : l.citations()) citation(citations.addObject(), c);
                ArrayNode notes = line.putArray("notes");
                l.notes().forEach(notes::add);
            }
            o.put("noReport", s.noReport());
        }
        ArrayNode parts = n.putArray("parts");
        for (Bulletin.Part p : b.parts()) {
            ObjectNode o = parts.addObject().put("key", p.key()).put("heading", p.heading());
            p.lines().forEach(o.putArray("lines")::add);
        }
        return n;
    }

    /** A citation: the words with their kind and language, the document (null: reported directly), the text. */
    private static void citation(ObjectNode o, Citation c) {
        o.put("kind", c.kind());
        o.put("words", c.words());
        o.put("lang", c.wordsLang());
        if (c.hasDocument()) {
            ObjectNode d = o.putObject("document");
            d.put("title", c.title());
            d.put("publisher", c.publisher());
            d.put("date", c.docDate() == null ? null : c.docDate().toString());
            d.put("url", c.url());
        } else {
            o.putNull("document");
        }
        o.put("text", c.text());
    }
}
