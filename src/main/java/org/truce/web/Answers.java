package org.truce.web;

import org.truce.record.Outcome;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.http.Context;
import java.util.HexFormat;
import java.util.List;
import org.truce.record.Violation;
import org.truce.ledger.AppendResult;
import org.truce.ledger.EntryCodec;

/** How write routes answer: receipts for accepted entries, problems for refusals. Stateless. */
final class Answers {
    private Answers() {}

    static Problem invalid(List<Violation> violations) {
        return refused(ErrorCode.INVALID, violations);
    }

    static Problem forbidden(List<Violation> violations) {
        return refused(ErrorCode.FORBIDDEN, violations);
    }

    private static Problem refused(ErrorCode code, List<Violation> violations) {
        String first = violations.get(0).pointer() + " " + violations.get(0).detail();
        String more = violations.size() > 1 ? " (and " + (violations.size() - 1) + " more)" : "";
        return new Problem(code, first.trim() + more, violations);
    }

    /** @param decorate adds to the receipt of item i what its route has to say (repairs made, say) */
    static void outcome(Context ctx, AppendResult.Accepted a, boolean many, java.util.function.BiConsumer<Integer, ObjectNode> decorate) {
        if (!many) {
            AppendResult.Outcome o = a.outcomes().get(0);
            ObjectNode r = receipt(o);
            decorate.accept(0, r);
            Json.send(ctx, o.created() ? 201 : 200, r);
            return;
        }
        ArrayNode items = Json.array();
        for (int i = 0; i < a.outcomes().size(); i++) {
            AppendResult.Outcome o = a.outcomes().get(i);
            ObjectNode r = receipt(o).put("created", o.created());
            decorate.accept(i, r);
            items.add(r);
        }
        Json.send(ctx, 200, items);
    }

    /**
     * The accepted append of a recording, or the problem the API answers for it: the record's rules
     * refused it (422), it repeats what the record holds without saying so (409, code duplicate), or an
     * id is already used by different content (409). Shared by the JSON
     * routes and the desk's forms, so both refuse the same input the same way.
     */
    static AppendResult.Accepted accepted(Outcome outcome, List<String> pointers) {
        if (outcome instanceof Outcome.Refused r) throw r.repeat() ? refused(ErrorCode.DUPLICATE, r.violations()) : invalid(r.violations());
        AppendResult result = ((Outcome.Done) outcome).result();
        if (result instanceof AppendResult.Conflict c) {
            String at = pointers.get(c.index()) + "/id";
            throw new Problem(ErrorCode.CONFLICT, "id " + c.clientId() + " is already in the ledger at seq "
                    + c.existingSeq() + " with different content; nothing was written",
                    List.of(new Violation(at, "is already used by entry " + c.existingSeq() + " with different content")));
        }
        return (AppendResult.Accepted) result;
    }

    private static ObjectNode receipt(AppendResult.Outcome o) {
        ObjectNode n = Json.object();
        n.put("id", o.entry().clientId());
        n.put("seq", o.entry().seq());
        n.put("leafHash", HexFormat.of().formatHex(o.leafHash()));
        n.put("recordedAt", EntryCodec.formatInstant(o.entry().recordedAt()));
        return n;
    }
}
