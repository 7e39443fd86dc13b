package org.truce.mirror;

/**
 * One thing a mirror found wrong with the log it follows: what, where (a checkpoint size, a seq, a
 * bulletin's address) and the evidence in words. Immutable.
 */
public record Alarm(Kind kind, String where, String detail) {

    /** What went wrong; each names a way the log misbehaved or could not be checked. */
    public enum Kind {
        /** The checkpoint's signature, or the witnesses' cosignatures the policy asks for, do not verify. */
        BAD_SIGNATURE,
        /** A checkpoint smaller than one accepted before: entries the log once signed are gone from its tree. */
        ROLLBACK,
        /** A checkpoint not consistent with one accepted before: another history (same size, other root; or a failed proof). */
        FORK,
        /** The entries the log serves do not hash to the root it signed. */
        ROOT_MISMATCH,
        /** An entry the log served (and signed) before, that it no longer serves. */
        ENTRY_MISSING,
        /** An entry the log now serves with other bytes than those its signed checkpoint covered. */
        ENTRY_CHANGED,
        /** An entry that is not a well-formed ledger entry at its position. */
        BAD_ENTRY,
        /** An entry in a body's name without that body's valid signature, when the body has registered a key. */
        BODY_SIGNATURE,
        /** A published bulletin the log serves that the copy renders differently. */
        BULLETIN_DIFFERS,
        /** A publication the log lists but does not serve. */
        BULLETIN_MISSING
    }

    public Alarm {
        if (kind == null || where == null || detail == null) throw new IllegalArgumentException("an alarm needs a kind, a place and a detail");
    }

    /** One line for the log and the readiness answer: {@code FORK at checkpoint size 12: ...}. */
    public String line() {
        return kind + " at " + where + ": " + detail;
    }
}
