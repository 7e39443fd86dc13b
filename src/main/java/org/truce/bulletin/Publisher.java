package org.truce.bulletin;

import org.truce.record.Outcome;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.truce.record.Violation;
import org.truce.ledger.Draft;
import org.truce.ledger.Ledger;

/**
 * Publishes bulletins: a bulletin can be computed for any date and checkpoint, and publishing one is
 * an explicit {@value Publication#TYPE} entry naming the date, the checkpoint's size and its root.
 * Refuses (as {@link Violation}s, writing nothing) a date after today, a size outside 1 to the ledger's
 * size, and a root other than the ledger's own at that size. A request is all or nothing; requests run
 * one at a time across every node ({@link Ledger#exclusively}). Republishing a date at another checkpoint is a new publication; the same date, size
 * and id again is an idempotent retry. Thread-safe.
 */
public final class Publisher {
    private static final HexFormat HEX = HexFormat.of();
    private final Ledger ledger;
    private final Clock clock;
    private final Witnessing witnessing;
    private final Publications publications;

    /** A publisher on a node without witnesses. */
    public Publisher(Ledger ledger, Clock clock) {
        this(ledger, clock, Witnessing.NONE, new Publications());
    }

    /**
     * A publisher that records, in each publication, what {@code witnessing} says the node's witnesses
     * had cosigned; {@code publications} (the node's projection) keeps a retry of a publication
     * idempotent by reusing what the first attempt recorded.
     */
    public Publisher(Ledger ledger, Clock clock, Witnessing witnessing, Publications publications) {
        this.ledger = ledger;
        this.clock = clock;
        this.witnessing = witnessing;
        this.publications = publications;
    }

    /** The request to publish {@code date} at {@code size} (the whole ledger when null), root computed here. */
    public PublishRequest request(String id, LocalDate date, Long size) {
        return request(id, date, size, null);
    }

    /**
     * The request to publish {@code date} at {@code size} (the whole ledger when null) in the name of
     * {@code issuer} (the publishing organisation's source id), root computed here.
     */
    public PublishRequest request(String id, LocalDate date, Long size, String issuer) {
        long at = size == null ? ledger.size() : size;
        String root = at >= 1 && at <= ledger.size() ? rootAt(at) : "";
        return new PublishRequest(id == null ? Publication.defaultId(date, at) : id, date, at, root, issuer);
    }

    /** The ledger's root hash at {@code size} (≤ its size), lowercase hex. */
    public String rootAt(long size) {
        return HEX.formatHex(ledger.checkpointAt(size).rootHash());
    }

    /** @param pointers the JSON pointer of each request ("" for a single object) */
    public Outcome publish(List<PublishRequest> requests, List<String> pointers, String author) {
        List<PublishRequest> witnessed = witnessed(requests);
        return ledger.exclusively(() -> checkAndAppend(witnessed, pointers, author));
    }

    /**
     * The requests with what the witnesses have cosigned of the ledger as it is now (a checkpoint at or
     * beyond every request's size: witnesses cosign the heads the ledger passes through, not older
     * sizes). Waiting happens before the exclusive section, so it holds up no other publisher. A retry
     * of a recorded publication gets that publication's own record, so that it stays a retry.
     */
    private List<PublishRequest> witnessed(List<PublishRequest> requests) {
        if (requests.isEmpty()) return requests;
        var now = witnessing.await(ledger.size());
        if (now.isEmpty()) return requests;
        List<PublishRequest> out = new ArrayList<>(requests.size());
        for (PublishRequest r : requests) {
            Witnessed earlier = publications.all().stream().filter(p -> p.clientId().equals(r.id())).findFirst()
                    .map(Publication::witnessed).orElse(null);
            out.add(r.witnessed(earlier != null ? earlier : now.get()));
        }
        return out;
    }

    private Outcome checkAndAppend(List<PublishRequest> requests, List<String> pointers, String author) {
        List<Violation> violations = new ArrayList<>();
        Map<String, Integer> ids = new HashMap<>();
        LocalDate today = LocalDate.now(clock);
        for (int i = 0; i < requests.size(); i++) {
            PublishRequest r = requests.get(i);
            String at = pointers.get(i);
            Integer first = ids.putIfAbsent(r.id(), i);
            if (first != null) violations.add(new Violation(at + "/id", "repeats the id of " + pointers.get(first)));
            violations.addAll(check(r, at, today));
        }
        if (!violations.isEmpty()) return new Outcome.Refused(violations);
        List<Draft> drafts = new ArrayList<>(requests.size());
        for (PublishRequest r : requests) drafts.add(new Draft(Publication.TYPE, author, r.id(), r.payload()));
        return new Outcome.Done(ledger.append(drafts));
    }

    public Outcome publish(PublishRequest request, String author) {
        return publish(List.of(request), List.of(""), author);
    }

    private List<Violation> check(PublishRequest r, String at, LocalDate today) {
        List<Violation> v = new ArrayList<>();
        if (r.date() == null) {
            v.add(new Violation(at + "/date", "is required"));
        } else if (r.date().isAfter(today)) {
            v.add(new Violation(at + "/date", "must not be after today (" + today + "): a bulletin is published for a day that has come"));
        }
        long size = ledger.size();
        if (r.size() < 1 || r.size() > size) {
            v.add(new Violation(at + "/size", "must be between 1 and the ledger's size " + size + ", not " + r.size()));
        } else if (!rootAt(r.size()).equals(r.root())) {
            v.add(new Violation(at + "/root", "is not the ledger's root at size " + r.size() + " (" + rootAt(r.size()) + ")"));
        }
        return v;
    }
}
