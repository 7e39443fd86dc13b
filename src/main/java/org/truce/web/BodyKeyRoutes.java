package org.truce.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.http.Context;
import java.util.List;
import org.truce.accounts.BodyKeyRecorder;
import org.truce.accounts.Principal;
import org.truce.audit.AuditTrail;
import org.truce.ledger.BodyKeys;
import org.truce.record.Violation;

/**
 * The bodies' own signing keys: an admin registers (or rotates to) a body's Ed25519 public key and
 * revokes it, each a ledger entry; anyone reads every key with the positions it is valid for, to
 * check a body's signatures without trusting the operator. Admin acts go to the audit trail too.
 */
final class BodyKeyRoutes {
    private final BodyKeyRecorder recorder;
    private final BodyKeys keys;
    private final AuditTrail audit;

    BodyKeyRoutes(BodyKeyRecorder recorder, BodyKeys keys, AuditTrail audit) {
        this.recorder = recorder;
        this.keys = keys;
        this.audit = audit;
    }

    /** {@code POST /admin/body-keys} {@code {"body", "key"}}: registers the key, or rotates to it. */
    void register(Context ctx) {
        Principal p = Caller.required(ctx);
        JsonNode b = object(Json.body(ctx));
        String body = text(b, "body");
        var accepted = Answers.accepted(recorder.register(body, text(b, "key"), p.author()), List.of(""));
        var entry = accepted.outcomes().get(0).entry();
        audit.note(p.accountId(), p.orgId(), "body-key.registered", body, ctx.ip(), entry.payload().path("keyId").asText());
        Answers.outcome(ctx, accepted, false, (i, r) -> r.put("body", body).put("keyId", entry.payload().path("keyId").asText())
                .put("key", entry.payload().path("key").asText()));
    }

    /** {@code POST /admin/body-keys/revocations} {@code {"body", "keyId", "reason"}}. */
    void revoke(Context ctx) {
        Principal p = Caller.required(ctx);
        JsonNode b = object(Json.body(ctx));
        String body = text(b, "body");
        String keyId = text(b, "keyId");
        var accepted = Answers.accepted(recorder.revoke(body, keyId, text(b, "reason"), p.author()), List.of(""));
        audit.note(p.accountId(), p.orgId(), "body-key.revoked", body, ctx.ip(), keyId);
        Answers.outcome(ctx, accepted, false, (i, r) -> r.put("body", body).put("keyId", keyId));
    }

    /** {@code GET /body-keys}: every body's keys, oldest first, with the entries each is valid for. */
    void list(Context ctx) {
        ArrayNode out = Json.array();
        for (String body : keys.bodies()) {
            for (BodyKeys.Period period : keys.history(body)) out.add(period(body, period));
        }
        Json.send(ctx, 200, out);
    }

    static ObjectNode period(String body, BodyKeys.Period p) {
        ObjectNode n = Json.object().put("body", body).put("keyId", p.key().keyId()).put("key", p.key().verifierKey())
                .put("registeredAt", p.from()).put("validAfter", p.from());
        if (p.open()) n.putNull("validUntil");
        else n.put("validUntil", p.until());
        n.put("current", p.open());
        if (p.reason() != null) n.put("revoked", p.reason());
        return n;
    }

    private static JsonNode object(JsonNode b) {
        if (!b.isObject()) throw Answers.invalid(List.of(new Violation("", "send one JSON object")));
        return b;
    }

    private static String text(JsonNode b, String field) {
        JsonNode v = b.get(field);
        if (v == null || v.isNull()) throw Answers.invalid(List.of(new Violation("/" + field, "is required")));
        if (!v.isTextual()) throw Answers.invalid(List.of(new Violation("/" + field, "must be a string")));
        if (v.textValue().length() > 1000) throw Answers.invalid(List.of(new Violation("/" + field, "is longer than 1000 characters")));
        return v.textValue();
    }
}
