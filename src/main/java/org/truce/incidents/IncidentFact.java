package org.truce.incidents;

import java.time.LocalDate;
import java.time.OffsetTime;
import java.util.Map;
import java.util.TreeMap;
import org.truce.record.Document;

/**
 * The facts of the incidents capability, one type per ledger entry type. An allegation opens an
 * incident and carries the alleging body's own account; every other body's account is a claim of
 * its own, linked to the incident and never merged into another. Immutable records.
 */
public sealed interface IncidentFact {
    String ALLEGED = "incident.alleged";
    String CLAIM = "incident.claim";
    String STEP = "incident.step";
    String LINKED = "incident.linked";
    String NIL = "nil.reported";
    /** Every entry type of this capability. */
    java.util.Set<String> TYPES = java.util.Set.of(ALLEGED, CLAIM, STEP, LINKED, NIL);

    String type();

    /** The entry's client id (idempotency key). */
    String clientId();

    /** A point in WGS84 degrees. */
    record Location(double lon, double lat) {}

    /**
     * Killed and wounded, military and civilian, as one body states them; null where it said nothing
     * (which is not zero). Immutable.
     */
    record Casualties(Integer killedMilitary, Integer killedCivilian, Integer woundedMilitary, Integer woundedCivilian) {
        public static final Casualties NONE_STATED = new Casualties(null, null, null, null);

        /** ACLED's fatalities: the killed this body states, or null when it stated none. */
        public Integer fatalities() {
            if (killedMilitary == null && killedCivilian == null) return null;
            return (killedMilitary == null ? 0 : killedMilitary) + (killedCivilian == null ? 0 : killedCivilian);
        }
    }

    /**
     * One body's account of an incident in its own words: who did it ({@code actor1}), against whom
     * ({@code actor2}), what happened, and its casualty figures.
     */
    record Account(String actor1, String actor2, String wording, Casualties casualties) {}

    /**
     * An allegation: opens the incident {@code id}. The zone it falls in is not part of it: it is
     * resolved from the map as of {@code date}.
     *
     * @param time the local time with its UTC offset, present only with {@link TimePrecision#EXACT}
     * @param place a gazetteer place, or null when {@code location} is given
     * @param counts monitoring counts ({@link EventTypes#COUNTS}) as the alleging body gives them
     * @param illustrative demonstration data, not a record of a real event: every output says so
     */
    record Alleged(String id, String source, Document document, boolean illustrative, LocalDate date, OffsetTime time,
                   TimePrecision timePrecision, String place, Location location, GeoPrecision geoPrecision,
                   String eventType, String subEventType, Map<String, Integer> counts, Account account) implements IncidentFact {
        public Alleged {
            counts = java.util.Collections.unmodifiableMap(new TreeMap<>(counts));
        }

        public String type() { return ALLEGED; }
        public String clientId() { return id; }
    }

    /**
     * Another body's account of incident {@code incident}, in its own words, with the ACLED event type
     * and sub-event type it gives (either may be null: a claim that names no type adopts none).
     */
    record Claimed(String id, String incident, String source, Document document, String eventType, String subEventType,
                   Account account) implements IncidentFact {
        public String type() { return CLAIM; }
        public String clientId() { return id; }
    }

    /**
     * A step of the verification workflow ({@link Workflow#STEPS}) taken on {@code date} by
     * {@code source}. A finding carries its result and, optionally, the ACLED event type and sub-event
     * type the monitors give (null when they give none: the finding then adopts no party's type) and
     * the counts they confirmed.
     */
    record StepRecorded(String id, String incident, String step, String finding, LocalDate date, String source,
                        String eventType, String subEventType, Map<String, Integer> counts, String note) implements IncidentFact {
        public StepRecorded {
            counts = java.util.Collections.unmodifiableMap(new TreeMap<>(counts));
        }

        public String type() { return STEP; }
        public String clientId() { return id; }
    }

    /** A verifier's decision that allegation {@code allegation} reports the incident {@code incident}. */
    record Linked(String id, String allegation, String incident, String reason) implements IncidentFact {
        public String type() { return LINKED; }
        public String clientId() { return id; }
    }

    /**
     * "No ceasefire violations recorded" by {@code source} in zone feature {@code zone}, {@code from}
     * to {@code to} inclusive. Who put the report under that zone is part of the fact: the reporter
     * named it ({@link #NAMED_BY_REPORTER}), or Truce resolved the area the reporter named,
     * {@code reportedArea}, to it ({@link #RESOLVED_BY_TRUCE}); outputs say which. {@code duplicateOf} marks
     * a knowing repeat of a nil report already recorded ({@link IncidentRules#repeatOf}): kept, never printed.
     */
    record NilReported(String id, String source, String zone, String zoneNamedBy, String reportedArea, LocalDate from,
                       LocalDate to, String statement, Document document, boolean illustrative,
                       org.truce.record.DuplicateOf duplicateOf) implements IncidentFact {
        public static final String NAMED_BY_REPORTER = "reporter";

        /** A nil report that repeats none (the usual case). */
        public NilReported(String id, String source, String zone, String zoneNamedBy, String reportedArea, LocalDate from,
                           LocalDate to, String statement, Document document, boolean illustrative) {
            this(id, source, zone, zoneNamedBy, reportedArea, from, to, statement, document, illustrative, null);
        }
        public static final String RESOLVED_BY_TRUCE = "truce";

        public boolean resolvedByTruce() { return RESOLVED_BY_TRUCE.equals(zoneNamedBy); }

        public String type() { return NIL; }
        public String clientId() { return id; }
    }
}
