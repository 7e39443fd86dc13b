package org.truce.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.truce.accounts.Role;
import org.truce.support.DemoNodeExtension;
import org.truce.support.TestNode;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/** The Atom feeds (RFC 4287) of published bulletins, one per language. */
@ExtendWith(DemoNodeExtension.class)
class AtomFeedTest {
    static final String ATOM = "http://www.w3.org/2005/Atom";
    TestNode node;

    @Test
    void each_language_has_a_feed_that_parses_as_atom_with_one_entry_per_publication_newest_first() throws Exception {
        for (Language l : Language.values()) {
            TestNode.Response r = node.get("/feeds/" + l.code() + ".atom");
            assertThat(r.status()).as(l.code()).isEqualTo(200);
            assertThat(r.contentType()).startsWith("application/atom+xml");
            Document d = parse(r.body());
            Element feed = d.getDocumentElement();
            assertThat(feed.getNamespaceURI()).isEqualTo(ATOM);
            assertThat(feed.getLocalName()).isEqualTo("feed");
            assertThat(feed.getAttribute("xml:lang")).isEqualTo(l.code());
            assertThat(child(feed, "id").getTextContent()).startsWith("tag:");
            assertThat(child(feed, "updated").getTextContent()).matches("\\d{4}-\\d\\d-\\d\\dT.*Z");
            NodeList entries = feed.getElementsByTagNameNS(ATOM, "entry");
            assertThat(entries.getLength()).isEqualTo(9);
            List<String> links = new ArrayList<>();
            var ids = new HashSet<String>();
            for (int i = 0; i < entries.getLength(); i++) {
                Element e = (Element) entries.item(i);
                ids.add(child(e, "id").getTextContent());
                links.add(child(e, "link").getAttribute("href"));
                assertThat(child(e, "title").getTextContent()).isNotBlank();
                assertThat(child(e, "summary").getTextContent()).contains(child(e, "id").getTextContent().replaceAll(".*-", ""));
                assertThat(child(e, "updated").getTextContent()).isNotBlank();
            }
            assertThat(ids).hasSize(9).allMatch(id -> id.startsWith("tag:truce.local,2020:ledger/publication/publish-"));
            assertThat(links.get(0)).endsWith("/bulletins/2021-01-11?lang=" + l.code());
            // the earlier publication of 11 January by its size; the others are their date's latest
            assertThat(links.get(1)).matches(".*/bulletins/2021-01-11\\?lang=" + l.code() + "&size=[0-9]+");
            assertThat(links.get(8)).endsWith("/bulletins/2020-12-01?lang=" + l.code());
        }
        Document ru = parse(node.get("/feeds/ru.atom").body());
        assertThat(child((Element) ru.getElementsByTagNameNS(ATOM, "entry").item(0), "title").getTextContent())
                .startsWith("Сводка на 11 января 2021");
    }

    @Test
    void a_publication_keeps_its_entry_id_and_a_republication_is_a_new_entry_first() throws Exception {
        Document before = parse(node.get("/feeds/en.atom").body());
        String firstId = child((Element) before.getElementsByTagNameNS(ATOM, "entry").item(0), "id").getTextContent();
        String secretariat = node.account("jmc", PublicationsApiTest.JMC, "secr", Role.SECRETARIAT);
        assertThat(node.post("/api/v1/publications", "{\"date\":\"2021-01-11\"}", secretariat).status()).isEqualTo(201);
        Document after = parse(node.get("/feeds/en.atom").body());
        NodeList entries = after.getElementsByTagNameNS(ATOM, "entry");
        assertThat(entries.getLength()).isEqualTo(10);
        assertThat(child((Element) entries.item(0), "id").getTextContent()).isNotEqualTo(firstId);
        assertThat(child((Element) entries.item(1), "id").getTextContent()).isEqualTo(firstId);
    }

    @Test
    void an_unknown_language_is_a_404_naming_lang() {
        TestNode.Response r = node.get("/feeds/xx.atom");
        assertThat(r.status()).isEqualTo(404);
        assertThat(r.json().at("/errors/0/pointer").asText()).isEqualTo("/lang");
    }

    static Document parse(String xml) throws Exception {
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setNamespaceAware(true);
        f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        return f.newDocumentBuilder().parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
    }

    static Element child(Element parent, String name) {
        NodeList l = parent.getChildNodes();
        for (int i = 0; i < l.getLength(); i++) {
            if (l.item(i) instanceof Element e && ATOM.equals(e.getNamespaceURI()) && e.getLocalName().equals(name)) return e;
        }
        throw new AssertionError("no " + name + " in " + parent.getLocalName());
    }
}
