package org.truce.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.http.Context;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.function.BiFunction;
import org.truce.figures.Fact;
import org.truce.figures.FactReader;
import org.truce.figures.Parsed;
import org.truce.figures.Recorder;
import org.truce.figures.Violation;
import org.truce.ledger.AppendResult;
import org.truce.ledger.EntryCodec;
import org.truce.ledger.StoreFailure;

/**
 * POST handlers for reports and catalog items. Each takes one object or an array of up to 10,000;
 * the request is all or nothing: any invalid item means nothing is written.
 */
final class WriteRoutes {
    static final int MAX_ITEMS = 10_000;
    private final Recorder recorder;
    private final Auth auth;

    WriteRoutes(Recorder recorder, Auth auth) {
        this.recorder = recorder;
        this.auth = auth;
    }

    void reports(Context ctx) {
        write(ctx, FactReader::readReport);
    }

    void sources(Context ctx) {
        write(ctx, FactReader::readSource);
    }

    void metrics(Context ctx) {
        write(ctx, FactReader::readMetric);
    }

    void places(Context ctx) {
        write(ctx, FactReader::readPlace);
    }

    private void write(Context ctx, BiFunction<JsonNode, String, Parsed<Fact>> reader) {
        String author = auth.requireWriter(ctx);
        JsonNode body = Json.body(ctx);
        boolean many = body.isArray();
        if (many && body.size() > MAX_ITEMS) {
            throw invalid(List.of(new Violation("", "an array may hold at most " + MAX_ITEMS + " items, not " + body.size())));
        }
        if (many && body.isEmpty()) throw invalid(List.of(new Violation("", "the array is empty")));
        List<Fact> facts = new ArrayList<>();
        List<String> pointers = new ArrayList<>();
        List<Violation> violations = new ArrayList<>();
        for (int i = 0; i < (many ? body.size() : 1); i++) {
            String at = many ? "/" + i : "";
            Parsed<Fact> parsed = reader.apply(many ? body.get(i) : body, at);
            if (parsed instanceof Parsed.Ok<Fact> ok) {
                facts.add(ok.value());
                pointers.add(at);
            } else {
                violations.addAll(((Parsed.Invalid<Fact>) parsed).violations());
            }
        }
        if (!violations.isEmpty()) throw invalid(violations);
        Recorder.Outcome outcome;
        try {
            outcome = recorder.record(facts, pointers, author);
        } catch (StoreFailure e) {
            throw new Problem(ErrorCode.UNAVAILABLE, "the store failed: " + e.getMessage());
        }
        if (outcome instanceof Recorder.Outcome.Refused r) throw invalid(r.violations());
        answer(ctx, ((Recorder.Outcome.Done) outcome).result(), many, pointers);
    }

    private static Problem invalid(List<Violation> violations) {
        String first = violations.get(0).pointer() + " " + violations.get(0).detail();
        String more = violations.size() > 1 ? " (and " + (violations.size() - 1) + " more)" : "";
        return new Problem(ErrorCode.INVALID, first.trim() + more, violations);
    }

    private static void answer(Context ctx, AppendResult result, boolean many, List<String> pointers) {
        if (result instanceof AppendResult.Conflict c) {
                String at = pointers.get(c.index()) + "/id";
                throw new Problem(ErrorCode.CONFLICT, "id " + c.clientId() + " is already in the ledger at seq "
                        + c.existingSeq() + " with different content; nothing was written",
                        List.of(new Violation(at, "is already used by entry " + c.existingSeq() + " with different content")));
        }
        AppendResult.Accepted a = (AppendResult.Accepted) result;
        {
                if (!many) {
                    AppendResult.Outcome o = a.outcomes().get(0);
                    Json.send(ctx, o.created() ? 201 : 200, receipt(o));
                    return;
                }
                ArrayNode items = Json.array();
                for (AppendResult.Outcome o : a.outcomes()) items.add(receipt(o).put("created", o.created()));
                Json.send(ctx, 200, items);
        }
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
