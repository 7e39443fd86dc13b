package org.truce.cases;

import org.truce.record.Outcome;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.truce.catalog.Catalog;
import org.truce.record.Violation;
import org.truce.ledger.AppendResult;
import org.truce.ledger.Draft;
import org.truce.ledger.Ledger;
import org.truce.privacy.DataKey;
import org.truce.privacy.DataKeys;
import org.truce.privacy.PersonalDataSealer;
import org.truce.privacy.Sealed;

/**
 * Records case facts: checks them ({@link CaseRules}), seals personal data and what the parties call
 * the person under the case's data key, and appends one entry (what stays in clear: {@link CaseFact}). A retry with the same entry id and the same personal data is recognised by
 * the MAC and re-sends the sealed form already in the ledger, so the ledger answers it as the same
 * entry (random nonces would otherwise make it a conflict). Erasure appends its entry, then destroys
 * the key. Case writes are few; they run one at a time across every node ({@link Ledger#exclusively}), so a check and its append cannot interleave
 * with another's. Thread-safe.
 */
public final class CaseRecorder {
    static final int PAD_TO = 256;
    private final Ledger ledger;
    private final CaseBook cases;
    private final CaseRules rules;
    private final DataKeys keys;
    private final PersonalDataSealer sealer;
    private final Clock clock;

    public CaseRecorder(Ledger ledger, CaseBook cases, Catalog figures, DataKeys keys, PersonalDataSealer sealer, Clock clock) {
        this.ledger = ledger;
        this.cases = cases;
        this.rules = new CaseRules(cases, figures);
        this.keys = keys;
        this.sealer = sealer;
        this.clock = clock;
    }

    /** One entry's personal data in clear (RFC 8785 JSON), for custodians. */
    public record Disclosed(String entryId, String status, byte[] json) {}

    /**
     * Opens a case, adds a status, or erases a case's personal data. Status changes and erasures
     * must name a case that exists ({@link CaseBook#find}); the caller answers 404 otherwise.
     */
    public Outcome record(CaseRequest request, String author) {
        return record(request, author, author);
    }

    /**
     * @param author  the organisation named on the public entry
     * @param account the account that writes it, bound into the seal's MAC and never stored: only its
     *                own retry is recognised as a retry
     */
    public Outcome record(CaseRequest request, String author, String account) {
        return ledger.exclusively(() -> checkAndAppend(request, author, account));
    }

    private Outcome checkAndAppend(CaseRequest request, String author, String account) {
        CaseFact fact = complete(request.fact());
        List<Violation> violations = rules.check(fact, request.personal() != null, LocalDate.now(clock));
        if (!violations.isEmpty()) return new Outcome.Refused(violations);
        if (fact instanceof CaseFact.Erased) {
            // the key goes first: if recording then fails, the data is already unreadable (the goal of
            // the request) and a retry records the act; the other order could acknowledge nothing yet
            // leave the key, or record an erasure whose key survived
            keys.destroy(fact.caseId());
        }
        Sealed personal = request.personal() == null ? null
                : seal(fact.caseId(), fact.clientId(), request.personal(), author, account, cases.sealedOf(fact.clientId()));
        if (fact instanceof CaseFact.Opened o) {
            // the terms are sealed always, even none, so that the public entry has one shape (issue 16)
            Sealed terms = seal(o.id(), o.id(), CaseWriter.terms(o.terms()), author, account, cases.sealedTermsOf(o.id()));
            fact = o.sealed(terms, personal);
        } else if (personal != null) {
            fact = withSeal((CaseFact.StatusChanged) fact, personal);
        }
        AppendResult result = ledger.append(List.of(new Draft(fact.type(), author, fact.clientId(), CaseWriter.write(fact))));
        return new Outcome.Done(result);
    }

    /** Every piece of personal data of the case, opened; empty when there is none or it was erased. */
    public List<Disclosed> disclose(CaseRecord c) {
        List<Disclosed> out = new ArrayList<>();
        Optional<DataKey> key = keys.find(c.id());
        if (key.isEmpty()) return out;
        for (CaseRecord.Step step : c.steps()) {
            Optional<Sealed> s = cases.sealedOf(step.entryId());
            if (s.isPresent()) out.add(new Disclosed(step.entryId(), step.status(), unpad(sealer.open(key.get(), c.id(), s.get()))));
        }
        return out;
    }

    /**
     * What each party calls the person of the case, for analysts and custodians: opened from the
     * sealed form, or as entries recorded before issue 16 hold them in clear. None once the case's key
     * was destroyed: the terms describe the person and go with the personal data.
     */
    public List<PartyTerm> terms(CaseRecord c) {
        Optional<List<PartyTerm>> clear = cases.clearTermsOf(c.id());
        if (clear.isPresent()) return clear.get();
        Optional<Sealed> sealed = cases.sealedTermsOf(c.id());
        Optional<DataKey> key = sealed.isEmpty() ? Optional.empty() : keys.find(c.id());
        if (key.isEmpty()) return List.of();
        return CaseReader.openedTerms(unpad(sealer.open(key.get(), c.id(), sealed.get())));
    }

    /** A status change repeats its case's kind, place and source. */
    private CaseFact complete(CaseFact fact) {
        if (!(fact instanceof CaseFact.StatusChanged s)) return fact;
        CaseRecord c = cases.find(s.caseId()).orElseThrow();
        return new CaseFact.StatusChanged(s.id(), s.caseId(), c.kind(), c.place(), c.source(), s.status(), s.date(), null);
    }

    /**
     * Only the author of an entry may have its retry recognised: anyone else gets a fresh seal, so a
     * repeat of the id is a conflict whatever the data, and the answer cannot confirm a guessed name.
     * An entry sealed before padding is recognised by its unpadded MAC.
     */
    private Sealed seal(String caseId, String entryId, byte[] plain, String author, String account, Optional<Sealed> earlier) {
        byte[] who = account.getBytes(java.nio.charset.StandardCharsets.UTF_8);
        DataKey key = keys.getOrCreate(caseId);
        byte[] padded = pad(plain);
        if (earlier.isPresent() && author.equals(cases.authorOf(entryId).orElse(null))
                && (sealer.sameContent(key, padded, who, earlier.get().mac()) || sealer.sameContent(key, plain, who, earlier.get().mac()))) {
            return earlier.get();
        }
        return sealer.seal(key, caseId, padded, who);
    }

    /**
     * Pads canonical JSON with spaces to a multiple of {@value #PAD_TO} bytes, so that the length of a
     * ciphertext in the public ledger does not tell "detainee" from "prisoner of war", nor a short
     * name from a long one. JSON allows trailing whitespace, and canonical JSON never ends with a
     * space, so {@link #unpad} is exact.
     */
    static byte[] pad(byte[] json) {
        byte[] out = Arrays.copyOf(json, (json.length / PAD_TO + 1) * PAD_TO);
        Arrays.fill(out, json.length, out.length, (byte) ' ');
        return out;
    }

    static byte[] unpad(byte[] padded) {
        int end = padded.length;
        while (end > 0 && padded[end - 1] == ' ') end--;
        return end == padded.length ? padded : Arrays.copyOf(padded, end);
    }

    private static CaseFact withSeal(CaseFact.StatusChanged c, Sealed s) {
        return new CaseFact.StatusChanged(c.id(), c.caseId(), c.kind(), c.place(), c.source(), c.status(), c.date(), s);
    }
}
