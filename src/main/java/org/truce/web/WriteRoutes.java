package org.truce.web;

import org.truce.record.Outcome;
import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.http.Context;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiFunction;
import org.truce.accounts.Principal;
import org.truce.figures.Fact;
import org.truce.figures.FactReader;
import org.truce.record.Parsed;
import org.truce.figures.Recorder;
import org.truce.record.Violation;
import org.truce.ledger.AppendResult;

/**
 * POST handlers for reports and catalog items. Each takes one object or an array of up to 10,000;
 * the request is all or nothing: any invalid item, or any item the caller may not record in that
 * name ({@link InNameOf}), means nothing is written. The route's rule was checked by {@link Guard}.
 */
final class WriteRoutes {
    static final int MAX_ITEMS = 10_000;
    private final Recorder recorder;
    private final InNameOf names;

    WriteRoutes(Recorder recorder, InNameOf names) {
        this.recorder = recorder;
        this.names = names;
    }

    void reports(Context ctx) {
        write(ctx, FactReader::readReport, true);
    }

    void sources(Context ctx) {
        write(ctx, FactReader::readSource, false);
    }

    void metrics(Context ctx) {
        write(ctx, FactReader::readMetric, false);
    }

    void places(Context ctx) {
        write(ctx, FactReader::readPlace, false);
    }

    /**
     * One report from a form of the desk, through the same reading, in-name-of rules and recorder as
     * {@code POST /api/v1/reports}: the accepted entry, or the {@link Problem} the API would answer.
     */
    AppendResult.Accepted report(Principal principal, JsonNode body) {
        Written w = checked(principal, body, FactReader::readReport, true);
        return Answers.accepted(w.outcome(), w.pointers());
    }

    private record Written(Outcome outcome, boolean many, List<String> pointers) {}

    private void write(Context ctx, BiFunction<JsonNode, String, Parsed<Fact>> reader, boolean inSomeonesName) {
        Written w = checked(Caller.required(ctx), Json.body(ctx), reader, inSomeonesName);
        Answers.outcome(ctx, w.outcome(), w.many(), w.pointers());
    }

    private Written checked(Principal principal, JsonNode body, BiFunction<JsonNode, String, Parsed<Fact>> reader,
                            boolean inSomeonesName) {
        boolean many = body.isArray();
        if (many && body.size() > MAX_ITEMS) {
            throw Answers.invalid(List.of(new Violation("", "an array may hold at most " + MAX_ITEMS + " items, not " + body.size())));
        }
        if (many && body.isEmpty()) throw Answers.invalid(List.of(new Violation("", "the array is empty")));
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
        if (!violations.isEmpty()) throw Answers.invalid(violations);
        if (inSomeonesName) {
            List<Violation> forbidden = names.reports(principal, facts, pointers);
            if (!forbidden.isEmpty()) throw Answers.forbidden(forbidden);
        }
        Outcome outcome = Answers.recording(() -> recorder.record(facts, pointers, principal.author()));
        return new Written(outcome, many, pointers);
    }
}
