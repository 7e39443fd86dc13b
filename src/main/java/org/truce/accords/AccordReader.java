package org.truce.accords;

import org.truce.record.RecordReader;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.truce.accords.AccordFact.CoChair;
import org.truce.accords.AccordFact.Deadline;
import org.truce.accords.AccordFact.Evidence;
import org.truce.accords.AccordFact.Point;
import org.truce.accords.AccordFact.Provision;
import org.truce.accords.AccordFact.Wording;
import org.truce.record.Document;
import org.truce.record.Parsed;
import org.truce.record.Reading;

/**
 * Reads accords facts from request bodies and, trusted, from ledger payloads (the same form: what
 * {@link AccordWriter} writes). Every problem is named by its JSON pointer below {@code at}. Stateless.
 */
public final class AccordReader {
    private AccordReader() {}

    /** Reads one fact of {@code type} (an {@link AccordFact} type constant). */
    public static Parsed<AccordFact> read(String type, JsonNode node, String at) {
        Reading r = new Reading();
        if (!r.isObject(node, at)) return Parsed.of(null, r);
        AccordFact fact = read(type, node, at, r, true);
        return Parsed.of(fact, r);
    }

    /** A fact as the ledger holds it; it was checked when it was written. */
    public static AccordFact fromLedger(String type, JsonNode payload) {
        Reading r = new Reading(true);
        AccordFact fact = read(type, payload, "", r, false);
        if (!r.ok()) throw new IllegalStateException("ledger entry does not read as an accords fact: " + r.violations());
        return fact;
    }

    /** @param strict a request: the fields later versions require are required (older ledger entries lack them) */
    private static AccordFact read(String type, JsonNode n, String at, Reading r, boolean strict) {
        return switch (type) {
            case AccordFact.AGREEMENT -> {
                r.onlyFields(n, at, Set.of("id", "title", "date", "signatories", "provisions", "document"));
                yield new AccordFact.AgreementDeclared(r.id(n, "id", at, true), r.text(n, "title", at, true),
                        r.date(n, "date", at, true), ids(r, n, "signatories", at, true), provisions(r, n.get("provisions"), at + "/provisions"),
                        RecordReader.document(r, n.get("document"), at + "/document"));
            }
            case AccordFact.VERSION -> {
                r.onlyFields(n, at, Set.of("id", "agreement", "lang", "publisher", "attribution", "points", "document"));
                String lang = r.text(n, "lang", at, true);
                if (lang != null && !lang.matches("[a-z]{2,3}")) r.fail(at + "/lang", "must be a language code such as en or ru");
                yield new AccordFact.VersionPublished(r.uuid(n, "id", at, true), r.id(n, "agreement", at, true), lang,
                        r.id(n, "publisher", at, false), r.text(n, "attribution", at, true), points(r, n.get("points"), at + "/points"),
                        RecordReader.document(r, n.get("document"), at + "/document"));
            }
            case AccordFact.OBLIGATION -> {
                r.onlyFields(n, at, Set.of("id", "agreement", "provision", "who", "what", "deadline", "places", "metrics",
                        "features", "groups", "lang", "texts"));
                String lang = lang(r, n, at);
                yield new AccordFact.ObligationSet(r.id(n, "id", at, true), r.id(n, "agreement", at, true),
                        number(r, n.get("provision"), at + "/provision"), ids(r, n, "who", at, true), r.text(n, "what", at, true),
                        deadline(r, n.get("deadline"), at + "/deadline"), ids(r, n, "places", at, false),
                        ids(r, n, "metrics", at, false), ids(r, n, "features", at, false), ids(r, n, "groups", at, false),
                        lang, wordings(r, n.get("texts"), at + "/texts", "what", lang));
            }
            case AccordFact.EVENT -> {
                r.onlyFields(n, at, Set.of("id", "title", "date", "fulfils", "source", "document"));
                yield new AccordFact.EventHappened(r.id(n, "id", at, true), r.text(n, "title", at, true), r.date(n, "date", at, true),
                        ids(r, n, "fulfils", at, false), r.id(n, "source", at, strict),
                        RecordReader.document(r, n.get("document"), at + "/document"));
            }
            case AccordFact.AMENDMENT -> {
                r.onlyFields(n, at, Set.of("id", "obligation", "date", "agreedOn", "basis", "source", "agreement", "document"));
                yield new AccordFact.DeadlineAmended(r.uuid(n, "id", at, true), r.id(n, "obligation", at, true),
                        r.date(n, "date", at, true), r.date(n, "agreedOn", at, true), r.text(n, "basis", at, true),
                        r.id(n, "source", at, strict), r.id(n, "agreement", at, false),
                        RecordReader.document(r, n.get("document"), at + "/document"));
            }
            case AccordFact.ASSESSMENT -> {
                r.onlyFields(n, at, Set.of("id", "obligation", "assessor", "status", "date", "evidence", "note", "illustrative"));
                JsonNode ill = n.get("illustrative");
                Evidence evidence = evidence(r, n.get("evidence"), at + "/evidence");
                // Peace Accords Matrix: a status is a coded judgement of evidence; one without it is malformed
                if (evidence.empty()) {
                    r.fail(at + "/evidence", "is required: a status change must cite its evidence (ledger entry ids of reports, incidents or meetings, or a document)");
                }
                if (ill != null && !ill.isNull() && !ill.isBoolean()) r.fail(at + "/illustrative", "must be true or false");
                yield new AccordFact.StatusAssessed(r.uuid(n, "id", at, true), r.id(n, "obligation", at, true),
                        r.id(n, "assessor", at, true), status(r, n.get("status"), at + "/status"), r.date(n, "date", at, true),
                        evidence, r.text(n, "note", at, false),
                        ill != null && ill.asBoolean(false));
            }
            case AccordFact.GROUP -> {
                r.onlyFields(n, at, Set.of("id", "name", "parent", "agreement", "date", "coChairs", "members", "document"));
                yield new AccordFact.GroupFormed(r.id(n, "id", at, true), r.text(n, "name", at, true), r.id(n, "parent", at, false),
                        r.id(n, "agreement", at, false), r.date(n, "date", at, true), coChairs(r, n.get("coChairs"), at + "/coChairs"),
                        ids(r, n, "members", at, false), RecordReader.document(r, n.get("document"), at + "/document"));
            }
            case AccordFact.MEETING -> {
                r.onlyFields(n, at, Set.of("id", "title", "date", "place", "group", "source", "participants", "decisions",
                        "fulfils", "document", "lang", "texts"));
                String lang = lang(r, n, at);
                yield new AccordFact.MeetingHeld(r.id(n, "id", at, true), r.text(n, "title", at, true), r.date(n, "date", at, true),
                        r.text(n, "place", at, true), r.id(n, "group", at, false), r.id(n, "source", at, true),
                        ids(r, n, "participants", at, true), texts(r, n.get("decisions"), at + "/decisions"),
                        ids(r, n, "fulfils", at, false), RecordReader.document(r, n.get("document"), at + "/document"),
                        lang, wordings(r, n.get("texts"), at + "/texts", "title", lang));
            }
            case AccordFact.TASK -> {
                r.onlyFields(n, at, Set.of("id", "task", "group", "owner", "what", "deadline", "status"));
                String status = r.text(n, "status", at, true);
                if (status != null && !AccordBook.TASK_STATUSES.contains(status)) {
                    r.fail(at + "/status", "must be one of " + AccordBook.TASK_STATUSES);
                }
                yield new AccordFact.TaskSet(r.uuid(n, "id", at, true), r.id(n, "task", at, true), r.id(n, "group", at, true),
                        r.id(n, "owner", at, true), r.text(n, "what", at, true), r.date(n, "deadline", at, false), status);
            }
            case AccordFact.REMIT_CLAIM -> {
                r.onlyFields(n, at, Set.of("id", "group", "source", "claim", "document"));
                Document doc = RecordReader.document(r, n.get("document"), at + "/document");
                if (doc == null && !n.has("document")) r.fail(at + "/document", "is required: an outlet's claim is recorded with the document that made it");
                yield new AccordFact.RemitClaimed(r.uuid(n, "id", at, true), r.id(n, "group", at, true), r.id(n, "source", at, true),
                        r.text(n, "claim", at, true), doc);
            }
            default -> throw new IllegalArgumentException("not an accords entry: " + type);
        };
    }

    private static List<String> ids(Reading r, JsonNode n, String field, String at, boolean required) {
        List<String> out = new ArrayList<>();
        JsonNode a = n.get(field);
        String p = at + "/" + field;
        if (a == null || a.isNull()) {
            if (required) r.fail(p, "is required");
            return out;
        }
        if (!a.isArray()) {
            r.fail(p, "must be an array of identifiers");
            return out;
        }
        if (required && a.isEmpty()) r.fail(p, "must not be empty");
        for (int i = 0; i < a.size(); i++) {
            if (!a.get(i).isTextual() || !a.get(i).asText().matches("[a-z0-9][a-z0-9._-]{0,63}")) {
                r.fail(p + "/" + i, "must be an identifier of 1 to 64 lowercase letters, digits, '.', '_' or '-'");
            } else out.add(a.get(i).asText());
        }
        return out;
    }

    /** The language of the fact's own text: a code such as en or ru; English when not given. */
    private static String lang(Reading r, JsonNode n, String at) {
        String lang = r.text(n, "lang", at, false);
        if (lang == null) return "en";
        if (!lang.matches("[a-z]{2,3}")) r.fail(at + "/lang", "must be a language code such as en or ru");
        return lang;
    }

    /**
     * Texts in other languages: {lang, <field>, attribution} (a meeting's also {place}), one per
     * language, none in the fact's own language.
     */
    private static List<Wording> wordings(Reading r, JsonNode a, String at, String field, String own) {
        List<Wording> out = new ArrayList<>();
        if (a == null || a.isNull()) return out;
        if (!a.isArray()) {
            r.fail(at, "must be an array of {lang, " + field + ", attribution}");
            return out;
        }
        Set<String> langs = new java.util.HashSet<>();
        for (int i = 0; i < a.size(); i++) {
            String p = at + "/" + i;
            if (!r.isObject(a.get(i), p)) continue;
            boolean meeting = field.equals("title");
            r.onlyFields(a.get(i), p, meeting ? Set.of("lang", field, "place", "attribution") : Set.of("lang", field, "attribution"));
            String lang = r.text(a.get(i), "lang", p, true);
            if (lang != null && !lang.matches("[a-z]{2,3}")) r.fail(p + "/lang", "must be a language code such as en or ru");
            else if (lang != null && (lang.equals(own) || !langs.add(lang))) r.fail(p + "/lang", "repeats the language " + lang);
            out.add(new Wording(lang, r.text(a.get(i), field, p, true), meeting ? r.text(a.get(i), "place", p, false) : null,
                    r.text(a.get(i), "attribution", p, true)));
        }
        return out;
    }

    private static List<String> texts(Reading r, JsonNode a, String at) {
        List<String> out = new ArrayList<>();
        if (a == null || a.isNull()) return out;
        if (!a.isArray()) {
            r.fail(at, "must be an array of strings");
            return out;
        }
        for (int i = 0; i < a.size(); i++) {
            if (!a.get(i).isTextual() || a.get(i).asText().isBlank() || a.get(i).asText().length() > 2000) {
                r.fail(at + "/" + i, "must be a non-empty string of at most 2000 characters");
            } else out.add(a.get(i).asText());
        }
        return out;
    }

    private static int number(Reading r, JsonNode v, String at) {
        if (v == null || !v.canConvertToInt() || !v.isIntegralNumber() || v.asInt() < 1 || v.asInt() > 999) {
            r.fail(at, "must be a point number from 1 to 999");
            return 0;
        }
        return v.asInt();
    }

    private static int status(Reading r, JsonNode v, String at) {
        if (v == null || v.isNull()) {
            r.fail(at, "is required");
            return -1;
        }
        if (!v.isIntegralNumber() || v.asInt() < 0 || v.asInt() > 3) {
            r.fail(at, "must be 0 (not started), 1 (minimal), 2 (intermediate) or 3 (full), the Peace Accords Matrix scale");
            return -1;
        }
        return v.asInt();
    }

    private static List<Provision> provisions(Reading r, JsonNode a, String at) {
        List<Provision> out = new ArrayList<>();
        if (a == null || !a.isArray() || a.isEmpty()) {
            r.fail(at, "must be a non-empty array of {number, summary}");
            return out;
        }
        for (int i = 0; i < a.size(); i++) {
            String p = at + "/" + i;
            if (!r.isObject(a.get(i), p)) continue;
            r.onlyFields(a.get(i), p, Set.of("number", "summary"));
            out.add(new Provision(number(r, a.get(i).get("number"), p + "/number"), r.text(a.get(i), "summary", p, true)));
        }
        return out;
    }

    private static List<Point> points(Reading r, JsonNode a, String at) {
        List<Point> out = new ArrayList<>();
        if (a == null || !a.isArray() || a.isEmpty()) {
            r.fail(at, "must be a non-empty array of {number, text}");
            return out;
        }
        for (int i = 0; i < a.size(); i++) {
            String p = at + "/" + i;
            if (!r.isObject(a.get(i), p)) continue;
            r.onlyFields(a.get(i), p, Set.of("number", "text"));
            out.add(new Point(number(r, a.get(i).get("number"), p + "/number"), r.text(a.get(i), "text", p, true)));
        }
        return out;
    }

    private static Deadline deadline(Reading r, JsonNode d, String at) {
        if (d == null || d.isNull()) return null; // an obligation without a deadline (point 7's returns)
        if (!r.isObject(d, at)) return null;
        r.onlyFields(d, at, Set.of("date", "event", "months", "days"));
        var date = r.date(d, "date", at, false);
        String event = r.id(d, "event", at, false);
        int months = span(r, d.get("months"), at + "/months");
        int days = span(r, d.get("days"), at + "/days");
        if ((date == null) == (event == null)) r.fail(at, "must give either a date or an event (with months and/or days after it)");
        if (date != null && (months != 0 || days != 0)) r.fail(at, "a dated deadline takes no months or days");
        if (event != null && months == 0 && days == 0) r.fail(at, "a relative deadline needs months and/or days after its event");
        return new Deadline(date, event, months, days);
    }

    private static int span(Reading r, JsonNode v, String at) {
        if (v == null || v.isNull()) return 0;
        if (!v.isIntegralNumber() || v.asInt() < 0 || v.asInt() > 3660) {
            r.fail(at, "must be a whole number from 0 to 3660");
            return 0;
        }
        return v.asInt();
    }

    private static Evidence evidence(Reading r, JsonNode e, String at) {
        if (e == null || e.isNull()) return new Evidence(List.of(), null);
        if (!r.isObject(e, at)) return new Evidence(List.of(), null);
        r.onlyFields(e, at, Set.of("entries", "document"));
        List<String> entries = new ArrayList<>();
        JsonNode a = e.get("entries");
        if (a != null && !a.isNull()) {
            if (!a.isArray()) r.fail(at + "/entries", "must be an array of ledger entry ids");
            else for (int i = 0; i < a.size(); i++) {
                if (!a.get(i).isTextual() || a.get(i).asText().isBlank() || a.get(i).asText().length() > 128) {
                    r.fail(at + "/entries/" + i, "must be a ledger entry id");
                } else entries.add(a.get(i).asText());
            }
        }
        return new Evidence(entries, RecordReader.document(r, e.get("document"), at + "/document"));
    }

    private static List<CoChair> coChairs(Reading r, JsonNode a, String at) {
        List<CoChair> out = new ArrayList<>();
        if (a == null || a.isNull()) return out;
        if (!a.isArray()) {
            r.fail(at, "must be an array of {source, name, office}");
            return out;
        }
        for (int i = 0; i < a.size(); i++) {
            String p = at + "/" + i;
            if (!r.isObject(a.get(i), p)) continue;
            r.onlyFields(a.get(i), p, Set.of("source", "name", "office"));
            out.add(new CoChair(r.id(a.get(i), "source", p, true), r.text(a.get(i), "name", p, false),
                    r.text(a.get(i), "office", p, true)));
        }
        return out;
    }
}
