package org.truce.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.List;
import java.util.Set;
import org.truce.app.Truce;
import org.truce.extract.Extraction;
import org.truce.extract.Extractor;
import org.truce.extract.Proposal;
import org.truce.record.Document;
import org.truce.record.Reading;
import org.truce.record.RecordReader;
import org.truce.record.RecordWriter;

/**
 * From prose to draft figures: {@code POST /api/v1/drafts/from-text} takes a text, its language (or
 * none, to tell it from the letters) and the document it is from, and answers the figures it proposes,
 * each with the words it was read from, the fields it left undecided, and a draft of the report in the
 * shape {@code POST /api/v1/reports} takes (the sentence as the quote); and the sentences whose
 * numbers no rule read. Nothing is written: a person accepts each proposal through the reports path.
 * Stateless.
 */
final class ExtractRoutes {
    /** The longest text read at once, in characters (a long bulletin; split longer ones). */
    static final int MAX_TEXT = 200_000;
    private static final Set<String> FIELDS = Set.of("text", "lang", "document");
    private static final List<String> LANGUAGES = List.of("en", "ru", "hy", "az", "de");
    private final Truce truce;

    ExtractRoutes(Truce truce) {
        this.truce = truce;
    }

    void routes(RoutesConfig r) {
        r.post(WebApp.API + "/drafts/from-text", this::fromText, Access.REPORTING);
    }

    private void fromText(Context ctx) {
        Caller.required(ctx);
        JsonNode body = Json.body(ctx);
        Reading r = new Reading();
        if (!r.isObject(body, "")) throw Answers.invalid(r.violations());
        r.onlyFields(body, "", FIELDS);
        JsonNode t = body.get("text");
        String text = null;
        if (t == null || t.isNull()) r.fail("/text", "is required");
        else if (!t.isTextual() || t.asText().isBlank()) r.fail("/text", "must be a text with at least one sentence");
        else if (t.asText().length() > MAX_TEXT) r.fail("/text", "must be at most " + MAX_TEXT + " characters; send a long text in parts");
        else text = t.asText();
        String lang = r.text(body, "lang", "", false);
        if (lang != null && !LANGUAGES.contains(lang)) r.fail("/lang", "must be one of " + LANGUAGES + ", or absent to tell it from the text");
        Document document = RecordReader.document(r, body.get("document"), "/document");
        if (!r.ok()) throw Answers.invalid(r.violations());
        long size = truce.ledger().size();
        var book = truce.figures();
        Extraction read = new Extractor(book.sources(size), book.places(size), book.aliases(size))
                .read(text, lang, document == null ? null : document.date());
        Json.send(ctx, 200, answer(read, document, size));
    }

    static ObjectNode answer(Extraction read, Document document, long size) {
        ObjectNode out = Json.object();
        out.put("lang", read.lang()).put("langDetected", read.langDetected()).put("atSize", size);
        ArrayNode proposals = out.putArray("proposals");
        for (Proposal p : read.proposals()) {
            ObjectNode n = proposals.addObject();
            n.put("metric", p.metric()).put("value", p.value()).put("qualifier", p.qualifier().wire()).put("kind", p.kind().wire());
            date(n, "since", p.since());
            date(n, "asOf", p.asOf());
            n.put("place", p.place()).put("source", p.source());
            ObjectNode breakdown = n.putObject("breakdown");
            p.breakdown().forEach(breakdown::put);
            n.putObject("quote").put("text", p.sentence()).put("start", p.start()).put("end", p.end());
            ObjectNode why = n.putObject("why");
            p.why().forEach(why::put);
            p.undecided().forEach(n.putArray("undecided")::add);
            n.put("confidence", p.confidence());
            n.set("draft", draft(p, read.lang(), document));
        }
        ArrayNode unread = out.putArray("notUnderstood");
        for (Extraction.Unread u : read.notUnderstood()) {
            ObjectNode n = unread.addObject().put("sentence", u.sentence()).put("start", u.start()).put("end", u.end());
            u.numbers().forEach(n.putArray("numbers")::add);
        }
        return out;
    }

    /** The report as {@code POST /api/v1/reports} takes it, but its id; an undecided field is null, for a person to fill. */
    private static ObjectNode draft(Proposal p, String lang, Document document) {
        ObjectNode d = Json.object();
        d.put("metric", p.metric()).put("kind", p.kind().wire()).put("value", p.value()).put("qualifier", p.qualifier().wire());
        ObjectNode breakdown = d.putObject("breakdown");
        p.breakdown().forEach(breakdown::put);
        date(d, "asOf", p.asOf());
        date(d, "since", p.since());
        d.put("place", p.place()).put("source", p.source());
        d.put("attribution", p.sentence()).put("attributionKind", "quote").put("attributionLang", lang);
        if (document != null) d.set("document", RecordWriter.document(document));
        else d.putNull("document");
        return d;
    }

    private static void date(ObjectNode n, String field, java.time.LocalDate d) {
        if (d == null) n.putNull(field);
        else n.put(field, d.toString());
    }
}
