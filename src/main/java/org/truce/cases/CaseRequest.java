package org.truce.cases;

/**
 * A case fact as a client sent it: the fact without its seal, and the personal data in clear as
 * RFC 8785 canonical JSON bytes (or null), to be sealed before anything is written. Not a record:
 * it holds a byte array and is never compared.
 */
public final class CaseRequest {
    private final CaseFact fact;
    private final byte[] personal;

    CaseRequest(CaseFact fact, byte[] personal) {
        this.fact = fact;
        this.personal = personal;
    }

    public CaseFact fact() {
        return fact;
    }

    byte[] personal() {
        return personal;
    }

    @Override
    public String toString() {
        return "CaseRequest[" + fact.type() + " " + fact.clientId() + (personal == null ? "" : ", personal data withheld") + "]";
    }
}
