package org.truce.record;

/**
 * In whose name one input speaks, as its capability reads it: the body, the JSON pointer of the field
 * naming it, whether it cites the document that carried the words (and where that field is), and the
 * entry it replaces (a correction or retraction), if any. The write path decides from this alone
 * whether the caller may say it ({@code org.truce.accounts.Attribution}). Immutable.
 *
 * @param body       the body's catalog id; null when the input names none (its rules then refuse it)
 * @param replaces   the client id of the entry this one corrects or withdraws, or null
 */
public record Voice(String body, String bodyAt, boolean documented, String documentAt, String replaces, String replacesAt) {

    /** A voice that cites {@code document} (null: none) at {@code documentAt}. */
    public static Voice of(String body, String bodyAt, Document document, String documentAt) {
        return new Voice(body, bodyAt, document != null, documentAt, null, null);
    }

    /** The same voice, replacing entry {@code id} named at {@code at}. */
    public Voice replacing(String id, String at) {
        return new Voice(body, bodyAt, documented, documentAt, id, at);
    }
}
