package org.truce.bulletin;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** Renders a bulletin as a JSON tree (field order fixed, so the bytes are reproducible). Stateless. */
public final class BulletinJson {
    private BulletinJson() {}

    /**
     * The issue as JSON: {@code published} and {@code status} first, then the bulletin, then
     * {@code publication} (issuer, number, issue day, revision, the earlier publication and the
     * changes since it; null for a draft) and the header lines in the bulletin's language.
     */
    public static ObjectNode render(Issue issue) {
        Masthead h = issue.masthead();
        ObjectNode n = JsonNodeFactory.instance.objectNode();
        n.put("published", h.published());
        n.put("status", h.status().wire());
        if (h.draftMark() != null) n.put("draftMark", h.draftMark());
        n.setAll(render(issue.bulletin()));
        ArrayNode header = n.putArray("header");
        h.headerLines().forEach(header::add);
        Publication p = h.publication();
        if (p == null) {
            n.putNull("publication");
            return n;
        }
        ObjectNode pub = n.putObject("publication");
        pub.put("id", p.clientId()).put("seq", p.seq()).put("number", h.number()).put("size", p.size()).put("root", p.root());
        pub.putObject("issuer").put("id", h.issuer()).put("name", h.issuerName());
        pub.put("issued", h.issued().toString());
        pub.put("recordedAt", p.recordedAt().toString());
        pub.put("revision", h.revision());
        if (h.previous() == null) {
            pub.putNull("previous");
        } else {
            pub.putObject("previous").put("id", h.previous().clientId()).put("seq", h.previous().seq()).put("size", h.previous().size());
        }
        if (p.witnessed() != null) pub.set("witnessed", p.witnessed().toJson());
        ArrayNode changes = pub.putArray("changes");
        for (Change c : h.changes()) {
            changes.addObject().put("kind", c.kind().wire()).put("metric", c.metric()).put("place", c.place())
                    .put("source", c.source()).put("before", c.before()).put("after", c.after()).put("seq", c.seq())
                    .put("text", c.text());
        }
        return n;
    }

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
        summary(n.putObject("keyFigures"), b.summary());
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
                line.put("approximate", l.approximate());
                line.put("derived", l.derived());
                reported(line.putArray("parts"), l.parts());
                reported(line.putArray("sameDay"), l.sameDay());
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

    private static void summary(ObjectNode n, Bulletin.Summary s) {
        n.put("heading", s.heading());
        n.put("intro", s.intro());
        ArrayNode metrics = n.putArray("metrics");
        for (Bulletin.KeyFigures k : s.metrics()) {
            ObjectNode o = metrics.addObject().put("metric", k.metric()).put("metricName", k.metricName())
                    .put("place", k.place()).put("placeName", k.placeName()).put("heading", k.heading());
            ArrayNode figures = o.putArray("figures");
            for (Bulletin.KeyFigure f : k.figures()) {
                figures.addObject().put("source", f.source()).put("sourceName", f.sourceName()).put("text", f.text())
                        .put("value", f.value()).put("qualifier", f.qualifier()).put("asOf", f.asOf().toString())
                        .put("approximate", f.approximate()).put("derived", f.derived());
            }
        }
    }

    /** Each report as its source published it: value and kind as given, its date, and the entry that holds it. */
    private static void reported(ArrayNode into, java.util.List<Bulletin.Reported> parts) {
        for (Bulletin.Reported r : parts) {
            into.addObject().put("report", r.report()).put("seq", r.seq()).put("kind", r.kind()).put("value", r.value())
                    .put("qualifier", r.qualifier()).put("asOf", r.asOf().toString());
        }
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
