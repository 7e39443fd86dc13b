package org.truce.web;

import java.io.StringWriter;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;
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
    static String render(Language language, Messages texts, List<Publication> publications, String origin, String base) {
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
            for (Publication p : publications) entry(x, p, language, texts, origin, base);
            x.writeEndElement();
            x.writeEndDocument();
            x.close();
        } catch (XMLStreamException e) {
            throw new IllegalStateException("the feed could not be written", e);
        }
        return out.toString();
    }

    private static void entry(XMLStreamWriter x, Publication p, Language language, Messages texts, String origin, String base)
            throws XMLStreamException {
        String date = texts.date(p.date());
        x.writeStartElement("entry");
        text(x, "id", tag(origin, "publication/" + p.clientId()));
        text(x, "title", texts.format("feed.entry_title", Map.of("date", date)));
        text(x, "updated", EntryCodec.formatInstant(p.recordedAt()));
        text(x, "published", EntryCodec.formatInstant(p.recordedAt()));
        x.writeStartElement("author");
        text(x, "name", p.author());
        x.writeEndElement();
        link(x, "alternate", base + "/bulletins/" + p.date() + "?lang=" + language.code(), "text/html");
        x.writeStartElement("summary");
        x.writeAttribute("type", "text");
        x.writeCharacters(texts.format("feed.entry_summary", Map.of("date", date, "size", Long.toString(p.size()),
                "root", p.root())));
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
