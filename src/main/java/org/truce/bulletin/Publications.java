package org.truce.bulletin;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.truce.ledger.Entry;
import org.truce.ledger.Ledger;

/**
 * The publications projection, folded from the ledger's {@value Publication#TYPE} entries: every
 * publication is kept, in ledger order; the latest one of a date is the one shown, the earlier ones
 * are its earlier publications. One writer (the ledger's applier) and any number of readers, who
 * see an immutable snapshot.
 */
public final class Publications implements Ledger.Listener {
    private volatile List<Publication> all = List.of();

    @Override
    public Object prepare(Entry entry) {
        return Publication.TYPE.equals(entry.type()) ? PublishRequest.fromLedger(entry.clientId(), entry.payload()) : null;
    }

    @Override
    public void applied(Entry entry) {
        applied(entry, prepare(entry));
    }

    @Override
    public void applied(Entry entry, Object prepared) {
        if (!(prepared instanceof PublishRequest p)) return;
        List<Publication> next = new ArrayList<>(all.size() + 1);
        next.addAll(all);
        next.add(new Publication(p.date(), p.size(), p.root(), entry.clientId(), entry.seq(), entry.recordedAt(), entry.author(),
                p.issuer(), p.witnessed()));
        all = List.copyOf(next);
    }

    /** Every publication, in ledger order. */
    public List<Publication> all() {
        return all;
    }

    /** The publications of {@code date}, in ledger order (the last is the one shown). */
    public List<Publication> of(LocalDate date) {
        return all.stream().filter(p -> p.date().equals(date)).toList();
    }

    /** The publication shown for {@code date}: its latest. */
    public Optional<Publication> latest(LocalDate date) {
        List<Publication> of = of(date);
        return of.isEmpty() ? Optional.empty() : Optional.of(of.get(of.size() - 1));
    }

    /** The latest publication of each published date, newest date first. */
    public List<Publication> latestPerDate() {
        Map<LocalDate, Publication> latest = new LinkedHashMap<>();
        for (Publication p : all) latest.put(p.date(), p);
        List<Publication> out = new ArrayList<>(latest.values());
        out.sort(Comparator.comparing(Publication::date).reversed());
        return out;
    }

    /** Every publication, newest date first and, within a date, the latest first. */
    public List<Publication> newestFirst() {
        List<Publication> out = new ArrayList<>(all);
        out.sort(Comparator.comparing(Publication::date).thenComparingLong(Publication::seq).reversed());
        return out;
    }

    /** The number in the series of situation reports: 1 for the first publication ever, in ledger order. */
    public int number(Publication p) {
        List<Publication> list = all;
        for (int i = 0; i < list.size(); i++) if (list.get(i).seq() == p.seq()) return i + 1;
        throw new IllegalArgumentException("publication at seq " + p.seq() + " is not in the record");
    }

    /** Which publication of its date {@code p} is: 0 the first, k the k-th republication (revision k). */
    public int revision(Publication p) {
        List<Publication> of = of(p.date());
        for (int i = 0; i < of.size(); i++) if (of.get(i).seq() == p.seq()) return i;
        throw new IllegalArgumentException("publication at seq " + p.seq() + " is not in the record");
    }

    /** The publication of {@code date} before {@code p}, if {@code p} republished it. */
    public Optional<Publication> previous(Publication p) {
        Publication before = null;
        for (Publication q : of(p.date())) {
            if (q.seq() == p.seq()) return Optional.ofNullable(before);
            before = q;
        }
        return Optional.empty();
    }

    /** The latest publication of {@code date} at ledger size {@code size}, if one was made there. */
    public Optional<Publication> at(LocalDate date, long size) {
        Publication found = null;
        for (Publication p : of(date)) if (p.size() == size) found = p;
        return Optional.ofNullable(found);
    }

    /** The bulletin the home page shows: the latest publication of the latest published date. */
    public Optional<Publication> newest() {
        List<Publication> latest = latestPerDate();
        return latest.isEmpty() ? Optional.empty() : Optional.of(latest.get(0));
    }
}
