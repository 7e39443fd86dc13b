package org.truce.bulletin;

import com.ibm.icu.util.ULocale;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.truce.figures.AttributionKind;
import org.truce.record.Document;
import org.truce.figures.Filed;
import org.truce.figures.Report;

/**
 * Builds the citations of a bulletin line from the reports it rests on: one per distinct pair of
 * words and document, in the order of the reports. The fixed texts are the {@code cite.*} patterns of
 * the reader's language; the cited words, titles and addresses are never translated. The HTML form
 * is made from the same pattern, formatted with placeholders that are then replaced by the escaped,
 * marked-up values, so the plain and HTML forms cannot drift apart. Stateless.
 */
public final class Citations {
    private static final String WORDS = "\uE000";
    private static final String TITLE = "\uE001";
    private static final String URL = "\uE002";
    private static final String PUBLISHER = "\uE003";

    private Citations() {}

    static List<Citation> of(List<Filed> basis, Messages m) {
        List<Citation> out = new ArrayList<>();
        Set<String> seen = new LinkedHashSet<>();
        for (Filed filed : basis) {
            Report r = filed.report();
            if (r.attribution() == null) continue;
            if (!seen.add(r.attributionKind() + "\u0000" + r.attribution() + "\u0000" + r.document())) continue;
            out.add(of(r, m));
        }
        return out;
    }

    static Citation of(Report r, Messages m) {
        boolean quote = r.attributionKind() == AttributionKind.QUOTE;
        String lang = r.attributionLang();
        Map<String, Object> wordArgs = Map.of("words", WORDS, "wordsLang", lang == null ? "none" : languageName(lang, m));
        String wordsPattern = m.format(quote ? "cite.quote" : "cite.paraphrase", wordArgs);
        Document d = r.document();
        String docPattern;
        if (d == null) {
            docPattern = m.format("cite.direct", Map.of());
        } else {
            docPattern = documentPattern(d, m);
        }
        // The document first: its sentence ends with its own stop, and the words, which may end without
        // one (a quotation is never altered), close the citation. A summary in another language than the
        // reader's is left to the JSON: the line already says the figure in the reader's language, and
        // only a verbatim quote may stand in a foreign language on the page.
        String pattern = quote || readsIn(lang, m) ? docPattern + " " + wordsPattern : docPattern;
        String text = fill(pattern, r.attribution(), d);
        String html = html(pattern, r, d);
        return new Citation(quote ? "quote" : "paraphrase", r.attribution(), lang,
                d == null ? null : d.title(), d == null ? null : d.publisher(), d == null ? null : d.date(),
                d == null ? null : d.url(), text, html);
    }

    /** Whether a summary in {@code lang} (null: not stated, as in entries before the field) reads in this language. */
    private static boolean readsIn(String lang, Messages m) {
        String language = lang == null ? "en" : ULocale.forLanguageTag(lang).getLanguage();
        return language.equals(m.lang());
    }

    /**
     * The document alone, in the reader's language ("Document: “title”, publisher, date, URL."), for
     * lines other capabilities compose (a meeting, a status change) that rest on a document.
     */
    public static String documentText(Document d, Messages m) {
        return fill(documentPattern(d, m), "", d);
    }

    private static String documentPattern(Document d, Messages m) {
        Map<String, Object> args = new HashMap<>();
        args.put("title", d.title() == null ? "none" : TITLE);
        args.put("publisher", PUBLISHER);
        args.put("docDate", d.date() == null ? "none" : m.date(d.date()));
        args.put("url", d.url() == null ? "none" : URL);
        return m.format("cite.document", args);
    }

    /** The language's name in the reader's language ("Russian", "русский", "ռուսերեն"), from CLDR. */
    static String languageName(String tag, Messages m) {
        ULocale reader = new ULocale(m.lang());
        String name = ULocale.forLanguageTag(tag).getDisplayName(reader);
        return name == null || name.isBlank() ? tag : name;
    }

    private static String fill(String pattern, String words, Document d) {
        String s = pattern.replace(WORDS, words);
        if (d != null && d.title() != null) s = s.replace(TITLE, d.title());
        if (d != null && d.url() != null) s = s.replace(URL, d.url());
        if (d != null) s = s.replace(PUBLISHER, d.publisher());
        return s;
    }

    /**
     * The words, the title and the publisher each in a {@code <bdi>}: text of unknown direction set apart,
     * so that a right-to-left title cannot carry the date or address after it (UAX #9 isolates, as HTML has them).
     */
    private static String html(String pattern, Report r, Document d) {
        String lang = r.attributionLang() == null ? "" : " lang=\"" + BulletinHtml.esc(r.attributionLang()) + "\"";
        String cls = r.attributionKind() == AttributionKind.QUOTE ? "quoted" : "paraphrased";
        String s = BulletinHtml.esc(pattern)
                .replace(WORDS, "<bdi class=\"" + cls + "\"" + lang + ">" + BulletinHtml.esc(r.attribution()) + "</bdi>");
        if (d != null) s = s.replace(PUBLISHER, "<bdi>" + BulletinHtml.esc(d.publisher()) + "</bdi>");
        if (d != null && d.title() != null) {
            String title = "<cite><bdi>" + BulletinHtml.esc(d.title()) + "</bdi></cite>";
            s = s.replace(TITLE, d.url() == null ? title : "<a href=\"" + BulletinHtml.esc(d.url()) + "\">" + title + "</a>");
        }
        if (d != null && d.url() != null) {
            s = s.replace(URL, "<a href=\"" + BulletinHtml.esc(d.url()) + "\">" + BulletinHtml.esc(d.url()) + "</a>");
        }
        return s;
    }
}
