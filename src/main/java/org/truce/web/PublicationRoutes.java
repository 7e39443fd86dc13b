package org.truce.web;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.http.Context;
import java.util.List;
import org.truce.accounts.Principal;
import org.truce.bulletin.Issues;
import org.truce.bulletin.Publication;
import org.truce.bulletin.PublicationReader;
import org.truce.bulletin.Publications;
import org.truce.bulletin.PublishRequest;
import org.truce.bulletin.Publisher;
import org.truce.record.Parsed;
import org.truce.ledger.EntryCodec;

/**
 * Publishing bulletins over HTTP: {@code POST /api/v1/publications} (the secretariat; body
 * {@code {id?, date, size?}}, the size defaulting to the ledger's and the root computed here) and the
 * public list {@code GET /api/v1/publications}, newest date first, paginated with offset and limit;
 * {@code ?date=} keeps one date's publications.
 */
final class PublicationRoutes {
    private final Publisher publisher;
    private final Publications publications;

    PublicationRoutes(Publisher publisher, Publications publications) {
        this.publisher = publisher;
        this.publications = publications;
    }

    void publish(Context ctx) {
        Principal p = Caller.required(ctx);
        Parsed<PublicationReader.Asked> parsed = PublicationReader.read(Json.body(ctx));
        if (parsed instanceof Parsed.Invalid<PublicationReader.Asked> invalid) throw Answers.invalid(invalid.violations());
        PublicationReader.Asked asked = ((Parsed.Ok<PublicationReader.Asked>) parsed).value();
        // in the organisation's name (its catalog source), never the account's
        PublishRequest request = publisher.request(asked.id(), asked.date(), asked.size(), p.sourceId() != null ? p.sourceId() : p.orgId());
        Answers.outcome(ctx, Answers.recording(() -> publisher.publish(request, p.author())), false, List.of(""),
                (i, receipt) -> receipt.put("date", request.date().toString()).put("size", request.size()).put("root", request.root()));
    }

    void list(Context ctx) {
        String date = ctx.queryParam("date");
        java.time.LocalDate only = date == null ? null : Params.parseDate("date", date);
        List<Publication> all = publications.newestFirst().stream().filter(p -> only == null || p.date().equals(only)).toList();
        int offset = (int) Params.longParam(ctx, "offset", 0, 0, Integer.MAX_VALUE);
        int limit = (int) Params.longParam(ctx, "limit", 100, 1, 1000);
        ObjectNode body = Json.object();
        ArrayNode items = body.putArray("items");
        all.stream().skip(offset).limit(limit).forEach(pub -> items.add(json(pub, publications)));
        body.put("total", all.size());
        if (offset + limit < all.size()) body.put("next", offset + limit);
        else body.putNull("next");
        Json.send(ctx, 200, body);
    }

    private static ObjectNode json(Publication p, Publications all) {
        ObjectNode n = Json.object();
        n.put("id", p.clientId()).put("date", p.date().toString()).put("size", p.size()).put("root", p.root())
                .put("seq", p.seq()).put("recordedAt", EntryCodec.formatInstant(p.recordedAt())).put("author", p.author())
                .put("issuer", Issues.issuer(p)).put("number", all.number(p))
                .put("revision", all.revision(p))
                .put("latest", all.latest(p.date()).map(l -> l.seq() == p.seq()).orElse(false))
                .put("bulletin", "/bulletins/" + p.date());
        return n;
    }
}
