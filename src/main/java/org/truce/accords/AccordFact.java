package org.truce.accords;

import java.time.LocalDate;
import java.util.List;
import org.truce.record.Document;

/**
 * The facts of the accords capability, one type per ledger entry type. Immutable records; lists are
 * copied. Ids of named things (agreements, obligations, groups, meetings, events, tasks) are neutral
 * identifiers chosen by the secretariat; the others are UUIDs.
 */
public sealed interface AccordFact {
    String AGREEMENT = "accord.agreement";
    String VERSION = "accord.version";
    String OBLIGATION = "accord.obligation";
    String EVENT = "accord.event";
    String AMENDMENT = "accord.amendment";
    String ASSESSMENT = "accord.assessment";
    String GROUP = "accord.group";
    String MEETING = "accord.meeting";
    String TASK = "accord.task";
    String REMIT_CLAIM = "accord.remit-claim";
    /** Every entry type of this capability. */
    java.util.Set<String> TYPES = java.util.Set.of(AGREEMENT, VERSION, OBLIGATION, EVENT, AMENDMENT, ASSESSMENT, GROUP, MEETING, TASK, REMIT_CLAIM);

    String type();

    /** The entry's client id (idempotency key). */
    String id();

    /** A numbered point of an agreement, summarised in the record's neutral words. */
    record Provision(int number, String summary) {}

    /** One point's text in one version. */
    record Point(int number, String text) {}

    /**
     * A deadline: a date, or a span after an event ("within one month" of the subgroups' approval),
     * resolved once the event is recorded as happened.
     */
    record Deadline(LocalDate date, String event, int months, int days) {
        boolean relative() {
            return date == null;
        }

        LocalDate after(LocalDate happened) {
            return happened.plusMonths(months).plusDays(days);
        }
    }

    record CoChair(String source, String name, String office) {}

    /**
     * A text of an obligation ({@code text} is its "what") or of a meeting (its title and place) in
     * another language than the fact's own, with whose wording it is ({@code attribution}, as a
     * version's is: "the record's summary of point 6 of the Russian text published by the Kremlin").
     */
    record Wording(String lang, String text, String place, String attribution) {}

    /** The text in {@code want}, else in {@code own} (the fact's own language), with the language it is in. */
    record InLanguage(String lang, String text, String place) {}

    private static InLanguage pick(String want, String own, String text, String place, List<Wording> texts) {
        if (want.equals(own)) return new InLanguage(own, text, place);
        for (Wording w : texts) {
            if (w.lang().equals(want)) return new InLanguage(want, w.text(), w.place() == null ? place : w.place());
        }
        return new InLanguage(own, text, place);
    }

    /**
     * What an assessment rests on: ledger entry ids of an evidence kind (see {@code AccordRules}:
     * reports, incidents with their claims and findings, nil reports, map reports, agreements and
     * their versions, meetings, events) and/or a document.
     */
    record Evidence(List<String> entries, Document document) {
        public Evidence {
            entries = List.copyOf(entries);
        }

        boolean empty() {
            return entries.isEmpty() && document == null;
        }
    }

    record AgreementDeclared(String id, String title, LocalDate date, List<String> signatories,
                             List<Provision> provisions, Document document) implements AccordFact {
        public AgreementDeclared {
            signatories = List.copyOf(signatories);
            provisions = List.copyOf(provisions);
        }

        public String type() { return AGREEMENT; }
    }

    /**
     * One language version of an agreement, attributed to whoever published it ({@code publisher}, a
     * source id, or null when only an attribution text can be given, e.g. "other English translations
     * as circulated by media").
     */
    record VersionPublished(String id, String agreement, String lang, String publisher, String attribution,
                            List<Point> points, Document document) implements AccordFact {
        public VersionPublished {
            points = List.copyOf(points);
        }

        public String type() { return VERSION; }
    }

    /** Who must do what by when; {@code what} is in {@code lang}, {@code texts} hold it in other languages. */
    record ObligationSet(String id, String agreement, int provision, List<String> who, String what, Deadline deadline,
                         List<String> places, List<String> metrics, List<String> features, List<String> groups,
                         String lang, List<Wording> texts)
            implements AccordFact {
        public ObligationSet {
            who = List.copyOf(who);
            places = List.copyOf(places);
            metrics = List.copyOf(metrics);
            features = List.copyOf(features);
            groups = List.copyOf(groups);
            texts = List.copyOf(texts);
        }

        /** The "what" in {@code lang}, else in the obligation's own language. */
        public InLanguage what(String want) {
            return pick(want, lang, what, null, texts);
        }

        public String type() { return OBLIGATION; }
    }

    /**
     * An event happened on {@code date}, as reported by {@code source}: one a relative deadline counts
     * from (the subgroups' approval), or one that meets obligations ({@code fulfils}: a handover).
     * {@code source} is null only in entries recorded before events named their source.
     */
    record EventHappened(String id, String title, LocalDate date, List<String> fulfils, String source, Document document)
            implements AccordFact {
        public EventHappened {
            fulfils = List.copyOf(fulfils);
        }

        public String type() { return EVENT; }
    }

    /**
     * The obligation's deadline moved to {@code date} by what was agreed on {@code agreedOn}; both dates
     * stay. It applies to answers as of {@code agreedOn} or later. {@code source} is the body that made
     * (or announced) the amendment, {@code agreement} the agreement that made it, if one did;
     * {@code source} is null only in entries recorded before amendments named their source.
     */
    record DeadlineAmended(String id, String obligation, LocalDate date, LocalDate agreedOn, String basis,
                           String source, String agreement, Document document) implements AccordFact {
        public String type() { return AMENDMENT; }
    }

    /**
     * An assessing organisation's status of an obligation on the Peace Accords Matrix scale (Joshi,
     * Quinn and Regan: 0 not started, 1 minimal, 2 intermediate, 3 full), as of {@code date}, with its
     * evidence. {@code illustrative} marks demo assessments that no real body made.
     */
    record StatusAssessed(String id, String obligation, String assessor, int status, LocalDate date, Evidence evidence,
                          String note, boolean illustrative) implements AccordFact {
        public String type() { return ASSESSMENT; }
    }

    /** A working group (or, with {@code parent}, one of its subgroups). */
    record GroupFormed(String id, String name, String parent, String agreement, LocalDate date, List<CoChair> coChairs,
                       List<String> members, Document document) implements AccordFact {
        public GroupFormed {
            coChairs = List.copyOf(coChairs);
            members = List.copyOf(members);
        }

        public String type() { return GROUP; }
    }

    /**
     * A meeting or talks, inside a group ({@code group}) or outside any; as reported by {@code source}.
     * {@code fulfils} names the obligations it meets. Title and place are in {@code lang}; {@code texts}
     * hold them in other languages.
     */
    record MeetingHeld(String id, String title, LocalDate date, String place, String group, String source,
                       List<String> participants, List<String> decisions, List<String> fulfils, Document document,
                       String lang, List<Wording> texts)
            implements AccordFact {
        public MeetingHeld {
            participants = List.copyOf(participants);
            decisions = List.copyOf(decisions);
            fulfils = List.copyOf(fulfils);
            texts = List.copyOf(texts);
        }

        /** Title and place in {@code lang}, else in the meeting's own language. */
        public InLanguage title(String want) {
            return pick(want, lang, title, place, texts);
        }

        public String type() { return MEETING; }
    }

    /** A group's task; a later entry with a new id and the same {@code task} updates its status. */
    record TaskSet(String id, String task, String group, String owner, String what, LocalDate deadline, String status)
            implements AccordFact {
        public String type() { return TASK; }
    }

    /** What an outlet said a body's remit is: that outlet's claim, never the agreement's text. */
    record RemitClaimed(String id, String group, String source, String claim, Document document) implements AccordFact {
        public String type() { return REMIT_CLAIM; }
    }
}
