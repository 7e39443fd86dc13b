package org.truce.web;

import static org.truce.web.Column.Type.BOOLEAN;
import static org.truce.web.Column.Type.DATE;
import static org.truce.web.Column.Type.INSTANT;
import static org.truce.web.Column.Type.NUMBER;
import static org.truce.web.Column.Type.TEXT;

import java.util.List;

/**
 * Every table the API exports, each with its fixed columns: what CSV and XLSX downloads hold and what
 * the data dictionary ({@code GET /api/v1/exports/everything.zip}) describes. A field of a JSON row
 * that no column names is left out of the download; {@code TableExportTest} fails on it, so a new
 * field is a new column declared here, never one that appears only for some queries. A column that
 * holds a list or an object whose keys vary holds it as text (lists joined with "; ", objects as JSON).
 * Constants only.
 */
final class Tables {
    private Tables() {}

    private static final String SEQ = "the ledger entry (0-based seq) that recorded it";
    private static final String AUTHOR = "the account that recorded it";
    private static final String SIGNATURE = "who stands behind it: signed (by the body with its own key), transcribed (by another"
            + " organisation's transcriber from the cited document, for a body that signs), unsigned (its body had no key then)"
            + " or invalid (a signature that fails the check)";

    static final ExportTable SOURCES = ExportTable.of("sources", "/items", "#org")
            .col("id", TEXT, "the source's identifier").col("roles", TEXT, "the source's roles, joined with \"; \"")
            .col("partOf", TEXT, "the body the source is part of").names("source")
            .col("reportsOn", TEXT, "the metrics the source is known to report on")
            .col("forms", TEXT, "the grammatical forms of the name per language (JSON)").build();

    static final ExportTable METRICS = ExportTable.of("metrics", "/items", "#indicator")
            .col("id", TEXT, "the metric's identifier").col("unit", TEXT, "what the metric counts in")
            .col("breakdowns", TEXT, "the breakdowns a report may give").names("metric").build();

    static final ExportTable UNITS = ExportTable.of("units", "/items", "#indicator+unit")
            .col("id", TEXT, "the unit's identifier").names("unit (an ICU plural pattern on n)").build();

    static final ExportTable ALIASES = ExportTable.of("aliases", "/items", "#meta+alias")
            .col("kind", TEXT, "what the alias names: source, metric or place").col("alias", TEXT, "the label as an intake may meet it")
            .col("id", TEXT, "the identifier of the catalog item it names").build();

    static final ExportTable MAPPINGS = ExportTable.of("mappings", "/items", "#meta+mapping")
            .col("name", TEXT, "the saved mapping's name").col("revision", NUMBER, "its revision in force")
            .col("columns", TEXT, "report field to header text or column letter (JSON)")
            .col("locale", TEXT, "the sheets' language tag, when the mapping gives one").build();

    static final ExportTable PLACES = ExportTable.of("places", "/items", "#loc")
            .col("id", TEXT, "the place's identifier").col("kind", TEXT, "region, district, town ...")
            .col("administration", TEXT, "who administers the place, as declared").col("parent", TEXT, "the place it lies in")
            .col("names", TEXT, "every name of the place with its language, joined with \"; \"")
            .col("location.lat", NUMBER, "latitude (WGS 84)").col("location.lon", NUMBER, "longitude (WGS 84)")
            .col("overlaps", TEXT, "places it overlaps").col("extent", TEXT, "the map feature that states its extent").build();

    static final ExportTable SERIES = ExportTable.of("figures-series", "/points", "#meta")
            .root("metric", TEXT, "the metric").root("source", TEXT, "the source that reported")
            .root("place", TEXT, "the place").root("knownAt", INSTANT, "the moment the answer speaks for")
            .root("atSize", NUMBER, "the ledger size the answer was read at")
            .col("date", DATE, "the day").col("value", NUMBER, "the source's figure as of the day")
            .col("qualifier", TEXT, "exact, about, more_than ...").col("partial", BOOLEAN, "a rollup missing some child places")
            .col("reported", BOOLEAN, "true when the source reported on this day")
            .col("carriedForward", BOOLEAN, "true when the value is carried from an earlier report").build();

    static final ExportTable RECONCILED = ExportTable.of("figures-reconciled", "/figures", "#meta")
            .root("knownAt", INSTANT, "the moment the answer speaks for")
            .col("metric", TEXT, "the metric").col("source", TEXT, "the source whose figure it is").col("place", TEXT, "the place")
            .col("asOf", DATE, "the date asked").col("atSize", NUMBER, "the ledger size the answer was read at")
            .col("value", NUMBER, "the source's figure").col("qualifier", TEXT, "exact, about, more_than ...")
            .col("breakdown", TEXT, "the figure's breakdown (JSON)").col("reportedAsOf", DATE, "the date of the latest report it rests on")
            .col("approximate", BOOLEAN, "the report's date is approximate").col("basedOn", TEXT, "the seqs of the reports it rests on")
            .col("attributions", TEXT, "the words of the reports it rests on (JSON)")
            .col("derived", BOOLEAN, "computed by Truce (total plus increments, or a rollup), not published as such")
            .col("parts", TEXT, "the reports it rests on (JSON)").col("sameDay", TEXT, "increments dated on the base total's day (JSON)")
            .col("flags", TEXT, "consistency flags (JSON)").col("rollup", TEXT, "the child places summed and missing (JSON)")
            .col("partial", BOOLEAN, "a rollup missing some child places").build();

    static final ExportTable REPORTS = ExportTable.of("reports", "/items", "#meta")
            .col("id", TEXT, "the report's identifier").col("metric", TEXT, "the metric")
            .col("kind", TEXT, "total (running total as of the date) or increment (new since the last report)")
            .col("value", NUMBER, "the figure as reported").col("qualifier", TEXT, "exact, about, more_than ...")
            .col("asOf", DATE, "the date the figure is as of").col("asOfPrecision", TEXT, "exact or approximate")
            .col("since", DATE, "the start of the period an increment covers").col("place", TEXT, "the place")
            .col("source", TEXT, "the body that reported it").col("attribution", TEXT, "the source's words, as quoted or summarised")
            .col("attributionKind", TEXT, "quote (verbatim) or paraphrase").col("attributionLang", TEXT, "the language of the attribution")
            .document("document", "that carried the report")
            .col("corrects", TEXT, "the report this one replaces").col("duplicateOf", TEXT, "the report this one knowingly repeats")
            .col("seq", NUMBER, SEQ).col("recordedAt", INSTANT, "when the ledger recorded it")
            .col("status", TEXT, "current, corrected or retracted, at the ledger size read")
            .col("endedBy", TEXT, "the correction or retraction that ended it")
            .col("review", TEXT, "four eyes, at the ledger size read: none (never needed), awaiting, confirmed or rejected")
            .col("spokesperson", TEXT, "the person who spoke for the body, when the document names one")
            .col("signature", TEXT, SIGNATURE).build();

    static final ExportTable BREAKDOWNS = ExportTable.of("report-breakdowns", "/items", "#meta")
            .col("report", TEXT, "the report's identifier").col("metric", TEXT, "the metric")
            .col("breakdown", TEXT, "the breakdown's name").col("value", NUMBER, "the breakdown's value as reported").build();

    static final ExportTable AGREEMENTS = ExportTable.of("agreements", "", "#meta")
            .col("id", TEXT, "the agreement's identifier").col("title", TEXT, "its title").col("date", DATE, "the date signed")
            .col("signatories", TEXT, "the bodies that signed").col("provisions", TEXT, "its points (JSON)")
            .document("document", "that carried it").col("versions", TEXT, "its language versions (JSON)")
            .col("pointsWhoseVersionsDiffer", TEXT, "points whose language versions differ").build();

    static final ExportTable OBLIGATIONS = obligations("obligations");
    static final ExportTable UPCOMING = obligations("obligations-upcoming");

    private static ExportTable obligations(String file) {
        return ExportTable.of(file, "", "#meta")
                .col("id", TEXT, "the obligation's identifier").col("agreement", TEXT, "the agreement")
                .col("provision", NUMBER, "the point of the agreement").col("what", TEXT, "what is to be done")
                .col("who", TEXT, "who must do it").col("deadline.date", DATE, "the deadline as agreed")
                .col("deadline.event", TEXT, "the event a relative deadline counts from")
                .col("deadline.months", NUMBER, "months after the event").col("deadline.days", NUMBER, "days after the event")
                .col("places", TEXT, "places concerned").col("metrics", TEXT, "metrics concerned").col("features", TEXT, "map features concerned")
                .col("groups", TEXT, "working groups concerned").col("lang", TEXT, "the language of what")
                .col("texts", TEXT, "what in other languages (JSON)")
                .col("schedule.original", DATE, "the deadline first set").col("schedule.current", DATE, "the deadline in force")
                .col("schedule.pending", BOOLEAN, "the deadline waits on an event not yet recorded")
                .col("schedule.event", TEXT, "the event of a relative deadline").col("schedule.eventDate", DATE, "the date of that event")
                .col("schedule.amendments", TEXT, "changes of the deadline (JSON)")
                .col("schedule.fulfilledBy.entry", TEXT, "the event that fulfilled it").col("schedule.fulfilledBy.title", TEXT, "its title")
                .col("schedule.fulfilledBy.date", DATE, "its date").col("schedule.fulfilledBy.source", TEXT, "who reported it")
                .col("schedule.metOnTime", BOOLEAN, "fulfilled by the deadline in force")
                .col("assessments", TEXT, "each assessor's latest status (JSON)").build();
    }

    static final ExportTable OVERDUE = ExportTable.of("obligations-overdue", "", "#meta")
            .col("obligation", TEXT, "the obligation").col("what", TEXT, "what is to be done").col("agreement", TEXT, "the agreement")
            .col("provision", NUMBER, "the point of the agreement").col("due", DATE, "the deadline in force")
            .col("assessor", TEXT, "the body that assessed it").col("status", NUMBER, "status 0-3 (Peace Accords Matrix)")
            .col("note", TEXT, "a note when no assessment is recorded")
            .col("assessment.id", TEXT, "the assessment").col("assessment.obligation", TEXT, "the obligation assessed")
            .col("assessment.assessor", TEXT, "the assessor").col("assessment.status", NUMBER, "status 0-3")
            .col("assessment.date", DATE, "the date of the assessment").col("assessment.illustrative", BOOLEAN, "illustrative demo data")
            .col("assessment.note", TEXT, "the assessor's note").col("assessment.evidence", TEXT, "the evidence cited (JSON)")
            .col("assessment.seq", NUMBER, SEQ).col("assessment.author", TEXT, AUTHOR)
            .col("assessment.notice", TEXT, "a notice on illustrative data").build();

    static final ExportTable ASSESSMENTS = ExportTable.of("assessments", "", "#meta")
            .col("id", TEXT, "the assessment").col("obligation", TEXT, "the obligation assessed").col("assessor", TEXT, "the assessor")
            .col("status", NUMBER, "status 0-3 (Peace Accords Matrix)").col("date", DATE, "the date of the assessment")
            .col("illustrative", BOOLEAN, "illustrative demo data").col("note", TEXT, "the assessor's note")
            .col("evidence.entries", TEXT, "the entries cited as evidence").col("evidence.document", TEXT, "the document cited (JSON)")
            .col("seq", NUMBER, SEQ).col("author", TEXT, AUTHOR).col("notice", TEXT, "a notice on illustrative data").build();

    static final ExportTable GROUPS = ExportTable.of("working-groups", "", "#org")
            .col("id", TEXT, "the working group").col("name", TEXT, "its name").col("date", DATE, "the date formed")
            .col("parent", TEXT, "the group it belongs to").col("agreement", TEXT, "the agreement that created it")
            .col("coChairs", TEXT, "its co-chairs (JSON)").col("members", TEXT, "its member bodies")
            .document("document", "that reported it").col("subgroups", TEXT, "its subgroups (JSON)")
            .col("meetings", TEXT, "its meetings (JSON)").col("obligations", TEXT, "its obligations (JSON)")
            .col("tasks", TEXT, "its tasks (JSON)").col("remitClaims", TEXT, "claims about its remit (JSON)").build();

    static final ExportTable MEETINGS = ExportTable.of("meetings", "", "#meta")
            .col("id", TEXT, "the meeting").col("title", TEXT, "what it was").col("date", DATE, "its date")
            .col("place", TEXT, "where it was held, as reported").col("source", TEXT, "who reported it")
            .col("group", TEXT, "the working group that met").col("participants", TEXT, "the bodies that took part")
            .col("decisions", TEXT, "its decisions (JSON)").col("fulfils", TEXT, "the obligations it fulfils")
            .document("document", "that reported it").col("lang", TEXT, "the language of title and place")
            .col("texts", TEXT, "title and place in other languages (JSON)").col("seq", NUMBER, SEQ).col("author", TEXT, AUTHOR)
            .col("met", TEXT, "per obligation met, the deadline and whether it was met (JSON)").build();

    static final ExportTable INCIDENTS = ExportTable.of("incidents", "", "#loc")
            .col("id", TEXT, "the incident").col("status", TEXT, "the verification status").col("step", TEXT, "the latest step")
            .col("illustrative", BOOLEAN, "illustrative demo data").col("notice", TEXT, "a notice on illustrative data")
            .col("date", DATE, "the date alleged").col("time", TEXT, "the time alleged, with its offset")
            .col("timePrecision", TEXT, "how precise the time is").col("place", TEXT, "the place")
            .col("location.lat", NUMBER, "latitude (WGS 84)").col("location.lon", NUMBER, "longitude (WGS 84)")
            .col("geoPrecision", TEXT, "how precise the location is").col("eventType", TEXT, "the event type (ACLED)")
            .col("subEventType", TEXT, "the sub-event type (ACLED)").col("zones", TEXT, "the zones it lies in (JSON)")
            .col("allegations", TEXT, "the allegation (JSON)").col("links", TEXT, "links to other incidents (JSON)")
            .col("claims", TEXT, "each party's account (JSON)").col("steps", TEXT, "the verification steps (JSON)").build();

    static final ExportTable NIL_REPORTS = ExportTable.of("nil-reports", "", "#loc")
            .col("seq", NUMBER, SEQ).col("recordedAt", INSTANT, "when the ledger recorded it").col("author", TEXT, AUTHOR)
            .col("id", TEXT, "the nil report").col("source", TEXT, "the body that reported nothing recorded")
            .col("zone", TEXT, "the zone it is counted under").col("zoneNamedBy", TEXT, "who named the zone (the source or truce)")
            .col("reportedArea", TEXT, "the area as the source named it").col("from", DATE, "the first day covered")
            .col("to", DATE, "the last day covered").col("statement", TEXT, "the source's statement")
            .document("document", "that carried it").col("illustrative", BOOLEAN, "illustrative demo data")
            .col("zoneName", TEXT, "the zone's name").col("zoneNote", TEXT, "why Truce placed it under the zone")
            .col("signature", TEXT, SIGNATURE).build();

    static final ExportTable PUBLICATIONS = ExportTable.of("publications", "/items", "#meta")
            .col("id", TEXT, "the publication entry").col("date", DATE, "the bulletin's date")
            .col("size", NUMBER, "the ledger size the bulletin was computed from").col("root", TEXT, "the Merkle root at that size")
            .col("seq", NUMBER, SEQ).col("recordedAt", INSTANT, "when the ledger recorded it").col("author", TEXT, AUTHOR)
            .col("issuer", TEXT, "the body that issued it").col("number", NUMBER, "the bulletin's number")
            .col("revision", NUMBER, "its revision").col("latest", BOOLEAN, "the latest revision of the date")
            .col("bulletin", TEXT, "the bulletin's address").build();

    /** Every table, in the order of the data dictionary. */
    static final List<ExportTable> ALL = List.of(SOURCES, METRICS, UNITS, ALIASES, MAPPINGS, PLACES, REPORTS, BREAKDOWNS, SERIES, RECONCILED,
            AGREEMENTS, OBLIGATIONS, OVERDUE, UPCOMING, ASSESSMENTS, GROUPS, MEETINGS, INCIDENTS, NIL_REPORTS, PUBLICATIONS);
}
