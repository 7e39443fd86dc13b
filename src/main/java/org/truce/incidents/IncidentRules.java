package org.truce.incidents;

import org.truce.record.Actor;
import org.truce.record.RepeatsFound;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import org.truce.catalog.Catalog;
import org.truce.catalog.PartOf;
import org.truce.catalog.Place;
import org.truce.catalog.Role;
import org.truce.catalog.Source;
import org.truce.record.Violation;
import org.truce.catalog.FeatureKind;
import org.truce.catalog.MapFeatures;

/**
 * Checks incident facts against the record and against the facts before them in the same request:
 * the catalog knows every source and place; claims, steps and links name allegations that exist;
 * steps follow the workflow in order, one at a time, on or after the step before, in the name of a
 * body that is not a side of the conflict; a verifier records no finding on an incident its own
 * organisation alleged, nor links its organisation's allegation to an incident it found on; links
 * join an allegation to an incident once, without chains. Dates lie between 1900 and today. Stateless over the projections it reads.
 */
public final class IncidentRules {
    private static final LocalDate EARLIEST = LocalDate.of(1900, 1, 1);
    private static final long ALL = Long.MAX_VALUE;
    private final IncidentBook book;
    private final Catalog catalog;
    private final MapFeatures map;
    /** The one rule for both directions of partOf (a part never verifies its parent, nor a parent its part). */
    private final PartOf bodies;

    public IncidentRules(IncidentBook book, Catalog catalog, MapFeatures map) {
        this.book = book;
        this.catalog = catalog;
        this.map = map;
        this.bodies = catalog.bodies();
    }

    /** @param earlier the facts before this one in the same request, already checked */
    List<Violation> check(IncidentFact fact, String at, List<IncidentFact> earlier, Actor actor, LocalDate today) {
        List<Violation> v = new ArrayList<>();
        if (fact instanceof IncidentFact.Alleged a) {
            source(a.source(), at, v);
            if (a.place() != null) {
                Optional<Place> place = catalog.place(a.place(), ALL);
                if (place.isEmpty()) v.add(new Violation(at + "/place", "unknown place: " + a.place()));
                else if (a.location() == null && place.get().location() == null) {
                    v.add(new Violation(at + "/location", "is required: place " + a.place() + " has no location in the catalog"));
                }
            }
            date(a.date(), null, today, at + "/date", v);
        } else if (fact instanceof IncidentFact.Claimed c) {
            source(c.source(), at, v);
            if (allegation(c.incident(), earlier).isEmpty()) v.add(new Violation(at + "/incident", "names no allegation: " + c.incident()));
        } else if (fact instanceof IncidentFact.StepRecorded s) {
            step(s, at, earlier, actor, today, v);
        } else if (fact instanceof IncidentFact.Linked l) {
            link(l, at, earlier, actor, v);
        } else {
            IncidentFact.NilReported n = (IncidentFact.NilReported) fact;
            source(n.source(), at, v);
            if (map.feature(n.zone(), ALL).filter(f -> f.kind() == FeatureKind.ZONE).isEmpty()) {
                v.add(new Violation(at + "/zone", "names no zone feature of the map: " + n.zone()));
            }
            date(n.from(), null, today, at + "/from", v);
            date(n.to(), null, today, at + "/to", v);
        }
        return v;
    }

    /**
     * The own-organisation rule: a verifier may not record a finding on an incident that its
     * organisation alleged, by authorship or by the alleging body being part of its source. Every
     * allegation of the incident counts, the linked ones included (those linked earlier in the same
     * request as well).
     */
    public List<Violation> ownOrganisation(IncidentFact.StepRecorded s, String at, Actor actor) {
        return ownOrganisation(s, at, actor, List.of());
    }

    private List<Violation> ownOrganisation(IncidentFact.StepRecorded s, String at, Actor actor, List<IncidentFact> earlier) {
        if (!Workflow.FINDING.equals(s.step())) return List.of();
        for (Party a : allegationsOf(s.incident(), earlier, actor)) {
            boolean byAuthor = actor.org() != null && actor.org().equals(a.org());
            boolean bySource = actor.source() != null && bodies.related(actor.source(), a.source());
            if (byAuthor || bySource) {
                return List.of(new Violation(at + "/incident", "incident " + s.incident() + " was alleged by your own organisation ("
                        + (byAuthor ? actor.org() : actor.source()) + "); a finding on it must come from another body"));
            }
        }
        return List.of();
    }

    /** Who stands behind an entry: its author's organisation (null when none) and the body it names. */
    private record Party(String org, String source) {}

    /** The allegations of incident {@code id}: held (with its links) and linked or alleged earlier in the request. */
    private List<Party> allegationsOf(String id, List<IncidentFact> earlier, Actor actor) {
        List<Party> out = new ArrayList<>();
        book.incident(id, ALL).filter(i -> i.id().equals(id))
                .ifPresent(i -> i.allegations().forEach(h -> out.add(new Party(h.authorOrg(), h.fact().source()))));
        if (out.isEmpty()) allegation(id, earlier).ifPresent(a -> out.add(new Party(actor.org(), a.source())));
        for (IncidentFact f : earlier) {
            if (f instanceof IncidentFact.Linked l && l.incident().equals(id)) maker(l.allegation(), earlier, actor).ifPresent(out::add);
        }
        return out;
    }

    private Optional<Party> maker(String allegation, List<IncidentFact> earlier, Actor actor) {
        Optional<Held<IncidentFact.Alleged>> held = book.allegation(allegation, ALL);
        if (held.isPresent()) return Optional.of(new Party(held.get().authorOrg(), held.get().fact().source()));
        return allegation(allegation, earlier).map(a -> new Party(actor.org(), a.source()));
    }

    /**
     * The own-organisation rule seen from a link: the findings already on the incident must not
     * come from the organisation that made the allegation being linked to it.
     */
    private void linkKeepsFindingsIndependent(IncidentFact.Linked l, String at, List<IncidentFact> earlier, Actor actor, List<Violation> v) {
        Optional<Party> made = maker(l.allegation(), earlier, actor);
        if (made.isEmpty()) return;
        List<Party> finders = new ArrayList<>();
        for (Held<IncidentFact.StepRecorded> h : book.stepsOn(l.incident(), ALL)) {
            if (Workflow.FINDING.equals(h.fact().step())) finders.add(new Party(h.authorOrg(), h.fact().source()));
        }
        for (IncidentFact f : earlier) {
            if (f instanceof IncidentFact.StepRecorded e && e.incident().equals(l.incident()) && Workflow.FINDING.equals(e.step())) {
                finders.add(new Party(actor.org(), e.source()));
            }
        }
        for (Party finder : finders) {
            boolean byAuthor = finder.org() != null && finder.org().equals(made.get().org());
            boolean bySource = finder.source() != null && bodies.related(finder.source(), made.get().source());
            if (byAuthor || bySource) {
                v.add(new Violation(at + "/allegation", "was alleged by " + (byAuthor ? finder.org() : made.get().source())
                        + ", whose organisation recorded the finding on incident " + l.incident()
                        + "; linking it would put that finding on its own organisation's allegation"));
                return;
            }
        }
    }

    /**
     * A side of the conflict (a party, or de facto authorities), or a body part of one. Its account of
     * an incident is a claim; the workflow and its finding are the monitoring bodies'.
     */
    private Optional<Source> side(String source) {
        for (String s : bodies.upward(source)) {
            Optional<Source> body = catalog.source(s, ALL);
            if (body.isEmpty()) return Optional.empty();
            if (body.get().roles().contains(Role.PARTY) || body.get().roles().contains(Role.DE_FACTO_AUTHORITY)) return body;
        }
        return Optional.empty();
    }

    private void step(IncidentFact.StepRecorded s, String at, List<IncidentFact> earlier, Actor actor, LocalDate today, List<Violation> v) {
        if (s.source() == null) v.add(new Violation(at + "/source", "is required: the body in whose name the step is taken"));
        else source(s.source(), at, v);
        if (s.source() != null) side(s.source()).ifPresent(b -> v.add(new Violation(at + "/source", s.source() + " is or belongs to "
                + b.id() + ", a side of the conflict (" + b.roles().stream().map(Role::wire).sorted().collect(Collectors.joining(", "))
                + "): the verification workflow and its finding are a monitoring body's; a side's account of an incident is a claim")));
        Optional<IncidentFact.Alleged> a = allegation(s.incident(), earlier);
        if (a.isEmpty()) {
            v.add(new Violation(at + "/incident", "names no allegation: " + s.incident()));
            return;
        }
        Optional<String> linkedTo = linkedTo(s.incident(), earlier);
        if (linkedTo.isPresent()) {
            v.add(new Violation(at + "/incident", "allegation " + s.incident() + " was linked to incident " + linkedTo.get()
                    + "; record its steps there"));
            return;
        }
        List<IncidentFact.StepRecorded> before = new ArrayList<>();
        book.stepsOn(s.incident(), ALL).forEach(h -> before.add(h.fact()));
        for (IncidentFact f : earlier) if (f instanceof IncidentFact.StepRecorded e && e.incident().equals(s.incident())) before.add(e);
        String current = before.isEmpty() ? null : before.get(before.size() - 1).step();
        Optional<String> next = Workflow.next(current);
        if (next.isEmpty()) {
            v.add(new Violation(at + "/step", "the workflow of incident " + s.incident() + " is complete (noted_by_joint_body)"));
        } else if (!next.get().equals(s.step())) {
            v.add(new Violation(at + "/step", "must be " + next.get() + " now: steps follow " + Workflow.STEPS
                    + (current == null ? " and none was taken yet" : " and the last was " + current)));
        }
        LocalDate opened = a.get().timePrecision().interval(a.get().date(), a.get().time())[0].atZone(ZoneOffset.UTC).toLocalDate();
        LocalDate previous = before.isEmpty() ? opened : before.get(before.size() - 1).date();
        date(s.date(), previous, today, at + "/date", v);
        v.addAll(ownOrganisation(s, at, actor, earlier));
    }

    private void link(IncidentFact.Linked l, String at, List<IncidentFact> earlier, Actor actor, List<Violation> v) {
        if (allegation(l.allegation(), earlier).isEmpty()) v.add(new Violation(at + "/allegation", "names no allegation: " + l.allegation()));
        if (allegation(l.incident(), earlier).isEmpty()) v.add(new Violation(at + "/incident", "names no incident: " + l.incident()));
        if (!v.isEmpty()) return;
        if (l.allegation().equals(l.incident())) {
            v.add(new Violation(at + "/incident", "an allegation cannot be linked to itself"));
            return;
        }
        linkedTo(l.allegation(), earlier).ifPresent(t -> v.add(new Violation(at + "/allegation", "is already linked to incident " + t)));
        linkedTo(l.incident(), earlier).ifPresent(t -> v.add(new Violation(at + "/incident",
                "is itself linked to incident " + t + "; link to that incident")));
        boolean hasLinked = book.incident(l.allegation(), ALL).map(i -> i.id().equals(l.allegation()) && !i.linked().isEmpty()).orElse(false)
                || earlier.stream().anyMatch(f -> f instanceof IncidentFact.Linked e && e.incident().equals(l.allegation()));
        if (hasLinked) v.add(new Violation(at + "/allegation", "other allegations are linked to it; it cannot be linked in turn"));
        if (!book.stepsOn(l.allegation(), ALL).isEmpty()) {
            v.add(new Violation(at + "/allegation", "has workflow steps of its own; only an allegation without steps is linked"));
        }
        linkKeepsFindingsIndependent(l, at, earlier, actor, v);
    }

    private Optional<IncidentFact.Alleged> allegation(String id, List<IncidentFact> earlier) {
        Optional<IncidentFact.Alleged> held = book.allegation(id, ALL).map(Held::fact);
        if (held.isPresent()) return held;
        return earlier.stream().filter(f -> f instanceof IncidentFact.Alleged a && a.id().equals(id))
                .map(f -> (IncidentFact.Alleged) f).findFirst();
    }

    private Optional<String> linkedTo(String allegation, List<IncidentFact> earlier) {
        Optional<String> held = book.linkOf(allegation, ALL).map(h -> h.fact().incident());
        if (held.isPresent()) return held;
        return earlier.stream().filter(f -> f instanceof IncidentFact.Linked l && l.allegation().equals(allegation))
                .map(f -> ((IncidentFact.Linked) f).incident()).findFirst();
    }

    /**
     * The duplicate rule of nil reports: one with the same source, zone, reported area and period as a
     * nil report already recorded (or earlier in the request) is a repeat, refused (409, naming the
     * first) unless it says so with {@code duplicateOf} and a reason; {@code duplicateOf} must name a nil
     * report it does repeat (422 otherwise). Retries of recorded ids are left to the ledger.
     *
     * @param earlier the facts before this one in the same request
     */
    RepeatsFound repeatOf(IncidentFact.NilReported n, String at, List<IncidentFact> earlier) {
        List<Violation> unmarked = new ArrayList<>();
        List<Violation> wrong = new ArrayList<>();
        if (n.duplicateOf() != null) {
            boolean names = book.nilReports(ALL).stream().anyMatch(h -> h.fact().id().equals(n.duplicateOf().id()) && sameNil(h.fact(), n))
                    || earlier.stream().anyMatch(f -> f instanceof IncidentFact.NilReported e && e.id().equals(n.duplicateOf().id()) && sameNil(e, n));
            if (!names || n.duplicateOf().id().equals(n.id())) {
                wrong.add(new Violation(at + "/duplicateOf/id", "names no nil report that this one repeats (the same source, zone,"
                        + " reported area, from and to, recorded or earlier in this request): " + n.duplicateOf().id()));
            }
            return new RepeatsFound(unmarked, wrong);
        }
        Optional<Held<IncidentFact.NilReported>> held = book.nilReports(ALL).stream()
                .filter(h -> !h.fact().id().equals(n.id()) && sameNil(h.fact(), n)).findFirst();
        if (held.isPresent()) {
            unmarked.add(new Violation(at, "repeats nil report " + held.get().fact().id() + " (entry " + held.get().seq()
                    + "): the same source, zone, reported area, from and to; to record it anyway, send duplicateOf with that id and a reason"));
        } else {
            for (int j = 0; j < earlier.size(); j++) {
                if (earlier.get(j) instanceof IncidentFact.NilReported e && !e.id().equals(n.id()) && sameNil(e, n)) {
                    unmarked.add(new Violation(at, "repeats nil report " + e.id() + " earlier in this request: the same source, zone,"
                            + " reported area, from and to; to record it anyway, send duplicateOf with that id and a reason"));
                    break;
                }
            }
        }
        return new RepeatsFound(unmarked, wrong);
    }

    static boolean sameNil(IncidentFact.NilReported a, IncidentFact.NilReported b) {
        return a.source().equals(b.source()) && a.zone().equals(b.zone()) && java.util.Objects.equals(a.reportedArea(), b.reportedArea())
                && a.from().equals(b.from()) && a.to().equals(b.to());
    }

    private void source(String id, String at, List<Violation> v) {
        if (id != null && catalog.source(id, ALL).isEmpty()) v.add(new Violation(at + "/source", "unknown source: " + id));
    }

    private static void date(LocalDate date, LocalDate notBefore, LocalDate today, String at, List<Violation> v) {
        if (date == null) return;
        if (date.isBefore(EARLIEST) || date.isAfter(today)) v.add(new Violation(at, "must lie between 1900-01-01 and today (" + today + ")"));
        else if (notBefore != null && date.isBefore(notBefore)) v.add(new Violation(at, "must not be before " + notBefore + ", the incident's or the previous step's date"));
    }
}
