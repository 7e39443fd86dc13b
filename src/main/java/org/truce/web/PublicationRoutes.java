package org.truce.web;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.http.Context;
import java.util.List;
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
    private final Publications publications;
    private final WriteRequest writes;
    private final WriteRoute<PublishRequest> publishing;

    PublicationRoutes(Publisher publisher, Publications publications, WriteRequest writes) {
        this.publications = publications;
        this.writes = writes;
        // the root is computed when read; the issuer, the organisation's catalog source (never the account), when recorded
        WriteRoute.Reader<PublishRequest> reader = (node, at) -> {
            Parsed<PublicationReader.Asked> parsed = PublicationReader.read(node);
            if (parsed instanceof Parsed.Invalid<PublicationReader.Asked> invalid) return new Parsed.Invalid<>(invalid.violations());
            PublicationReader.Asked asked = ((Parsed.Ok<PublicationReader.Asked>) parsed).value();
            return new Parsed.Ok<>(publisher.request(asked.id(), asked.date(), asked.size()));
        };
        this.publishing = WriteRoute.of(reader, (requests, pointers, actor) -> {
            PublishRequest r = requests.get(0);
            PublishRequest issued = new PublishRequest(r.id(), r.date(), r.size(), r.root(), actor.source() != null ? actor.source() : actor.org());
            return publisher.publish(List.of(issued), pointers, actor.author());
        }).oneObject().withReceipts((r, receipt) -> receipt.put("date", r.date().toString()).put("size", r.size()).put("root", r.root()));
    }

    void routes(io.javalin.config.RoutesConfig r) {
        r.post(WebApp.API + "/publications", writes.handler(publishing), Access.SECRETARIAT);
        r.get(WebApp.API + "/publications", CsvTables.csv(this::list, Tables.PUBLICATIONS), Access.PUBLIC);
    }

    /** One publication from the desk's publish form: the same path as {@code POST /api/v1/publications}. */
    org.truce.ledger.AppendResult.Accepted publish(org.truce.accounts.Principal p, com.fasterxml.jackson.databind.JsonNode body, String address) {
        return writes.accept(p, body, publishing, address).accepted();
    }

    void list(Context ctx) {
        String date = ctx.queryParam("date");
        java.time.LocalDate only = date == null ? null : Params.parseDate("date", date);
        List<Publication> all = publications.newestFirst().stream().filter(p -> only == null || p.date().equals(only)).toList();
        int offset = (int) Params.longParam(ctx, "offset", 0, 0, Integer.MAX_VALUE);
        // a download is the whole table unless a page is asked for, as the other lists give it
        int limit = CsvTables.asked(ctx) ? (int) Params.longParam(ctx, "limit", Integer.MAX_VALUE, 1, Integer.MAX_VALUE)
                : (int) Params.longParam(ctx, "limit", 100, 1, 1000);
        ObjectNode body = Json.object();
        ArrayNode items = body.putArray("items");
        all.stream().skip(offset).limit(limit).forEach(pub -> items.add(json(pub, publications)));
        body.put("total", all.size());
        if ((long) offset + limit < all.size()) body.put("next", offset + limit);
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
