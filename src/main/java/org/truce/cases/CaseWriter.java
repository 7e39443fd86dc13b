package org.truce.cases;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.truce.privacy.Sealed;

/** Writes case facts as ledger payloads, the form {@link CaseReader#fromLedger} reads. Stateless. */
public final class CaseWriter {
    private static final JsonNodeFactory F = JsonNodeFactory.instance;

    private CaseWriter() {}

    public static ObjectNode write(CaseFact fact) {
        ObjectNode n = F.objectNode();
        n.put("id", fact.clientId());
        if (fact instanceof CaseFact.Opened o) {
            n.put("kind", o.kind().wire()).put("source", o.source()).put("place", o.place())
                    .put("date", o.date().toString()).put("status", o.status());
            var terms = n.putArray("terms");
            for (PartyTerm t : o.terms()) terms.addObject().put("party", t.party()).put("term", t.term());
            sealed(n, o.personal());
        } else if (fact instanceof CaseFact.StatusChanged s) {
            n.put("case", s.caseId()).put("kind", s.kind().wire()).put("place", s.place()).put("source", s.source())
                    .put("status", s.status()).put("date", s.date().toString());
            sealed(n, s.personal());
        } else {
            CaseFact.Erased e = (CaseFact.Erased) fact;
            n.put("case", e.caseId()).put("basis", e.basis());
        }
        return n;
    }

    private static void sealed(ObjectNode n, Sealed s) {
        if (s == null) return;
        n.putObject("personal").put("nonce", s.nonce()).put("ciphertext", s.ciphertext()).put("mac", s.mac());
    }
}
