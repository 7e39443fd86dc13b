package org.truce.incidents;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import org.truce.ledger.Entry;
import org.truce.ledger.Ledger;

/**
 * The incidents projection, folded from the ledger: allegations, claims, workflow steps, links and
 * nil reports, each with its entry's position. Every question names a ledger size (as known at):
 * only entries with seq below it count. One writer (the ledger's applier), many readers.
 */
public final class IncidentBook implements Ledger.Listener {
    private final ReadWriteLock lock = new ReentrantReadWriteLock();
    private final Map<String, Held<IncidentFact.Alleged>> allegations = new LinkedHashMap<>();
    private final Map<String, List<Held<IncidentFact.Claimed>>> claims = new HashMap<>();
    private final Map<String, List<Held<IncidentFact.StepRecorded>>> steps = new HashMap<>();
    private final Map<String, Held<IncidentFact.Linked>> links = new HashMap<>();
    private final List<Held<IncidentFact.NilReported>> nils = new ArrayList<>();
    private final Set<String> ids = new HashSet<>();

    @Override
    public Object prepare(Entry entry) {
        return IncidentCodec.handles(entry.type()) ? IncidentCodec.fromLedger(entry.type(), entry.payload()) : null;
    }

    @Override
    public void applied(Entry entry) {
        applied(entry, prepare(entry));
    }

    @Override
    public void applied(Entry entry, Object prepared) {
        if (!(prepared instanceof IncidentFact fact)) return;
        lock.writeLock().lock();
        try {
            ids.add(fact.clientId());
            if (fact instanceof IncidentFact.Alleged a) {
                allegations.put(a.id(), new Held<>(a, entry.seq(), entry.recordedAt(), entry.author()));
            } else if (fact instanceof IncidentFact.Claimed c) {
                claims.computeIfAbsent(c.incident(), k -> new ArrayList<>()).add(new Held<>(c, entry.seq(), entry.recordedAt(), entry.author()));
            } else if (fact instanceof IncidentFact.StepRecorded s) {
                steps.computeIfAbsent(s.incident(), k -> new ArrayList<>()).add(new Held<>(s, entry.seq(), entry.recordedAt(), entry.author()));
            } else if (fact instanceof IncidentFact.Linked l) {
                links.put(l.allegation(), new Held<>(l, entry.seq(), entry.recordedAt(), entry.author()));
            } else {
                nils.add(new Held<>((IncidentFact.NilReported) fact, entry.seq(), entry.recordedAt(), entry.author()));
            }
        } finally {
            lock.writeLock().unlock();
        }
    }

    /** Whether an incident entry with this client id is in the ledger (a retry, for the ledger to answer). */
    public boolean known(String clientId) {
        lock.readLock().lock();
        try {
            return ids.contains(clientId);
        } finally {
            lock.readLock().unlock();
        }
    }

    public Optional<Held<IncidentFact.Alleged>> allegation(String id, long size) {
        lock.readLock().lock();
        try {
            return Optional.ofNullable(allegations.get(id)).filter(h -> h.seq() < size);
        } finally {
            lock.readLock().unlock();
        }
    }

    /** The link that made allegation {@code id} part of another incident, if any. */
    public Optional<Held<IncidentFact.Linked>> linkOf(String id, long size) {
        lock.readLock().lock();
        try {
            return Optional.ofNullable(links.get(id)).filter(h -> h.seq() < size);
        } finally {
            lock.readLock().unlock();
        }
    }

    /** The incident an allegation belongs to: its own, or the one a verifier linked it to. */
    public Optional<Incident> incident(String allegationId, long size) {
        lock.readLock().lock();
        try {
            Held<IncidentFact.Alleged> a = allegations.get(allegationId);
            if (a == null || a.seq() >= size) return Optional.empty();
            Held<IncidentFact.Linked> link = links.get(allegationId);
            String root = link != null && link.seq() < size ? link.fact().incident() : allegationId;
            return Optional.of(build(allegations.get(root), size));
        } finally {
            lock.readLock().unlock();
        }
    }

    /** Every incident (allegations not linked to another), in the order they were alleged. */
    public List<Incident> incidents(long size) {
        lock.readLock().lock();
        try {
            List<Incident> out = new ArrayList<>();
            for (Held<IncidentFact.Alleged> a : allegations.values()) {
                if (a.seq() >= size) continue;
                Held<IncidentFact.Linked> link = links.get(a.fact().id());
                if (link == null || link.seq() >= size) out.add(build(a, size));
            }
            return out;
        } finally {
            lock.readLock().unlock();
        }
    }

    public List<Held<IncidentFact.NilReported>> nilReports(long size) {
        lock.readLock().lock();
        try {
            return nils.stream().filter(h -> h.seq() < size).toList();
        } finally {
            lock.readLock().unlock();
        }
    }

    /** Steps recorded on allegation {@code id} itself (not on the incident it may be linked to). */
    public List<Held<IncidentFact.StepRecorded>> stepsOn(String id, long size) {
        lock.readLock().lock();
        try {
            return steps.getOrDefault(id, List.of()).stream().filter(h -> h.seq() < size).toList();
        } finally {
            lock.readLock().unlock();
        }
    }

    private Incident build(Held<IncidentFact.Alleged> root, long size) {
        String id = root.fact().id();
        List<Held<IncidentFact.Linked>> toRoot = new ArrayList<>();
        for (Held<IncidentFact.Linked> l : links.values()) {
            if (l.seq() < size && l.fact().incident().equals(id)) toRoot.add(l);
        }
        toRoot.sort(java.util.Comparator.comparingLong(Held::seq));
        List<Held<IncidentFact.Alleged>> linked = new ArrayList<>();
        List<Held<IncidentFact.Claimed>> all = new ArrayList<>(visible(claims.get(id), size));
        for (Held<IncidentFact.Linked> l : toRoot) {
            linked.add(allegations.get(l.fact().allegation()));
            all.addAll(visible(claims.get(l.fact().allegation()), size));
        }
        all.sort(java.util.Comparator.comparingLong(Held::seq));
        return new Incident(root, linked, toRoot, all, visible(steps.get(id), size));
    }

    private static <T extends IncidentFact> List<Held<T>> visible(List<Held<T>> list, long size) {
        if (list == null) return List.of();
        return list.stream().filter(h -> h.seq() < size).toList();
    }
}
