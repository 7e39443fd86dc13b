package org.truce.ingest;

import org.truce.record.Outcome;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import org.truce.bulletin.Bulletin;
import org.truce.bulletin.BulletinComposer;
import org.truce.bulletin.Messages;
import org.truce.bulletin.Publication;
import org.truce.bulletin.Publications;
import org.truce.bulletin.PublishRequest;
import org.truce.bulletin.Publisher;
import org.truce.ledger.AppendResult;
import org.truce.ledger.Ledger;

/**
 * The demo's publications, issued in the name of {@link #ISSUER}, an illustrative secretariat (the
 * demo never makes a real body publish): the bulletins of the demo's report dates up to and including
 * {@link #LATEST} (11 January 2021, the demo's latest bulletin; a report dated later is recorded but
 * its date is not published), each at the ledger's size once the rest of the demo is loaded — except
 * {@link #REPUBLISHED}, which is first published from the checkpoint before its last figure was filed
 * (as a secretariat does when a body's figure arrives late) and then republished at the full size,
 * so that a reader sees a republication and the changes it lists. A date already published is left
 * as it is, so loading twice is a no-op.
 */
public final class DemoPublications {
    public static final LocalDate LATEST = LocalDate.of(2021, 1, 11);
    /** The date the demo publishes twice. */
    public static final LocalDate REPUBLISHED = LATEST;
    /** The catalog source the demo's publications are issued by: {@code seed.json}'s illustrative secretariat. */
    public static final String ISSUER = "joint-record-secretariat";

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
    public static int load(Publisher publisher, Publications publications, Ledger ledger, BulletinComposer composer, String author) {
        long size = ledger.size();
        List<PublishRequest> requests = new ArrayList<>();
        for (LocalDate date : dates()) {
            if (!publications.of(date).isEmpty()) continue;
            long at = date.equals(REPUBLISHED) ? beforeLastFigure(composer, date, size) : size;
            requests.add(publisher.request(null, date, at, ISSUER));
        }
        int created = publish(publisher, requests, author);
        List<Publication> of = publications.of(REPUBLISHED);
        long full = publications.of(dates().get(0)).get(0).size();
        if (of.size() == 1 && of.get(0).size() < full) created += publish(publisher, List.of(publisher.request(null, REPUBLISHED, full, ISSUER)), author);
        return created;
    }

    /** The checkpoint just before the last entry that a figure of {@code date}'s bulletin rests on. */
    private static long beforeLastFigure(BulletinComposer composer, LocalDate date, long size) {
        Bulletin b = composer.compose(date, size, Messages.of("en").orElseThrow());
        long last = -1;
        for (Bulletin.Section s : b.sections()) for (Bulletin.Line l : s.lines()) for (long seq : l.basedOn()) last = Math.max(last, seq);
        return last >= 1 ? last : size;
    }

    private static int publish(Publisher publisher, List<PublishRequest> requests, String author) {
        if (requests.isEmpty()) return 0;
        List<String> pointers = new ArrayList<>();
        for (int i = 0; i < requests.size(); i++) pointers.add("/" + i);
        Outcome outcome = publisher.publish(requests, pointers, author);
        if (outcome instanceof Outcome.Refused r) {
            throw new IllegalStateException("the demo's publications were refused: " + r.violations());
        }
        AppendResult result = ((Outcome.Done) outcome).result();
        if (!(result instanceof AppendResult.Accepted a)) throw new IllegalStateException("the demo's publications conflict: " + result);
        return (int) a.outcomes().stream().filter(AppendResult.Outcome::created).count();
    }
}
