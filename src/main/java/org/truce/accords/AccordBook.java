package org.truce.accords;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;
import org.truce.ledger.Entry;
import org.truce.ledger.Ledger;

/**
 * The accords projection: every accords fact in ledger order with its position, author and record
 * time, and the position of every other entry an assessment may cite as evidence (reports are the
 * figures' business and are not indexed here). Queries take a ledger {@code size} and see only
 * entries with seq below it ("as known at"). One writer (the ledger's applier), many readers.
 * Accords facts are few (hundreds), so queries scan.
 */
public final class AccordBook implements Ledger.Listener {
    public static final List<String> TASK_STATUSES = List.of("open", "in_progress", "done", "dropped");
    private final List<Held<AccordFact>> facts = new CopyOnWriteArrayList<>();
    private final Map<String, Cited> citable = new ConcurrentHashMap<>();

    /** Where an entry an assessment may cite sits, and its ledger entry type. */
    private record Cited(long seq, String type) {}

    /** A fact with where and when the ledger took it. */
    public record Held<T extends AccordFact>(T fact, long seq, Instant recordedAt, String author) {}

    @Override
    public Object prepare(Entry entry) {
        return entry.type().startsWith("accord.") ? AccordReader.fromLedger(entry.type(), entry.payload()) : null;
    }

    @Override
    public void applied(Entry entry) {
        applied(entry, prepare(entry));
    }

    @Override
    public void applied(Entry entry, Object prepared) {
        if (prepared instanceof AccordFact fact) facts.add(new Held<>(fact, entry.seq(), entry.recordedAt(), entry.author()));
        // geometries and reports are the bulk of a large ledger; reports are found in the ledger itself
        if (!entry.type().startsWith("report.") && !entry.type().startsWith("map.")) citable.putIfAbsent(entry.clientId(), new Cited(entry.seq(), entry.type()));
    }

    /** Whether an entry (not a report) with this client id was in the ledger's first {@code size} entries. */
    public boolean recorded(String entryId, long size) {
        return type(entryId, size).isPresent();
    }

    /** The ledger entry type of the entry (not a report) with this client id in the ledger's first {@code size} entries. */
    public Optional<String> type(String entryId, long size) {
        Cited c = citable.get(entryId);
        return c != null && c.seq() < size ? Optional.of(c.type()) : Optional.empty();
    }

    /** Every fact of {@code type} known at {@code size}, matching {@code filter}, in ledger order. */
    @SuppressWarnings("unchecked")
    public <T extends AccordFact> List<Held<T>> all(Class<T> type, long size, Predicate<T> filter) {
        List<Held<T>> out = new ArrayList<>();
        for (Held<AccordFact> h : facts) {
            if (h.seq() >= size) break;
            if (type.isInstance(h.fact()) && filter.test((T) h.fact())) out.add((Held<T>) (Held<?>) h);
        }
        return out;
    }

    public <T extends AccordFact> List<Held<T>> all(Class<T> type, long size) {
        return all(type, size, t -> true);
    }

    /** The first fact of {@code type} with this id (named things are declared once; retries are not new entries). */
    public <T extends AccordFact> Optional<Held<T>> find(Class<T> type, String id, long size) {
        return all(type, size, t -> t.id().equals(id)).stream().findFirst();
    }

    public Optional<AccordFact.AgreementDeclared> agreement(String id, long size) {
        return find(AccordFact.AgreementDeclared.class, id, size).map(Held::fact);
    }

    public Optional<AccordFact.ObligationSet> obligation(String id, long size) {
        return find(AccordFact.ObligationSet.class, id, size).map(Held::fact);
    }

    public Optional<AccordFact.GroupFormed> group(String id, long size) {
        return find(AccordFact.GroupFormed.class, id, size).map(Held::fact);
    }

    public Optional<AccordFact.MeetingHeld> meeting(String id, long size) {
        return find(AccordFact.MeetingHeld.class, id, size).map(Held::fact);
    }

    public Optional<AccordFact.EventHappened> event(String id, long size) {
        return find(AccordFact.EventHappened.class, id, size).map(Held::fact);
    }

    /** Ids of the named things known at {@code size}, by type: what a request may refer to. */
    public Set<String> ids(Class<? extends AccordFact> type, long size) {
        Set<String> out = new java.util.HashSet<>();
        for (var h : all(type, size)) out.add(h.fact().id());
        return out;
    }
}
