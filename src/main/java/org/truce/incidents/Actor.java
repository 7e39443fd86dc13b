package org.truce.incidents;

/**
 * Who records: the author written on the entries ("org/account"), its organisation and that
 * organisation's catalog source (both null for the demo's transcribing account). Immutable.
 */
public record Actor(String author, String org, String source) {
    public static Actor demo(String author) {
        return new Actor(author, null, null);
    }
}
