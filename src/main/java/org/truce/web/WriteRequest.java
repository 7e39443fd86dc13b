package org.truce.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.http.Context;
import io.javalin.http.Handler;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.slf4j.LoggerFactory;
import org.truce.accounts.Accounts;
import org.truce.accounts.Attribution;
import org.truce.accounts.FourEyes;
import org.truce.accounts.Principal;
import org.truce.audit.AuditTrail;
import org.truce.ledger.AppendResult;
import org.truce.ledger.BodyKeys;
import org.truce.ledger.BodySignature;
import org.truce.record.Actor;
import org.truce.record.Outcome;
import org.truce.record.Parsed;
import org.truce.record.Violation;
import org.truce.record.Voice;

/**
 * The one write path of every write route and desk form: authenticate, read the body within the
 * contract's limits, read each item, decide in whose name each speaks ({@link Attribution}) and any
 * rule of the route's own about who may say it, let the capability check the items against the
 * record and append them, answer. An item in the name of a body that signs carries the body's own
 * signature (its member {@code signature}, passed to the ledger, which seals the entry or refuses it:
 * 403 body_signature with the bytes to sign) unless it is another organisation's transcription. All or nothing: an invalid item (422), a forbidden one (403) or a
 * refusal of the record's rules means nothing is written. The public entries name the caller's
 * organisation; which account wrote them goes to the private audit trail. Thread-safe.
 */
final class WriteRequest {
    /** The most items one request may carry, on every route. */
    static final int MAX_ITEMS = 10_000;
    private final Attribution attribution;
    private final AuditTrail audit;
    private final FourEyes fourEyes;
    private final Accounts accounts;

    /**
     * @param fourEyes which items wait for a second account's review
     * @param accounts where the account that recorded such an item is kept (privately)
     */
    WriteRequest(Attribution attribution, AuditTrail audit, FourEyes fourEyes, Accounts accounts) {
        this.attribution = attribution;
        this.audit = audit;
        this.fourEyes = fourEyes;
        this.accounts = accounts;
    }

    /** Why {@code p} may not confirm or reject the report {@code reportId} (403); empty when it may. */
    List<Violation> mayReview(Principal p, String reportId, String at) {
        return fourEyes.mayReview(p, accounts.recordedBy(reportId), attribution.organisationThatRecorded(reportId), at);
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
        List<Violation> invalid = new ArrayList<>();
        ItemSignatures signatures = new ItemSignatures();
        Items<F> items = read(body, route, signatures, invalid);
        List<F> facts = items.facts();
        List<String> pointers = items.pointers();
        if (!invalid.isEmpty()) throw Answers.invalid(invalid);
        Actor actor = new Actor(p.author(), p.orgId(), p.sourceId(), p.accountId());
        List<Violation> forbidden = forbidden(p, actor, route, facts, pointers);
        if (!forbidden.isEmpty()) throw Answers.forbidden(forbidden);
        signatures.transcriptions(p, route, facts, pointers, attribution);
        Set<Integer> awaiting = markForReview(p, route, facts, pointers);
        Outcome outcome = recording(() -> signatures.sealing(() -> route.recording().record(facts, pointers, actor)));
        AppendResult.Accepted accepted = Answers.accepted(outcome, pointers);
        trail(p, accepted, address);
        noteRecorder(p, accepted, awaiting);
        return new Written<>(facts, pointers, many, accepted);
    }

    /** Marks the items that wait for a second account's review (four eyes); the indexes of those marked. */
    private <F> Set<Integer> markForReview(Principal p, WriteRoute<F> route, List<F> facts, List<String> pointers) {
        Set<Integer> marked = new HashSet<>();
        if (route.review() == null || route.speakers() == null) return marked;
        for (int i = 0; i < facts.size(); i++) {
            Voice voice = route.voices().of(facts.get(i), pointers.get(i));
            if (voice == null || voice.body() == null) continue;
            boolean transcribed = !attribution.speaksFor(p, route.speakers(), voice.body());
            if (!fourEyes.required(transcribed)) continue;
            F awaiting = route.review().awaiting(facts.get(i));
            if (awaiting != facts.get(i)) {
                facts.set(i, awaiting);
                marked.add(i);
            }
        }
        return marked;
    }

    /** Keeps, privately, which account recorded the items that wait for review: "another account" is checked against it. */
    private void noteRecorder(Principal p, AppendResult.Accepted accepted, Set<Integer> awaiting) {
        if (awaiting.isEmpty() || p.accountId() == null) return;
        List<String> ids = new ArrayList<>();
        for (int i : awaiting) ids.add(accepted.outcomes().get(i).entry().clientId());
        try {
            accounts.noteRecorded(ids, p.accountId());
        } catch (RuntimeException e) {
            // the entries are acknowledged; a reviewer from the recording organisation is then refused (FourEyes)
            LoggerFactory.getLogger(WriteRequest.class).error("could not note who recorded {} entries awaiting review", ids.size(), e);
        }
    }

    /** The record's side of a dry run: why recording the items would be refused now, without appending. */
    @FunctionalInterface
    interface Trial<F> {
        List<Violation> check(List<F> facts, List<String> pointers);
    }

    /**
     * The dry run of {@link #accept}: the same steps but the append (read each item, in whose name it
     * speaks and the route's own rules, the record's rules by {@code trial}), collecting every
     * violation of every item instead of stopping at the first kind. Writes nothing. Not checked: body
     * signatures, which only the append decides.
     */
    <F> List<Violation> check(Principal p, JsonNode body, WriteRoute<F> route, Trial<F> trial) {
        if (!body.isArray() || body.isEmpty() || body.size() > MAX_ITEMS) {
            return List.of(new Violation("", !body.isArray() ? "send an array" : body.isEmpty() ? "the array is empty"
                    : "an array may hold at most " + MAX_ITEMS + " items, not " + body.size()));
        }
        List<Violation> found = new ArrayList<>();
        Items<F> items = read(body, route, new ItemSignatures(), found);
        List<F> facts = items.facts();
        List<String> pointers = items.pointers();
        Actor actor = new Actor(p.author(), p.orgId(), p.sourceId(), p.accountId());
        found.addAll(forbidden(p, actor, route, facts, pointers));
        if (!facts.isEmpty()) found.addAll(trial.check(facts, pointers));
        return found;
    }

    /** The items read from a body (one object, or an array's items at /0, /1 ...), with their pointers. */
    private record Items<F>(List<F> facts, List<String> pointers) {}

    /** Reads every item (its signature taken off first); each item's violations go to {@code invalid}. */
    private static <F> Items<F> read(JsonNode body, WriteRoute<F> route, ItemSignatures signatures, List<Violation> invalid) {
        boolean many = body.isArray();
        List<F> facts = new ArrayList<>();
        List<String> pointers = new ArrayList<>();
        for (int i = 0; i < (many ? body.size() : 1); i++) {
            String at = many ? "/" + i : "";
            JsonNode item = signatures.take(many ? body.get(i) : body, at, invalid);
            Parsed<F> parsed = route.reader().read(item, at);
            if (parsed instanceof Parsed.Ok<F> ok) {
                facts.add(ok.value());
                pointers.add(at);
            } else {
                invalid.addAll(((Parsed.Invalid<F>) parsed).violations());
            }
        }
        return new Items<>(facts, pointers);
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

    /**
     * The body signatures a request's items bring (the member {@code signature} of an item, taken off
     * before the capability reads it), by the client id ({@code id}) of the entry each item becomes.
     * Whether an item must carry one is decided where its entry's payload is made, in
     * {@link BodyKeys#signing} and {@code Ledger.append}: this passes them on and answers the refusal.
     */
    private static final class ItemSignatures {
        private final Map<String, BodySignature> byClientId = new HashMap<>();
        private final Map<String, String> pointers = new HashMap<>();
        private final Map<String, String> ids = new HashMap<>();
        private final Set<String> transcribed = new HashSet<>();

        /** The item without its signature, which is kept; a malformed one is a violation at its pointer. */
        JsonNode take(JsonNode item, String at, List<Violation> invalid) {
            if (item == null || !item.isObject()) return item;
            JsonNode id = item.get("id");
            if (id != null && id.isTextual()) {
                pointers.putIfAbsent(id.textValue(), at);
                ids.put(at, id.textValue());
            }
            if (!item.has("signature")) return item;
            ObjectNode rest = item.deepCopy();
            JsonNode signature = rest.remove("signature");
            try {
                BodySignature read = BodySignature.read(signature);
                if (id == null || !id.isTextual()) {
                    invalid.add(new Violation(at + "/signature", "a signed item needs its id, the entry's client id, which the signature covers"));
                } else {
                    byClientId.put(id.textValue(), read);
                }
            } catch (BodySignature.Malformed m) {
                invalid.add(new Violation(at + "/signature" + m.pointer(), m.getMessage()));
            }
            return rest;
        }

        /** The items in a body's name said by someone who does not speak for it: transcriptions (the attribution allowed them). */
        <F> void transcriptions(Principal p, WriteRoute<F> route, List<F> facts, List<String> at, Attribution attribution) {
            if (route.speakers() == null) return;
            for (int i = 0; i < facts.size(); i++) {
                Voice voice = route.voices().of(facts.get(i), at.get(i));
                String id = ids.get(at.get(i));
                if (voice != null && voice.body() != null && id != null && !attribution.speaksFor(p, route.speakers(), voice.body())) {
                    transcribed.add(id);
                }
            }
        }

        Outcome sealing(java.util.function.Supplier<Outcome> record) {
            try {
                return BodyKeys.signing(new BodyKeys.Request(byClientId, transcribed), record);
            } catch (BodyKeys.Unsigned u) {
                throw refused(u);
            }
        }

        /** 403 naming each item's {@code signature} and why, with the exact bytes each should sign. */
        private Problem refused(BodyKeys.Unsigned u) {
            List<Violation> v = new ArrayList<>();
            ArrayNode toSign = Json.array();
            for (BodyKeys.Unsigned.Item i : u.items()) {
                String at = pointers.getOrDefault(i.clientId(), "") + "/signature";
                v.add(new Violation(at, i.reason()));
                ObjectNode n = toSign.addObject().put("pointer", at).put("clientId", i.clientId()).put("body", i.body());
                if (i.keyId() != null) n.put("keyId", i.keyId());
                n.put("message", Base64.getEncoder().encodeToString(i.message()));
            }
            String first = v.get(0).pointer() + " " + v.get(0).detail() + (v.size() > 1 ? " (and " + (v.size() - 1) + " more)" : "");
            return new Problem(ErrorCode.BODY_SIGNATURE, first, v, Json.object().set("toSign", toSign));
        }
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
