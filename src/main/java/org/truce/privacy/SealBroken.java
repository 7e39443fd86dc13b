package org.truce.privacy;

/**
 * Sealed data could not be opened: it was altered, moved to another case, or is being opened with
 * another key. Nothing of the plaintext is released.
 */
public final class SealBroken extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public SealBroken(String message, Throwable cause) {
        super(message, cause);
    }
}
