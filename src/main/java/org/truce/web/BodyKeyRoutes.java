package org.truce.web;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.http.Context;
import org.truce.accounts.BodyKeyRecorder;
import org.truce.ledger.BodyKeys;

/**
 * The bodies' own signing keys: an admin registers (or rotates to) a body's Ed25519 public key and
 * revokes it, each a ledger entry; anyone reads every key with the positions it is valid for, to
 * check a body's signatures without trusting the operator. The writes go the one write path
 * ({@link WriteRequest}): its limits, strict JSON, text rules and private audit trail.
 */
final class BodyKeyRoutes {
    private final BodyKeys keys;
    private final WriteRequest writes;
    private final WriteRoute<BodyKeyRecorder.Registration> registrations;
    private final WriteRoute<BodyKeyRecorder.Revocation> revocations;

    BodyKeyRoutes(BodyKeyRecorder recorder, BodyKeys keys, WriteRequest writes) {
        this.keys = keys;
        this.writes = writes;
        // the admin's acts speak in nobody's name; the write path keeps which account did them in the private trail
        this.registrations = WriteRoute.of(BodyKeyRecorder::registration,
                        (items, pointers, actor) -> recorder.register(items.get(0), actor.author()))
                .oneObject().withReceipts((r, receipt) -> receipt.put("body", r.body()).put("keyId", r.key().keyId())
                        .put("key", r.key().verifierKey()));
        this.revocations = WriteRoute.of(BodyKeyRecorder::revocation,
                        (items, pointers, actor) -> recorder.revoke(items.get(0), actor.author()))
                .oneObject().withReceipts((r, receipt) -> receipt.put("body", r.body()).put("keyId", r.keyId()));
    }

    /**
     * {@code POST /admin/body-keys} {@code {"body", "key"}} registers the key, or rotates to it;
     * {@code POST /admin/body-keys/revocations} {@code {"body", "keyId", "reason"}} revokes it. Both
     * through the one write path; {@code GET /body-keys} lists them.
     */
    void routes(io.javalin.config.RoutesConfig r) {
        r.post(WebApp.API + "/admin/body-keys", writes.handler(registrations), Access.ADMIN);
        r.post(WebApp.API + "/admin/body-keys/revocations", writes.handler(revocations), Access.ADMIN);
        r.get(WebApp.API + "/body-keys", this::list, Access.PUBLIC);
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
}
