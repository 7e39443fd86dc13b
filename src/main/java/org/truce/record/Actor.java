package org.truce.record;

/**
 * Who records: the author written on the public entries (the organisation, never the account: the
 * account stays in the private audit trail), that organisation, and the catalog body it speaks for
 * (both null for the demo's transcribing author), and the account, which only private records keep
 * (null when there is none). Immutable.
 */
public record Actor(String author, String org, String source, String account) {
    /** The author the demo's entries are recorded by: a transcribing desk, no organisation's. */
    public static final String DEMO_AUTHOR = "demo-transcriber";

    /** An actor without an account of its own (the demo, imports). */
    public Actor(String author, String org, String source) {
        this(author, org, source, null);
    }

    public static Actor demo(String author) {
        return new Actor(author, null, null);
    }
}
