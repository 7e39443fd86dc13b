package org.truce.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSBase;
import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.documentinterchange.logicalstructure.PDStructureElement;
import org.apache.pdfbox.pdmodel.documentinterchange.logicalstructure.PDStructureNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.truce.support.TestNode;

/**
 * The printed bulletin is a tagged PDF (PDF/UA as far as openhtmltopdf goes): a structure tree with
 * headings and figures whose /Alt says what the chart and map show, marked as tagged, with its title
 * shown and its language set; it links the feedback form; and tagging keeps it deterministic.
 */
class BulletinPdfAccessibilityTest {
    static final String DATE = "2021-01-11";
    @TempDir
    static Path dir;
    static TestNode node;

    @BeforeAll
    static void start() {
        node = TestNode.withDemo(dir);
    }

    @AfterAll
    static void stop() {
        node.close();
    }

    @Test
    void the_pdf_is_tagged_titled_and_in_the_bulletins_language() throws Exception {
        for (String lang : List.of("en", "hy")) {
            byte[] pdf = pdf(lang);
            try (PDDocument doc = Loader.loadPDF(pdf)) {
                var catalog = doc.getDocumentCatalog();
                assertThat(catalog.getStructureTreeRoot()).isNotNull();
                assertThat(catalog.getMarkInfo()).isNotNull();
                assertThat(catalog.getMarkInfo().isMarked()).isTrue();
                assertThat(catalog.getLanguage()).isEqualTo(lang);
                assertThat(doc.getDocumentInformation().getTitle()).isNotBlank();
                assertThat(catalog.getViewerPreferences().displayDocTitle()).isTrue();
                List<PDStructureElement> all = new ArrayList<>();
                collect(catalog.getStructureTreeRoot(), all);
                assertThat(all).extracting(PDStructureElement::getStructureType).contains("H1", "H2", "H3", "P", "Table", "Figure");
                List<String> alts = all.stream().filter(e -> "Figure".equals(e.getStructureType())).map(PDStructureElement::getAlternateDescription).toList();
                assertThat(alts).isNotEmpty().allSatisfy(a -> assertThat(a).isNotBlank());
                if (lang.equals("en")) {
                    assertThat(alts).anyMatch(a -> a.startsWith("Chart of People returned in Nagorno-Karabakh"))
                            .anyMatch(a -> a.startsWith("Map as of 11 January 2021 with"))
                            .anyMatch(a -> a.startsWith("QR code"));
                }
            }
        }
    }

    @Test
    void tagging_keeps_the_same_bulletin_byte_identical_and_the_fonts_embedded() throws Exception {
        byte[] a = pdf("ru");
        assertThat(pdf("ru")).isEqualTo(a);
        try (PDDocument doc = Loader.loadPDF(a)) {
            List<org.apache.pdfbox.pdmodel.font.PDFont> fonts = new ArrayList<>();
            for (var page : doc.getPages()) BulletinPdfTest.collect(page.getResources(), fonts, new ArrayList<>());
            assertThat(fonts).isNotEmpty().allSatisfy(f -> assertThat(f.isEmbedded()).as(f.getName()).isTrue());
        }
    }

    @Test
    void the_pdf_links_the_feedback_form_of_its_date() throws Exception {
        String text = BulletinPdfTest.flat(new org.apache.pdfbox.text.PDFTextStripper().getText(Loader.loadPDF(pdf("en"))));
        assertThat(text).contains("Send a correction or a question").contains(node.base() + "/feedback?date=" + DATE);
    }

    @Test
    void the_charts_say_that_each_mark_is_one_report() throws Exception {
        String text = BulletinPdfTest.flat(new org.apache.pdfbox.text.PDFTextStripper().getText(Loader.loadPDF(pdf("de"))));
        assertThat(text).as("the chart note").contains("Jede Markierung ist eine Zahl einer Quelle");
    }

    private byte[] pdf(String lang) throws Exception {
        var r = BulletinPdfTestAccess.fetch(node, "/api/v1/bulletins/" + DATE + "?format=pdf&lang=" + lang); // the published bulletin
        assertThat(r.statusCode()).isEqualTo(200);
        return r.body();
    }

    private static void collect(PDStructureNode node, List<PDStructureElement> into) {
        for (Object kid : node.getKids()) {
            if (kid instanceof PDStructureElement e) {
                into.add(e);
                collect(e, into);
            }
        }
    }

    /** Fetches bytes from a node. */
    static final class BulletinPdfTestAccess {
        static java.net.http.HttpResponse<byte[]> fetch(TestNode node, String path) throws Exception {
            return org.truce.support.TestNode.HTTP.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(node.base() + path)).GET().build(),
                    java.net.http.HttpResponse.BodyHandlers.ofByteArray());
        }
    }
}
