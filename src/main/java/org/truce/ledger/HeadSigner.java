package org.truce.ledger;

/**
 * What signs the tree heads a {@link Ledger} serves: a node's own {@link NodeKey}, or, for a mirror's
 * copy of another node's log, the notes that log signed (a mirror holds no key of the log, so it can
 * only repeat the log's signatures, and refuses a checkpoint it holds none for). Implementations are
 * thread-safe.
 */
public interface HeadSigner {

    /**
     * The signed note of {@code checkpoint}: its body, a blank line and the signature line.
     *
     * @throws Unsigned if this signer cannot sign that checkpoint (a mirror without the log's note of it)
     */
    String sign(Checkpoint checkpoint);

    /** The verifier key that checks the notes this signer gives. */
    String verifierKey();

    /** A checkpoint this signer holds no signature of (a mirror asked for a size the log never signed for it). */
    final class Unsigned extends IllegalStateException {
        public Unsigned(String message) {
            super(message);
        }
    }
}
