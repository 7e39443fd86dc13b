package org.truce.privacy;

import java.util.Optional;

/**
 * The port of the key store: one data key per case, kept outside the ledger. Destroying a key erases
 * the case's restricted data everywhere the ledger was copied, and a destroyed case never gets a
 * key again. Adapters are thread-safe and safe to share between processes.
 */
public interface DataKeys extends AutoCloseable {

    /**
     * The case's key, created on first use. Atomic: concurrent callers for a new case all get the
     * same key.
     *
     * @throws IllegalStateException if the case's key was destroyed
     */
    DataKey getOrCreate(String caseId);

    /** The case's key, or empty if it never had one or it was destroyed. */
    Optional<DataKey> find(String caseId);

    /**
     * Forgets the case's key so that it cannot be recovered from the store, and marks the case
     * destroyed (even if it had no key, so none can be made for it later).
     *
     * @return whether a key was there
     */
    boolean destroy(String caseId);

    /** Whether {@link #destroy} was called for the case. */
    boolean destroyed(String caseId);

    @Override
    void close();
}
