package org.truce.audit;

/**
 * What {@link AuditLog#verify()} found: the chain is intact, or the first record that breaks it and
 * why. A broken chain is an expected outcome of tampering, so it is a value, not an exception.
 */
public sealed interface AuditVerification {

    boolean ok();

    /**
     * Every record from the anchor on links to the one before it.
     *
     * @param from the anchor's seq: 0, or the last pruned record
     * @param records how many records were checked
     * @param lastSeq the seq of the last record ({@code from} if there is none)
     */
    record Intact(long from, long records, long lastSeq) implements AuditVerification {
        @Override
        public boolean ok() {
            return true;
        }
    }

    /** The record at {@code seq} (the first that does not link) and the reason. */
    record Broken(long seq, String reason) implements AuditVerification {
        @Override
        public boolean ok() {
            return false;
        }
    }
}
