package org.truce.web;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.http.Context;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import org.truce.accounts.Principal;
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
    private final InNameOf names;
    private final AuditTrail audit;

    CaseRoutes(CaseBook cases, CaseRecorder recorder, InNameOf names, AuditTrail audit) {
        this.cases = cases;
        this.recorder = recorder;
        this.names = names;
        this.audit = audit;
    }

    void open(Context ctx) {
        Principal p = Caller.required(ctx);
        CaseRequest request = read(CaseReader.readOpening(Json.body(ctx)));
        String source = ((org.truce.cases.CaseFact.Opened) request.fact()).source();
        if (!names.speaksFor(p, source)) {
            throw Answers.forbidden(List.of(new Violation("/source", "you may open cases only in the name of "
                    + (p.sourceId() == null ? "your organisation's source" : p.sourceId()) + " and the bodies part of it")));
        }
        Answers.outcome(ctx, Answers.recording(() -> recorder.record(request, p.author())), false, List.of(""));
    }

    void status(Context ctx) {
        Principal p = Caller.required(ctx);
        CaseRecord c = existing(ctx);
        if (!names.speaksFor(p, c.source())) {
            throw new Problem(ErrorCode.FORBIDDEN, "only a reporter of the organisation that keeps case " + c.id() + " may add to it");
        }
        CaseRequest request = read(CaseReader.readStatus(Json.body(ctx), c.id()));
        Answers.outcome(ctx, Answers.recording(() -> recorder.record(request, p.author())), false, List.of(""));
    }

    void erase(Context ctx) {
        Principal p = Caller.required(ctx);
        CaseRecord c = existing(ctx);
        requireKeeper(p, c);
        CaseRequest request = read(CaseReader.readErasure(Json.body(ctx), c.id()));
        Answers.outcome(ctx, Answers.recording(() -> recorder.record(request, p.author())), false, List.of(""));
        audit.note(p.accountId(), names.keeperOrg(p, c.source()), "case.erased", c.id(), ctx.ip(), null);
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
        audit.require(p.accountId(), names.keeperOrg(p, c.source()), "restricted.read", c.id(), ctx.ip(), null);
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
        if (!names.keeps(p, c.source())) {
            throw new Problem(ErrorCode.FORBIDDEN, "your custodian grants do not cover the organisation that keeps case " + c.id());
        }
    }

    private CaseRecord existing(Context ctx) {
        String id = ctx.pathParam("id");
        return cases.find(id).orElseThrow(() -> new Problem(ErrorCode.NOT_FOUND, "no case " + id));
    }

    private static CaseRequest read(Parsed<CaseRequest> parsed) {
        if (parsed instanceof Parsed.Ok<CaseRequest> ok) return ok.value();
        throw Answers.invalid(((Parsed.Invalid<CaseRequest>) parsed).violations());
    }

    /** A case as analysts see it: statuses and each party's term, no personal data. */
    private static ObjectNode record(CaseRecord c) {
        ObjectNode n = Json.object();
        n.put("id", c.id()).put("kind", c.kind().wire()).put("source", c.source()).put("place", c.place())
                .put("status", c.current().status()).put("author", c.author());
        ArrayNode terms = n.putArray("terms");
        for (PartyTerm t : c.terms()) terms.addObject().put("party", t.party()).put("term", t.term());
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
