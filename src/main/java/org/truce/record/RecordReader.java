package org.truce.record;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Reads the parts every capability's input shares: the {@link Document} a statement cites and the
 * {@link DuplicateOf} of a knowing repeat. Shape only; whether a {@code duplicateOf} names a repeat in
 * the record is each capability's rules' business. Stateless.
 */
public final class RecordReader {
    private static final Pattern URL = Pattern.compile("https?://\\S+");
    private static final Set<String> DOCUMENT_FIELDS = Set.of("title", "publisher", "date", "url");

    private RecordReader() {}

    /** The optional {@code duplicateOf}: {@code {"id": <client id of the entry repeated>, "reason": <text>}}. */
    public static DuplicateOf duplicateOf(Reading r, JsonNode node, String at) {
        if (node == null || node.isNull()) return null;
        if (!r.isObject(node, at)) return null;
        r.onlyFields(node, at, Set.of("id", "reason"));
        String id = r.text(node, "id", at, true);
        String reason = r.text(node, "reason", at, true);
        return id == null || reason == null ? null : new DuplicateOf(id, reason);
    }

    public static Document document(Reading r, JsonNode node, String at) {
        // Optional: a body reporting its own figure to the record is the primary source; who may
        // record without a document is the access rules' business (a transcription must cite one).
        if (node == null || node.isNull()) return null;
        if (!r.isObject(node, at)) return null;
        r.onlyFields(node, at, DOCUMENT_FIELDS);
        String title = r.text(node, "title", at, false);
        String publisher = r.text(node, "publisher", at, true);
        var date = r.date(node, "date", at, false);
        String url = r.text(node, "url", at, false);
        if (url != null && !URL.matcher(url).matches()) r.fail(at + "/url", "must be an http or https URL");
        return new Document(title, publisher, date, url);
    }
}
