package org.truce.bulletin;

import java.time.LocalDate;

/**
 * What a bulletin line cites for one report it rests on: the words ({@code quote}, the body's own,
 * verbatim; or {@code paraphrase}, a summary never printed in quotation marks) in their language, and
 * the document that carried them (title, publisher, date, web address, each null where not known), or
 * none when the body reported to the record itself ({@code direct}). {@code text} is the citation in
 * the reader's language; {@code html} the same with the words marked with their language and the web
 * address linked. Immutable.
 */
public record Citation(String kind, String words, String wordsLang, String title, String publisher,
                       LocalDate docDate, String url, String text, String html) {

    /** True when the line names the document that carried the figure (false: reported to the record directly). */
    public boolean hasDocument() {
        return publisher != null;
    }
}
