package org.truce.web;

import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.http.Context;
import io.javalin.http.Handler;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.LoggerFactory;
import org.truce.accounts.Attribution;
import org.truce.accounts.Principal;
import org.truce.audit.AuditTrail;
import org.truce.ledger.AppendResult;
import org.truce.record.Actor;
import org.truce.record.Outcome;
import org.truce.record.Parsed;
import org.truce.record.Violation;
import org.truce.record.Voice;

/**
 * The one write path of every write route and desk form: authenticate, read the body within the
 * contract's limits, read each item, decide in whose name each speaks ({@link Attribution}) and any
 * rule of the route's own about who may say it, let the capability check the items against the
 * record and append them, answer. All or nothing: an invalid item (422), a forbidden one (403) or a
 * refusal of the record's rules means nothing is written. The public entries name the caller's
 * organisation; which account wrote them goes to the private audit trail. Thread-safe.
 */
final class WriteRequest {
    /** The most items one request may carry, on every route. */
    static final int MAX_ITEMS = 10_000;
    private final Attribution attribution;
    private final AuditTrail audit;

    WriteRequest(Attribution attribution, AuditTrail audit) {
        this.attribution = attribution;
        this.audit = audit;
    }

    Attribution attribution() {
        return attribution;
    }

    /** The handler of a JSON write route: one object answered 201/200 with its receipt, an array with a list. */
    <F> Handler handler(WriteRoute<F> route) {
        return ctx -> answer(ctx, route, accept(Caller.required(ctx), Json.body(ctx), route, ctx.ip()));
    }

    /** What was written, item by item in the request's order. */
    record Written<F>(List<F> facts, List<String> pointers, boolean many, AppendResult.Accepted accepted) {}

    /**
     * Runs the whole path for a body already read (a desk form turned into JSON, or an API body).
     *
     * @throws Problem the refusal the API answers, with nothing written
     */
    <F> Written<F> accept(Principal p, JsonNode body, WriteRoute<F> route, String address) {
        boolean many = body.isArray();
        if (many && route.single()) throw Answers.invalid(List.of(new Violation("", "send one object, not an array")));
        if (many && (body.isEmpty() || body.size() > MAX_ITEMS)) {
            throw Answers.invalid(List.of(new Violation("", body.isEmpty() ? "the array is empty"
                    : "an array may hold at most " + MAX_ITEMS + " items, not " + body.size())));
        }
        List<F> facts = new ArrayList<>();
        List<String> pointers = new ArrayList<>();
        List<Violation> invalid = new ArrayList<>();
        for (int i = 0; i < (many ? body.size() : 1); i++) {
            String at = many ? "/" + i : "";
            Parsed<F> parsed = route.reader().read(many ? body.get(i) : body, at);
            if (parsed instanceof Parsed.Ok<F> ok) {
                facts.add(ok.value());
                pointers.add(at);
            } else {
                invalid.addAll(((Parsed.Invalid<F>) parsed).violations());
            }
        }
        if (!invalid.isEmpty()) throw Answers.invalid(invalid);
        Actor actor = new Actor(p.author(), p.orgId(), p.sourceId(), p.accountId());
        List<Violation> forbidden = forbidden(p, actor, route, facts, pointers);
        if (!forbidden.isEmpty()) throw Answers.forbidden(forbidden);
        Outcome outcome = recording(() -> route.recording().record(facts, pointers, actor));
        AppendResult.Accepted accepted = Answers.accepted(outcome, pointers);
        trail(p, accepted, address);
        return new Written<>(facts, pointers, many, accepted);
    }

    private <F> List<Violation> forbidden(Principal p, Actor actor, WriteRoute<F> route, List<F> facts, List<String> pointers) {
        List<Violation> v = new ArrayList<>();
        for (int i = 0; i < facts.size(); i++) {
            if (route.speakers() != null) {
                Voice voice = route.voices().of(facts.get(i), pointers.get(i));
                if (voice != null) v.addAll(attribution.check(p, route.speakers(), voice));
            }
            v.addAll(route.checks().forbidden(p, actor, facts.get(i), pointers.get(i)));
        }
        return v;
    }

    /** Runs a recording; a store failure is a 503 (nothing acknowledged). */
    private static Outcome recording(java.util.function.Supplier<Outcome> record) {
        try {
            return record.get();
        } catch (org.truce.ledger.StoreFailure e) {
            // the cause is logged, never answered: store messages may carry SQL or paths
            LoggerFactory.getLogger(WriteRequest.class).error("store failure on a write", e);
            throw new Problem(ErrorCode.UNAVAILABLE, "the store failed; nothing of this request was acknowledged");
        }
    }

    /**
     * The account behind the public entries, kept in the private trail: the ledger names only the
     * organisation. A failing trail never undoes or fails what the ledger acknowledged.
     */
    private void trail(Principal p, AppendResult.Accepted accepted, String address) {
        List<AppendResult.Outcome> created = accepted.outcomes().stream().filter(AppendResult.Outcome::created).toList();
        if (created.isEmpty()) return;
        long first = created.get(0).entry().seq();
        long last = created.get(created.size() - 1).entry().seq();
        String target = first == last ? "seq " + first : "seq " + first + "-" + last + " (" + created.size() + " entries)";
        audit.note(p.accountId(), p.orgId(), "entries.recorded", target, address, null); // logs and counts a failure, never throws
    }

    private static <F> void answer(Context ctx, WriteRoute<F> route, Written<F> w) {
        Answers.outcome(ctx, w.accepted(), w.many(), (i, receipt) -> route.receipts().add(w.facts().get(i), receipt));
    }
}
