package org.truce.ingest;

import org.truce.record.Outcome;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.truce.accords.AccordFact;
import org.truce.accords.AccordReader;
import org.truce.accords.AccordRecorder;
import org.truce.record.Parsed;
import org.truce.figures.Recorder;
import org.truce.ledger.AppendResult;
import org.truce.ledger.EntryCodec;

/**
 * The demo's accords: both statements with per-version points, their obligations and deadlines (the
 * Kalbajar amendment, the relative "within one month"), the working group with its subgroups,
 * meetings and tasks, the 9 and 11 January meetings, an outlet's remit claim, and two assessments
 * labelled illustrative. Goes through the API's rules; loading twice is a no-op.
 */
public final class DemoAccords {
    public static final String RESOURCE = "/demo/accords.json";
    /** Sections in the order their references need; all go in one all-or-nothing batch. */
    private static final String[][] SECTIONS = {
            {"agreements", AccordFact.AGREEMENT}, {"versions", AccordFact.VERSION}, {"groups", AccordFact.GROUP},
            {"obligations", AccordFact.OBLIGATION}, {"events", AccordFact.EVENT}, {"amendments", AccordFact.AMENDMENT},
            {"tasks", AccordFact.TASK}, {"remitClaims", AccordFact.REMIT_CLAIM}, {"meetings", AccordFact.MEETING},
            {"assessments", AccordFact.ASSESSMENT}};

    private DemoAccords() {}

    /** @return the number of entries newly written */
    public static int load(AccordRecorder recorder, String author) {
        JsonNode data = read();
        List<AccordFact> facts = new ArrayList<>();
        List<String> pointers = new ArrayList<>();
        for (String[] section : SECTIONS) {
            JsonNode items = data.get(section[0]);
            for (int i = 0; i < items.size(); i++) {
                String at = "/" + section[0] + "/" + i;
                Parsed<AccordFact> parsed = AccordReader.read(section[1], items.get(i), at);
                if (parsed instanceof Parsed.Invalid<AccordFact> bad) throw new IllegalStateException("demo accords are invalid: " + bad.violations());
                facts.add(((Parsed.Ok<AccordFact>) parsed).value());
                pointers.add(at);
            }
        }
        Outcome outcome = recorder.record(facts, pointers, author);
        if (outcome instanceof Outcome.Refused r) throw new IllegalStateException("demo accords refused: " + r.violations());
        AppendResult result = ((Outcome.Done) outcome).result();
        if (result instanceof AppendResult.Conflict c) throw new IllegalStateException("demo accords conflict with the store at " + c.clientId());
        return (int) ((AppendResult.Accepted) result).outcomes().stream().filter(AppendResult.Outcome::created).count();
    }

    private static JsonNode read() {
        try (InputStream in = DemoAccords.class.getResourceAsStream(RESOURCE)) {
            if (in == null) throw new IllegalStateException("demo accords " + RESOURCE + " are missing from the build");
            return EntryCodec.mapper().readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
