package org.truce.ingest;

import org.truce.record.Outcome;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiFunction;
import org.truce.record.Parsed;
import org.truce.figures.Recorder;
import org.truce.record.Actor;
import org.truce.incidents.IncidentFact;
import org.truce.incidents.IncidentReader;
import org.truce.incidents.IncidentRecorder;
import org.truce.incidents.WorkflowReader;
import org.truce.ledger.AppendResult;
import org.truce.ledger.EntryCodec;

/**
 * The demo's ceasefire records ({@value #RESOURCE}): the peacekeepers' nil report of 13 January
 * 2021 and a handful of illustrative incidents with conflicting claims and the monitoring centre's
 * findings. Loaded through the same readers and rules as the API; loading twice is a no-op.
 */
public final class DemoIncidents {
    public static final String RESOURCE = "/demo/incidents.json";

    private DemoIncidents() {}

    /**
     * Loads every section as one all-or-nothing request (the rules check each fact against those
     * before it): allegations, the workflow steps, the claims, the nil report.
     *
     * @return the number of entries newly written
     */
    public static int load(IncidentRecorder recorder, IncidentReader reader, String author) {
        JsonNode demo = read();
        List<IncidentFact> facts = new ArrayList<>();
        List<String> pointers = new ArrayList<>();
        List<String> invalid = new ArrayList<>();
        read(demo.get("allegations"), "/allegations", reader::allegation, facts, pointers, invalid);
        read(demo.get("steps"), "/steps", WorkflowReader::step, facts, pointers, invalid);
        read(demo.get("claims"), "/claims", reader::claim, facts, pointers, invalid);
        read(demo.get("nilReports"), "/nilReports", WorkflowReader::nil, facts, pointers, invalid);
        if (!invalid.isEmpty()) throw new IllegalStateException("demo incidents are invalid: " + invalid);
        Outcome outcome = recorder.record(facts, pointers, Actor.demo(author));
        if (outcome instanceof Outcome.Refused r) throw new IllegalStateException("demo incidents break the rules: " + r.violations());
        AppendResult result = ((Outcome.Done) outcome).result();
        if (!(result instanceof AppendResult.Accepted a)) throw new IllegalStateException("demo incidents conflict with the ledger: " + result);
        return (int) a.outcomes().stream().filter(AppendResult.Outcome::created).count();
    }

    private static void read(JsonNode items, String at, BiFunction<JsonNode, String, Parsed<IncidentFact>> read,
                             List<IncidentFact> facts, List<String> pointers, List<String> invalid) {
        for (int i = 0; i < items.size(); i++) {
            Parsed<IncidentFact> parsed = read.apply(items.get(i), at + "/" + i);
            if (parsed instanceof Parsed.Invalid<IncidentFact> bad) {
                invalid.add(bad.violations().toString());
                continue;
            }
            facts.add(((Parsed.Ok<IncidentFact>) parsed).value());
            pointers.add(at + "/" + i);
        }
    }

    private static JsonNode read() {
        try (InputStream in = DemoIncidents.class.getResourceAsStream(RESOURCE)) {
            if (in == null) throw new IllegalStateException(RESOURCE + " is missing from the build");
            return EntryCodec.mapper().readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
