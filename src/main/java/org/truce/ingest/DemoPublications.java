package org.truce.ingest;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import org.truce.bulletin.Publications;
import org.truce.bulletin.PublishRequest;
import org.truce.bulletin.Publisher;
import org.truce.figures.Recorder;
import org.truce.ledger.AppendResult;
import org.truce.ledger.Ledger;

/**
 * The demo's publications: the bulletins of the demo's report dates up to and including
 * {@link #LATEST} (11 January 2021, the demo's latest bulletin; a report dated later is recorded but
 * its date is not published), each at the ledger's size once the rest of the demo is loaded, in one
 * all-or-nothing request. A date already published is left as it is, so loading twice is a no-op.
 */
public final class DemoPublications {
    public static final LocalDate LATEST = LocalDate.of(2021, 1, 11);

    private DemoPublications() {}

    /** The dates the demo publishes, oldest first. */
    public static List<LocalDate> dates() {
        TreeSet<LocalDate> dates = new TreeSet<>();
        for (JsonNode report : DemoDataset.read().path("reports")) {
            LocalDate d = LocalDate.parse(report.get("asOf").asText());
            if (!d.isAfter(LATEST)) dates.add(d);
        }
        dates.add(LATEST);
        return List.copyOf(dates);
    }

    /** @return the number of entries newly written */
    public static int load(Publisher publisher, Publications publications, Ledger ledger, String author) {
        long size = ledger.size();
        List<PublishRequest> requests = new ArrayList<>();
        List<String> pointers = new ArrayList<>();
        for (LocalDate date : dates()) {
            if (!publications.of(date).isEmpty()) continue;
            requests.add(publisher.request(null, date, size));
            pointers.add("/" + pointers.size());
        }
        if (requests.isEmpty()) return 0;
        Recorder.Outcome outcome = publisher.publish(requests, pointers, author);
        if (outcome instanceof Recorder.Outcome.Refused r) {
            throw new IllegalStateException("the demo's publications were refused: " + r.violations());
        }
        AppendResult result = ((Recorder.Outcome.Done) outcome).result();
        if (!(result instanceof AppendResult.Accepted a)) throw new IllegalStateException("the demo's publications conflict: " + result);
        return (int) a.outcomes().stream().filter(AppendResult.Outcome::created).count();
    }
}
