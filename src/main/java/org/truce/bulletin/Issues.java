package org.truce.bulletin;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.truce.figures.FigureBook;
import org.truce.ledger.Ledger;

/**
 * Issues bulletins: a published date is the bulletin of its latest publication (or of the
 * publication an explicit size names), with that publication's header; any other date or size is a
 * draft, marked as such. Everything an issue says — text, number, issuer, changes — comes from the
 * ledger's first N entries and the publications before it, so a publication reads the same bytes
 * after restarts and later writes. Thread-safe.
 */
public final class Issues {
    private final BulletinComposer composer;
    private final Publications publications;
    private final FigureBook figures;
    private final ChangeList changes;

    public Issues(BulletinComposer composer, Publications publications, FigureBook figures, Ledger ledger) {
        this.composer = composer;
        this.publications = publications;
        this.figures = figures;
        this.changes = new ChangeList(figures, ledger);
    }

    /**
     * The publication an issue of {@code date} shows: with no size, the date's latest; with a size,
     * the latest publication of the date at that size. Empty means a draft.
     */
    public Optional<Publication> publicationFor(LocalDate date, Long size) {
        return size == null ? publications.latest(date) : publications.at(date, size);
    }

    /** The issue of {@code p}, in the language of {@code m}. */
    public Issue published(Publication p, Messages m) {
        Bulletin b = composer.compose(p.date(), p.size(), m);
        int revision = publications.revision(p);
        Publication previous = publications.previous(p).orElse(null);
        String issuer = issuer(p);
        String issuerName = issuerName(p, m.lang());
        int number = publications.number(p);
        LocalDate issued = p.recordedAt().atOffset(ZoneOffset.UTC).toLocalDate();
        List<String> header = new ArrayList<>();
        header.add(m.format("masthead.issuer", Map.of("issuer", issuerName)));
        header.add(m.format("masthead.number", Map.of("number", Integer.toString(number))));
        header.add(m.format("masthead.covers", Map.of("date", m.date(p.date()))));
        header.add(m.format("masthead.issued", Map.of("date", m.date(issued))));
        header.add(revision == 0 ? m.format("masthead.status.published", Map.of())
                : m.format("masthead.status.republished", Map.of("revision", Integer.toString(revision),
                "previous", Integer.toString(publications.number(previous)))));
        if (p.witnessed() != null) header.add(witnessedLine(p, m));
        List<Change> list = List.of();
        String heading = null;
        String none = null;
        if (previous != null) {
            Bulletin before = composer.compose(p.date(), previous.size(), m);
            list = changes.between(before, previous.size(), b, m);
            heading = m.format("changes.heading", Map.of("number", Integer.toString(publications.number(previous)),
                    "size", Long.toString(previous.size())));
            none = m.format("changes.none", Map.of());
        }
        return new Issue(b, new Masthead(revision == 0 ? Status.PUBLISHED : Status.REPUBLISHED, p, issuer, issuerName, number,
                issued, revision, previous, list, header, null, heading, none));
    }

    /** The draft of {@code date} at {@code size}: computed, never published, marked as such in every format. */
    public Issue draft(LocalDate date, long size, Messages m) {
        Bulletin b = composer.compose(date, size, m);
        String mark = m.format("draft.mark", Map.of());
        List<String> header = List.of(mark, m.format("draft.note", Map.of("size", Long.toString(size))));
        return new Issue(b, new Masthead(Status.DRAFT, null, null, null, 0, null, 0, null, List.of(), header, mark, null, null));
    }

    /**
     * The draft of {@code date} at {@code size} beside the publication it would follow (see
     * {@link DraftComparison}): what a secretariat reviews before it publishes.
     */
    public DraftComparison compare(LocalDate date, long size, Messages m) {
        Issue draft = draft(date, size, m);
        Optional<Publication> sameDate = publications.latest(date);
        Publication base = sameDate.or(publications::newest).orElse(null);
        if (base == null) return new DraftComparison(draft, null, false, 0, DraftComparison.rows(null, draft.bulletin(), List.of()), List.of());
        Bulletin before = composer.compose(date, base.size(), m);
        List<Change> list = changes.between(before, base.size(), draft.bulletin(), m);
        return new DraftComparison(draft, base, sameDate.isPresent(), publications.number(base),
                DraftComparison.rows(before, draft.bulletin(), list), list);
    }

    /** The issue of {@code date} at {@code size} (null: the latest publication, else a draft at {@code ledgerSize}). */
    public Issue issue(LocalDate date, Long size, long ledgerSize, Messages m) {
        Optional<Publication> p = publicationFor(date, size);
        return p.isPresent() ? published(p.get(), m) : draft(date, size == null ? ledgerSize : size, m);
    }

    /**
     * Who had cosigned the ledger's checkpoint when {@code p} was published: each witness by the name of
     * the body it speaks for (as the catalog named it then), else by its key name.
     */
    private String witnessedLine(Publication p, Messages m) {
        Witnessed w = p.witnessed();
        if (w.by().isEmpty()) return m.format("masthead.witnessed.none", Map.of());
        List<String> names = new ArrayList<>();
        for (Witnessed.Cosigned c : w.by()) {
            names.add(c.source() == null ? c.witness()
                    : figures.source(c.source(), p.seq()).map(s -> s.name(m.lang())).orElse(c.witness()));
        }
        return m.format("masthead.witnessed", Map.of("witnesses", m.list(names), "size", Long.toString(w.size())));
    }

    /** The issuer's name in {@code lang}, as the catalog named it when the publication was made; its id when the catalog has none. */
    public String issuerName(Publication p, String lang) {
        String issuer = issuer(p);
        return figures.source(issuer, p.seq()).map(s -> s.name(lang)).orElse(issuer);
    }

    /** The issuer of a publication: its recorded source; for older entries, the organisation in its author. */
    public static String issuer(Publication p) {
        if (p.issuer() != null) return p.issuer();
        int slash = p.author().indexOf('/');
        return slash < 0 ? p.author() : p.author().substring(0, slash);
    }
}
