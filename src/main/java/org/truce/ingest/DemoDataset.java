package org.truce.ingest;

import org.truce.record.Outcome;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiFunction;
import org.truce.accounts.Accounts;
import org.truce.figures.FigureBook;
import org.truce.figures.Fact;
import org.truce.figures.FactReader;
import org.truce.record.Parsed;
import org.truce.figures.Recorder;
import org.truce.ledger.AppendResult;
import org.truce.ledger.EntryCodec;

/**
 * The demo dataset: figures from real public documents (each cited with its title, publisher, date and
 * web address where known), with the originating body as source, its words (quoted only when verbatim),
 * qualifier and date precision as reported, entered by a transcribing account. Loading goes through
 * the same rules as the API; loading it twice is a no-op (every entry is an idempotent retry).
 */
public final class DemoDataset {
    public static final String RESOURCE = "/demo/seed.json";
    /** The account the demo's entries are recorded by. */
    public static final String AUTHOR = org.truce.record.Actor.DEMO_AUTHOR;

    private DemoDataset() {}

    /** @return the number of entries newly written */
    public static int load(Recorder recorder) {
        JsonNode seed = read();
        String author = seed.path("author").asText(AUTHOR);
        int created = 0;
        created += record(recorder, seed.get("metrics"), "/metrics", FactReader::readMetric, author);
        created += record(recorder, seed.get("sources"), "/sources", FactReader::readSource, author);
        created += record(recorder, seed.get("places"), "/places", FactReader::readPlace, author);
        created += record(recorder, seed.get("reports"), "/reports", FactReader::readReport, author);
        return created;
    }

    /**
     * Creates the demo's organisations (accounts and passwords are never part of the demo: the
     * operator creates them). Organisations that exist are left as they are.
     *
     * @return the number of organisations created
     */
    public static int createOrganisations(Accounts accounts, FigureBook figures) {
        int created = 0;
        for (JsonNode o : read().get("organisations")) {
            String id = o.get("id").asText();
            if (accounts.organisation(id).isPresent()) continue;
            String source = o.get("source").asText();
            if (figures.source(source, Long.MAX_VALUE).isEmpty()) throw new IllegalStateException("demo organisation " + id + " names an unknown source " + source);
            accounts.createOrg(id, source, o.get("name").asText());
            created++;
        }
        return created;
    }

    static JsonNode read() {
        try (InputStream in = DemoDataset.class.getResourceAsStream(RESOURCE)) {
            if (in == null) throw new IllegalStateException("demo dataset " + RESOURCE + " is missing from the build");
            return EntryCodec.mapper().readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static int record(Recorder recorder, JsonNode items, String at,
                              BiFunction<JsonNode, String, Parsed<Fact>> reader, String author) {
        List<Fact> facts = new ArrayList<>();
        List<String> pointers = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            Parsed<Fact> parsed = reader.apply(items.get(i), at + "/" + i);
            if (parsed instanceof Parsed.Invalid<Fact> bad) {
                throw new IllegalStateException("demo dataset is invalid: " + bad.violations());
            }
            facts.add(((Parsed.Ok<Fact>) parsed).value());
            pointers.add(at + "/" + i);
        }
        Outcome outcome = recorder.record(facts, pointers, author);
        if (outcome instanceof Outcome.Refused r) throw new IllegalStateException("demo dataset refused: " + r.violations());
        AppendResult result = ((Outcome.Done) outcome).result();
        if (result instanceof AppendResult.Conflict c) {
            throw new IllegalStateException("demo dataset conflicts with the store at " + c.clientId());
        }
        return (int) ((AppendResult.Accepted) result).outcomes().stream().filter(AppendResult.Outcome::created).count();
    }
}
