package org.truce.cases;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.truce.record.Parsed;
import org.truce.record.Reading;
import org.truce.ledger.EntryCodec;
import org.truce.privacy.Sealed;

/**
 * Reads case facts from request bodies (terms and personal data in clear, checked for shape) and from
 * ledger entries (sealed; the terms in clear in entries recorded before issue 16). Every problem is
 * reported with its JSON pointer; error messages never repeat a value of the personal data. Stateless.
 */
public final class CaseReader {
    static final int MAX_PERSONAL_FIELDS = 20;
    static final int MAX_PERSONAL_CHARS = 500;
    private static final Set<String> OPENING = Set.of("id", "kind", "source", "place", "date", "status", "terms", "personal");
    private static final Set<String> STATUS = Set.of("id", "status", "date", "personal");
    private static final Set<String> ERASURE = Set.of("id", "basis");
    private static final Set<String> TERM = Set.of("party", "term");
    private static final Set<String> SEALED = Set.of("nonce", "ciphertext", "mac");

    private CaseReader() {}

    public static Parsed<CaseRequest> readOpening(JsonNode node) {
        Reading r = new Reading();
        if (!r.isObject(node, "")) return Parsed.of(null, r);
        r.onlyFields(node, "", OPENING);
        String id = entryId(r, node);
        CaseKind kind = kind(r, node, "");
        String source = r.id(node, "source", "", true);
        String place = r.id(node, "place", "", true);
        LocalDate date = r.date(node, "date", "", true);
        String status = r.text(node, "status", "", true);
        List<PartyTerm> terms = terms(r, node.get("terms"), "/terms");
        byte[] personal = personal(r, node.get("personal"), "/personal");
        var fact = new CaseFact.Opened(id, kind, source, place, date, status, terms, null, null);
        return Parsed.of(new CaseRequest(fact, personal), r);
    }

    /** A status change of {@code caseId}; kind, place and source are filled in from the case. */
    public static Parsed<CaseRequest> readStatus(JsonNode node, String caseId) {
        Reading r = new Reading();
        if (!r.isObject(node, "")) return Parsed.of(null, r);
        r.onlyFields(node, "", STATUS);
        String id = entryId(r, node);
        String status = r.text(node, "status", "", true);
        LocalDate date = r.date(node, "date", "", true);
        byte[] personal = personal(r, node.get("personal"), "/personal");
        var fact = new CaseFact.StatusChanged(id, caseId, null, null, null, status, date, null);
        return Parsed.of(new CaseRequest(fact, personal), r);
    }

    public static Parsed<CaseRequest> readErasure(JsonNode node, String caseId) {
        Reading r = new Reading();
        if (!r.isObject(node, "")) return Parsed.of(null, r);
        r.onlyFields(node, "", ERASURE);
        String id = entryId(r, node);
        String basis = r.text(node, "basis", "", true);
        return Parsed.of(new CaseRequest(new CaseFact.Erased(id, caseId, basis), null), r);
    }

    /** A fact as the ledger holds it; the entry was checked when it was written. */
    public static CaseFact fromLedger(String type, JsonNode p) {
        Reading r = new Reading(true);
        CaseFact fact = switch (type) {
            case CaseFact.OPENED -> {
                // before issue 16 the terms were an array in clear; since, the sealed object
                JsonNode t = p.get("terms");
                boolean clear = t == null || t.isArray();
                yield new CaseFact.Opened(p.get("id").asText(), kind(r, p, ""), p.get("source").asText(),
                        p.get("place").asText(), LocalDate.parse(p.get("date").asText()), p.get("status").asText(),
                        clear ? terms(r, t, "/terms") : List.of(), clear ? null : sealed(t), sealed(p.get("personal")));
            }
            case CaseFact.STATUS -> new CaseFact.StatusChanged(p.get("id").asText(), p.get("case").asText(), kind(r, p, ""),
                    p.get("place").asText(), p.get("source").asText(), p.get("status").asText(),
                    LocalDate.parse(p.get("date").asText()), sealed(p.get("personal")));
            case CaseFact.ERASED -> new CaseFact.Erased(p.get("id").asText(), p.get("case").asText(), p.get("basis").asText());
            default -> throw new IllegalArgumentException("not a case entry: " + type);
        };
        if (!r.ok()) throw new IllegalStateException("ledger entry does not read as a case fact: " + r.violations());
        return fact;
    }

    /** The terms as they were sealed ({@link CaseWriter#terms}), once opened. */
    static List<PartyTerm> openedTerms(byte[] json) {
        Reading r = new Reading(true);
        List<PartyTerm> terms;
        try {
            terms = terms(r, EntryCodec.mapper().readTree(json), "");
        } catch (IOException e) {
            throw new UncheckedIOException("sealed terms that authenticate but are not JSON", e);
        }
        if (!r.ok()) throw new IllegalStateException("sealed terms do not read as terms: " + r.violations());
        return terms;
    }

    /**
     * A case entry's id is public and permanent, so it must be drawn at random: a name-based UUID
     * (RFC 9562 §5.3, §5.5: versions 3 and 5) can be recomputed from whatever it was derived from.
     */
    private static String entryId(Reading r, JsonNode node) {
        String id = r.uuid(node, "id", "", true);
        if (id != null && (id.charAt(14) == '3' || id.charAt(14) == '5')) {
            r.fail("/id", "must be a random UUID (version 4 or 7), not one derived from a name (version 3 or 5)");
            return null;
        }
        return id;
    }

    private static CaseKind kind(Reading r, JsonNode node, String at) {
        String s = r.text(node, "kind", at, true);
        if (s == null) return null;
        var kind = CaseKind.parse(s);
        if (kind.isEmpty()) r.fail(at + "/kind", "must be detainee, missing or remains");
        return kind.orElse(null);
    }

    private static List<PartyTerm> terms(Reading r, JsonNode node, String at) {
        List<PartyTerm> out = new ArrayList<>();
        if (node == null || node.isNull()) return out;
        if (!node.isArray()) {
            r.fail(at, "must be an array of {party, term}");
            return out;
        }
        for (int i = 0; i < node.size(); i++) {
            String p = at + "/" + i;
            if (!r.isObject(node.get(i), p)) continue;
            r.onlyFields(node.get(i), p, TERM);
            String party = r.id(node.get(i), "party", p, true);
            String term = r.text(node.get(i), "term", p, true);
            if (party != null && term != null) out.add(new PartyTerm(party, term));
        }
        return out;
    }

    /** Flat object of short strings; the canonical bytes are what gets sealed and MACed. */
    private static byte[] personal(Reading r, JsonNode node, String at) {
        if (node == null || node.isNull()) return null;
        if (!node.isObject() || node.isEmpty()) {
            r.fail(at, "must be a non-empty object of text fields (name, birthYear, ...)");
            return null;
        }
        if (node.size() > MAX_PERSONAL_FIELDS) r.fail(at, "may hold at most " + MAX_PERSONAL_FIELDS + " fields");
        for (Map.Entry<String, JsonNode> e : node.properties()) {
            String p = at + "/" + Reading.escape(e.getKey());
            if (!e.getValue().isTextual()) r.fail(p, "must be a string");
            else if (e.getValue().asText().length() > MAX_PERSONAL_CHARS) r.fail(p, "must be at most " + MAX_PERSONAL_CHARS + " characters");
        }
        return r.ok() ? EntryCodec.canonical(node) : null;
    }

    private static Sealed sealed(JsonNode node) {
        if (node == null || node.isNull()) return null;
        for (String f : SEALED) if (!node.path(f).isTextual()) throw new IllegalStateException("sealed field " + f + " missing");
        return new Sealed(node.get("nonce").asText(), node.get("ciphertext").asText(), node.get("mac").asText());
    }
}
