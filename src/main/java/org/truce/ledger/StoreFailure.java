package org.truce.ledger;

/**
 * A storage adapter could not do what the {@link LedgerStore} port asked (I/O error, constraint
 * violation, closed store). When {@link LedgerStore#append} throws it, nothing of the batch was
 * written.
 */
public class StoreFailure extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public StoreFailure(String message, Throwable cause) {
        super(message, cause);
    }

    public StoreFailure(String message) {
        super(message);
    }
}
