package org.truce.web;

import java.io.StringWriter;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;
import org.truce.bulletin.BulletinText;
import org.truce.bulletin.Issue;
import org.truce.bulletin.Masthead;
import org.truce.bulletin.Messages;
import org.truce.bulletin.Publication;
import org.truce.ledger.EntryCodec;

/**
 * The Atom feed (RFC 4287) of published bulletins in one language: one entry per publication, in the
 * order given (newest first), each identified by a tag URI (RFC 4151) made of the ledger's origin and
 * the publication's client id, so an entry keeps its id across renderings and nodes. Written with the
 * JDK's StAX writer, which escapes every value. Stateless.
 */
final class AtomFeed {
    private static final String ATOM = "http://www.w3.org/2005/Atom";
    /** The tag URI's date (RFC 4151 §2.1): any fixed day the origin's authority held its name. */
    private static final String TAG_DATE = "2020";

    private AtomFeed() {}

    /**
     * @param texts  the page texts of {@code language} (ui bundles)
     * @param origin the ledger's origin ("host/path"), the authority and prefix of every id
     * @param base   scheme and host of the links ("https://example.org")
     */
    static String render(Language language, Messages texts, List<Issue> issues, String origin, String base) {
        List<Publication> publications = issues.stream().map(i -> i.masthead().publication()).toList();
        StringWriter out = new StringWriter();
        try {
            XMLStreamWriter x = XMLOutputFactory.newFactory().createXMLStreamWriter(out);
            x.writeStartDocument("UTF-8", "1.0");
            x.writeStartElement("feed");
            x.writeDefaultNamespace(ATOM);
            x.writeAttribute("xml:lang", language.code());
            text(x, "id", tag(origin, "feed/" + language.code()));
            text(x, "title", texts.format("feed.title", Map.of()));
            text(x, "subtitle", texts.format("feed.subtitle", Map.of()));
            Instant updated = publications.stream().map(Publication::recordedAt).max(Instant::compareTo).orElse(Instant.EPOCH);
            text(x, "updated", EntryCodec.formatInstant(updated));
            link(x, "self", base + "/feeds/" + language.code() + ".atom", "application/atom+xml");
            link(x, "alternate", base + "/bulletins?lang=" + language.code(), "text/html");
            x.writeStartElement("author");
            text(x, "name", texts.format("site.name", Map.of()));
            x.writeEndElement();
            java.util.Set<java.time.LocalDate> seen = new java.util.HashSet<>();
            // newest first: a date's first entry is its latest publication, which its plain address serves
            for (Issue issue : issues) entry(x, issue, seen.add(issue.masthead().publication().date()), language, texts, origin, base);
            x.writeEndElement();
            x.writeEndDocument();
            x.close();
        } catch (XMLStreamException e) {
            throw new IllegalStateException("the feed could not be written", e);
        }
        return out.toString();
    }

    /**
     * One publication: its issuer as author; a summary that gives the header (number, status), what
     * changed since the earlier publication of the date, and the checkpoint; the whole text as content.
     */
    private static void entry(XMLStreamWriter x, Issue issue, boolean latest, Language language, Messages texts, String origin, String base)
            throws XMLStreamException {
        Publication p = issue.masthead().publication();
        Masthead h = issue.masthead();
        String date = texts.date(p.date());
        x.writeStartElement("entry");
        text(x, "id", tag(origin, "publication/" + p.clientId()));
        text(x, "title", texts.format("feed.entry_title", Map.of("date", date)));
        text(x, "updated", EntryCodec.formatInstant(p.recordedAt()));
        text(x, "published", EntryCodec.formatInstant(p.recordedAt()));
        x.writeStartElement("author");
        text(x, "name", h.issuerName());
        x.writeEndElement();
        link(x, "alternate", base + "/bulletins/" + p.date() + "?lang=" + language.code() + (latest ? "" : "&size=" + p.size()), "text/html");
        link(x, "enclosure", base + BulletinView.pdfLink(p.date(), language.code(), latest ? null : p.size()), "application/pdf");
        StringBuilder summary = new StringBuilder(String.join("\n", h.headerLines()));
        if (h.changesHeading() != null) {
            summary.append("\n\n").append(h.changesHeading());
            if (h.changes().isEmpty()) summary.append("\n").append(h.noChanges());
            for (String c : h.changeLines()) summary.append("\n- ").append(c);
        }
        summary.append("\n\n").append(texts.format("feed.entry_summary", Map.of("date", date, "size", Long.toString(p.size()),
                "root", p.root())));
        x.writeStartElement("summary");
        x.writeAttribute("type", "text");
        x.writeCharacters(summary.toString());
        x.writeEndElement();
        x.writeStartElement("content");
        x.writeAttribute("type", "text");
        x.writeCharacters(BulletinText.render(issue));
        x.writeEndElement();
        x.writeEndElement();
    }

    /** {@code tag:host,2020:path/specific} from an origin such as {@code truce.local/ledger}. */
    static String tag(String origin, String specific) {
        int slash = origin.indexOf('/');
        String authority = slash < 0 ? origin : origin.substring(0, slash);
        String path = slash < 0 ? "" : origin.substring(slash + 1) + "/";
        return "tag:" + authority + "," + TAG_DATE + ":" + path + specific;
    }

    private static void text(XMLStreamWriter x, String name, String value) throws XMLStreamException {
        x.writeStartElement(name);
        x.writeCharacters(value);
        x.writeEndElement();
    }

    private static void link(XMLStreamWriter x, String rel, String href, String type) throws XMLStreamException {
        x.writeEmptyElement("link");
        x.writeAttribute("rel", rel);
        x.writeAttribute("href", href);
        x.writeAttribute("type", type);
    }
}
