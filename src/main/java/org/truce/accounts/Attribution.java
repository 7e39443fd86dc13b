package org.truce.accounts;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.truce.catalog.PartOf;
import org.truce.record.Violation;
import org.truce.record.Voice;

/**
 * In whose name a caller may write: the one rule every write route applies to what its input says
 * ({@link Voice}), whatever the capability. A body's own people speak for it and the bodies part of
 * it; a transcriber records what any body published, only citing the document, and corrects or
 * withdraws only what its own organisation recorded; some inputs admit no transcription at all.
 * Which roles count as a body's own people depends on the input ({@link Speakers}); whether the
 * caller holds the route's role at all was decided before (the route's access rule). Thread-safe
 * when its lookups are.
 */
public final class Attribution {

    /** Who may speak in a body's name for one kind of input. */
    public enum Speakers {
        /** Figures, incidents and the map: the body's reporters; a transcriber, citing the document. */
        REPORTERS(true, Role.REPORTER),
        /** What was agreed and how far it went: the body's reporters or secretariat; a transcriber, citing the document. */
        REPORTERS_OR_SECRETARIAT(true, Role.REPORTER, Role.SECRETARIAT),
        /** Cases of persons: the keeping body's reporters only; nobody transcribes a case. */
        REPORTERS_ONLY(false, Role.REPORTER),
        /** Monitors' workflow steps: only in the name of the caller's own organisation's body. */
        OWN_ORGANISATION(false, Role.values());

        private final boolean transcribed;
        private final List<Role> own;

        Speakers(boolean transcribed, Role... own) {
            this.transcribed = transcribed;
            this.own = List.of(own);
        }
    }

    /** Which organisation recorded an entry, by its client id (empty when unknown). */
    @FunctionalInterface
    public interface Recorders {
        Optional<String> organisationThatRecorded(String entryId);
    }

    private final PartOf bodies;
    private final Recorders recorders;
    private final Function<String, Optional<String>> sourceOfOrganisation;

    /**
     * @param bodies               the catalog's partOf tree
     * @param recorders            who recorded an entry (for corrections and retractions by transcribers)
     * @param sourceOfOrganisation the catalog source an organisation speaks for (for custodian grants)
     */
    public Attribution(PartOf bodies, Recorders recorders, Function<String, Optional<String>> sourceOfOrganisation) {
        this.bodies = bodies;
        this.recorders = recorders;
        this.sourceOfOrganisation = sourceOfOrganisation;
    }

    /** Whether {@code p} is one of {@code body}'s own people for this kind of input. */
    public boolean speaksFor(Principal p, Speakers who, String body) {
        return p.sourceId() != null && who.own.stream().anyMatch(p::has) && bodies.within(p.sourceId(), body);
    }

    /** The reasons {@code p} may not say what {@code voice} says (answered 403); empty when it may. */
    public List<Violation> check(Principal p, Speakers who, Voice voice) {
        List<Violation> v = new ArrayList<>();
        if (voice.body() == null) return v; // the input's own rules require a body; nobody's name is used
        if (speaksFor(p, who, voice.body())) return v;
        if (!who.transcribed || !p.has(Role.TRANSCRIBER)) {
            v.add(new Violation(voice.bodyAt(), notYours(p, who, voice.body())));
        } else if (!voice.documented()) {
            v.add(new Violation(voice.documentAt(), "is required: a transcription of what " + voice.body()
                    + " published must cite the document that carried it"));
        } else if (voice.replaces() != null && !recordedBy(p.orgId(), voice.replaces())) {
            v.add(new Violation(voice.replacesAt(), "a transcriber may correct or withdraw only what its own organisation recorded"));
        }
        return v;
    }

    private static String notYours(Principal p, Speakers who, String body) {
        String own = p.sourceId() == null ? "no body" : p.sourceId();
        String rest = who.transcribed
                ? "; recording what another body published needs the transcriber role and a cited document" : "";
        return "you may record only in the name of " + own + " and the bodies part of it, not " + body + rest;
    }

    /** The organisation that recorded the entry with this client id, when known. */
    public Optional<String> organisationThatRecorded(String entryId) {
        return recorders.organisationThatRecorded(entryId);
    }

    private boolean recordedBy(String org, String entryId) {
        // unknown: the capability's rules answer that one
        return recorders.organisationThatRecorded(entryId).map(org::equals).orElse(true);
    }

    /** Whether one of the caller's custodian grants covers cases kept by {@code body}. */
    public boolean keeps(Principal p, String body) {
        return keeper(p, body).isPresent();
    }

    /** The organisation of a custodian grant that covers {@code body}, for the audit trail; else the caller's own. */
    public String keeperOrg(Principal p, String body) {
        return keeper(p, body).orElse(p.orgId());
    }

    private Optional<String> keeper(Principal p, String body) {
        for (Grant g : p.grants()) {
            if (g.role() != Role.CUSTODIAN) continue;
            Optional<String> source = sourceOfOrganisation.apply(g.scopeOrg());
            if (source.isPresent() && bodies.within(source.get(), body)) return Optional.of(g.scopeOrg());
        }
        return Optional.empty();
    }
}
