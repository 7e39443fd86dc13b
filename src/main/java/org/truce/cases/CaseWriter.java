package org.truce.cases;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import org.truce.ledger.EntryCodec;
import org.truce.privacy.Sealed;

/**
 * Writes case facts as ledger payloads, the form {@link CaseReader#fromLedger} reads: only the shape
 * of issue 16, with the terms sealed ({@link CaseFact} says what stays in clear). Stateless.
 */
public final class CaseWriter {
    private static final JsonNodeFactory F = JsonNodeFactory.instance;

    private CaseWriter() {}

    public static ObjectNode write(CaseFact fact) {
        ObjectNode n = F.objectNode();
        n.put("id", fact.clientId());
        if (fact instanceof CaseFact.Opened o) {
            // the public ledger gets what the counts need, the terms only sealed (CaseFact, issue 16)
            if (o.sealedTerms() == null || !o.terms().isEmpty()) {
                throw new IllegalArgumentException("case " + o.id() + ": the terms are written sealed, never in clear");
            }
            n.put("kind", o.kind().wire()).put("source", o.source()).put("place", o.place())
                    .put("date", o.date().toString()).put("status", o.status());
            sealed(n, "terms", o.sealedTerms());
            sealed(n, "personal", o.personal());
        } else if (fact instanceof CaseFact.StatusChanged s) {
            n.put("case", s.caseId()).put("kind", s.kind().wire()).put("place", s.place()).put("source", s.source())
                    .put("status", s.status()).put("date", s.date().toString());
            sealed(n, "personal", s.personal());
        } else {
            CaseFact.Erased e = (CaseFact.Erased) fact;
            n.put("case", e.caseId()).put("basis", e.basis());
        }
        return n;
    }

    /** The terms as they are sealed: RFC 8785 JSON, an array of {party, term}. */
    static byte[] terms(List<PartyTerm> terms) {
        ArrayNode out = F.arrayNode();
        for (PartyTerm t : terms) out.addObject().put("party", t.party()).put("term", t.term());
        return EntryCodec.canonical(out);
    }

    private static void sealed(ObjectNode n, String field, Sealed s) {
        if (s == null) return;
        n.putObject(field).put("nonce", s.nonce()).put("ciphertext", s.ciphertext()).put("mac", s.mac());
    }
}
