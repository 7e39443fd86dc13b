package org.truce.web;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.http.Context;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import org.truce.accounts.Attribution.Speakers;
import org.truce.accounts.Principal;
import org.truce.cases.CaseFact;
import org.truce.record.Voice;
import org.truce.audit.AuditTrail;
import org.truce.cases.CaseBook;
import org.truce.cases.CaseKind;
import org.truce.cases.CaseReader;
import org.truce.cases.CaseRecord;
import org.truce.cases.CaseRecorder;
import org.truce.cases.CaseRequest;
import org.truce.cases.PartyTerm;
import org.truce.record.Parsed;
import org.truce.record.Violation;
import org.truce.ledger.EntryCodec;

/**
 * Case records of persons. Reporters open cases and add statuses in their own organisation's name;
 * analysts and custodians read the records, which never carry personal data; only a custodian
 * whose grants cover the keeping organisation reads the personal data, and each such read goes to
 * the audit trail. Erasure is the custodian's act too.
 */
final class CaseRoutes {
    private final CaseBook cases;
    private final CaseRecorder recorder;
    private final WriteRequest writes;
    private final AuditTrail audit;
    private final WriteRoute<CaseRequest> opening;

    CaseRoutes(CaseBook cases, CaseRecorder recorder, WriteRequest writes, AuditTrail audit) {
        this.cases = cases;
        this.recorder = recorder;
        this.writes = writes;
        this.audit = audit;
        this.opening = single((node, at) -> CaseReader.readOpening(node))
                .speaking(Speakers.REPORTERS_ONLY, (request, at) -> Voice.of(((CaseFact.Opened) request.fact()).source(), "/source", null, "/document"));
    }

    /** A case route: one object, recorded in the caller's organisation's name. */
    private WriteRoute<CaseRequest> single(WriteRoute.Reader<CaseRequest> reader) {
        return WriteRoute.of(reader, (requests, pointers, actor) -> recorder.record(requests.get(0), actor.author(), actor.account())).oneObject();
    }

    /** The cases' routes: the writes (through the one write path) and the reads. */
    void routes(io.javalin.config.RoutesConfig r) {
        r.post(WebApp.API + "/cases", writes.handler(opening), Access.REPORTER);
        r.post(WebApp.API + "/cases/{id}/status", this::status, Access.REPORTER);
        r.post(WebApp.API + "/cases/{id}/erasure", this::erase, Access.CUSTODIAN);
        r.get(WebApp.API + "/cases", this::list, Access.RECORD_READER);
        r.get(WebApp.API + "/cases/{id}", this::one, Access.RECORD_READER);
        r.get(WebApp.API + "/cases/{id}/personal", this::personal, Access.CUSTODIAN);
    }

    /** A status is added by a reporter of the organisation that keeps the case. */
    private void status(Context ctx) throws Exception {
        CaseRecord c = existing(ctx);
        writes.handler(single((node, at) -> CaseReader.readStatus(node, c.id()))
                .speaking(Speakers.REPORTERS_ONLY, (request, at) -> Voice.of(c.source(), "", null, "/document"))).handle(ctx);
    }

    /** Erasure is the act of a custodian whose grants cover the keeping organisation; the trail says whose. */
    private void erase(Context ctx) throws Exception {
        Principal p = Caller.required(ctx);
        CaseRecord c = existing(ctx);
        requireKeeper(p, c);
        writes.handler(single((node, at) -> CaseReader.readErasure(node, c.id()))).handle(ctx);
        audit.note(p.accountId(), writes.attribution().keeperOrg(p, c.source()), "case.erased", c.id(), ctx.ip(), null);
    }

    void list(Context ctx) {
        String kind = ctx.queryParam("kind");
        CaseKind k = kind == null ? null : CaseKind.parse(kind)
                .orElseThrow(() -> Problem.badParameter("kind", "must be detainee, missing or remains"));
        ArrayNode out = Json.array();
        for (CaseRecord c : cases.list(ctx.queryParam("source"), k)) out.add(record(c));
        Json.send(ctx, 200, out);
    }

    void one(Context ctx) {
        Json.send(ctx, 200, record(existing(ctx)));
    }

    /** The personal data of a case, in clear: custodians of the keeping organisation only; audited. */
    void personal(Context ctx) {
        Principal p = Caller.required(ctx);
        CaseRecord c = existing(ctx);
        requireKeeper(p, c);
        // required: personal data is not served unless its reading is on record
        audit.require(p.accountId(), writes.attribution().keeperOrg(p, c.source()), "restricted.read", c.id(), ctx.ip(), null);
        ObjectNode n = Json.object().put("case", c.id()).put("erased", c.erased());
        ArrayNode items = n.putArray("personal");
        for (CaseRecorder.Disclosed d : recorder.disclose(c)) {
            try {
                items.addObject().put("entry", d.entryId()).put("status", d.status()).set("data", Json.STORED.readTree(d.json()));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        ctx.header("Cache-Control", "no-store");
        Json.send(ctx, 200, n);
    }

    private void requireKeeper(Principal p, CaseRecord c) {
        if (!writes.attribution().keeps(p, c.source())) {
            throw new Problem(ErrorCode.FORBIDDEN, "your custodian grants do not cover the organisation that keeps case " + c.id());
        }
    }

    private CaseRecord existing(Context ctx) {
        String id = ctx.pathParam("id");
        return cases.find(id).orElseThrow(() -> new Problem(ErrorCode.NOT_FOUND, "no case " + id));
    }

    /**
     * A case as analysts see it: statuses and each party's term (sealed in the public ledger, opened
     * here), no personal data.
     */
    private ObjectNode record(CaseRecord c) {
        ObjectNode n = Json.object();
        n.put("id", c.id()).put("kind", c.kind().wire()).put("source", c.source()).put("place", c.place())
                .put("status", c.current().status()).put("author", c.author());
        ArrayNode terms = n.putArray("terms");
        for (PartyTerm t : recorder.terms(c)) terms.addObject().put("party", t.party()).put("term", t.term());
        ArrayNode steps = n.putArray("history");
        for (CaseRecord.Step s : c.steps()) {
            steps.addObject().put("entry", s.entryId()).put("status", s.status()).put("date", s.date().toString())
                    .put("seq", s.seq()).put("recordedAt", EntryCodec.formatInstant(s.recordedAt()))
                    .put("author", s.author()).put("personalDataSealed", s.personal());
        }
        if (c.erased()) {
            n.putObject("erasure").put("entry", c.erasure().entryId()).put("basis", c.erasure().basis())
                    .put("seq", c.erasure().seq());
        }
        return n;
    }
}
