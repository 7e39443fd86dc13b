package org.truce.bulletin;

/**
 * A bulletin as it is issued: its text ({@link Bulletin}) and its header ({@link Masthead}: issuer,
 * number, status, changes, or the draft mark). Every renderer of an issue shows both. Immutable.
 */
public record Issue(Bulletin bulletin, Masthead masthead) {
    public boolean published() {
        return masthead.published();
    }
}
