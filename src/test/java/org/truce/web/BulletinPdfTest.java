package org.truce.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.contentstream.operator.Operator;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdfparser.PDFStreamParser;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDResources;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.graphics.PDXObject;
import org.apache.pdfbox.pdmodel.graphics.form.PDFormXObject;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.truce.bulletin.Messages;
import org.truce.bulletin.QrSvg;
import org.truce.support.TestNode;

/**
 * The printed bulletin over real HTTP against the demo: it parses, says every line the bulletin
 * says (English, Russian), prints Armenian, embeds its fonts, carries its check link and QR code,
 * and the same bulletin gives the same bytes. The pages are kept as PNG under target/pdf.
 */
class BulletinPdfTest {
    static final String DATE = "2021-01-11";
    @TempDir
    static Path dir;
    static TestNode node;
    static long size;

    @BeforeAll
    static void start() {
        // the bulletins read here are computed at sizes no publication names: drafts, opened to anonymous readers
        node = new TestNode(dir, null, true, java.util.Map.of("TRUCE_PUBLIC_DRAFTS", "true"));
        size = node.get("/api/v1/ledger/head").json().get("size").asLong();
    }

    @AfterAll
    static void stop() {
        node.close();
    }

    @Test
    void the_english_and_russian_pdfs_hold_the_title_and_every_line_of_the_bulletin() throws Exception {
        for (String lang : List.of("en", "ru")) {
            String text = text(pdf(lang, true));
            JsonNode json = node.get("/api/v1/bulletins/" + DATE + "?lang=" + lang + "&size=" + size).json();
            assertThat(text).contains(flat(json.get("title").asText()));
            List<String> lines = new ArrayList<>();
            for (JsonNode s : json.get("sections")) for (JsonNode l : s.get("lines")) lines.add(l.get("text").asText());
            for (JsonNode p : json.get("parts")) for (JsonNode l : p.get("lines")) lines.add(l.asText());
            for (JsonNode k : json.at("/keyFigures/metrics")) for (JsonNode f : k.get("figures")) lines.add(f.get("text").asText());
            assertThat(text).as("the key figures open the PDF").contains(flat(json.at("/keyFigures/heading").asText()));
            assertThat(lines).hasSizeGreaterThan(5);
            for (String line : lines) assertThat(text).as(lang).contains(flat(line));
        }
        assertThat(text(pdf("ru", false))).contains("Сводка по состоянию на 11 января 2021");
    }

    @Test
    void armenian_text_prints_and_extracts() throws Exception {
        String lang = Messages.of("hy").isPresent() ? "hy" : "en";
        String text = text(pdf(lang, false));
        // the demo's Armenian names of the places on the map (seed and geography), in the map key
        assertThat(text).contains("Ստեփանակերտ").contains("Դադիվանք");
        // and Azerbaijani letters beyond Latin-1 (ə, ğ, ı, ş) in the same key
        assertThat(text).contains("Xankəndi").contains("Dağlıq Qarabağ").contains("Şuşa");
    }

    @Test
    void every_font_is_embedded_and_armenian_has_its_own() throws Exception {
        List<PDFont> fonts = new ArrayList<>();
        try (PDDocument doc = Loader.loadPDF(pdf("en", false))) {
            for (PDPage page : doc.getPages()) collect(page.getResources(), fonts, new ArrayList<>());
        }
        assertThat(fonts).isNotEmpty().allSatisfy(f -> assertThat(f.isEmbedded()).as(f.getName()).isTrue());
        assertThat(fonts).extracting(PDFont::getName).anyMatch(n -> n.endsWith("+NotoSansArmenian-Regular"))
                .anyMatch(n -> n.endsWith("+NotoSans-Regular")).anyMatch(n -> n.endsWith("+NotoSans-Bold"));
    }

    @Test
    void the_qr_code_is_drawn_and_the_check_link_printed() throws Exception {
        String link = node.base() + "/check?date=" + DATE + "&size=" + size;
        int dark = QrSvg.darkModules(link);
        List<Integer> subpaths = new ArrayList<>();
        byte[] pdf = pdf("en", false);
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            // the QR code is on the checkpoint's page; the feedback section may follow it on the last page
            for (PDPage page : doc.getPages()) collect(page.getResources(), new ArrayList<>(), subpaths);
        }
        // one square subpath per dark module, plus the white quiet zone and the drawing's clip
        assertThat(subpaths).as("dark modules " + dark).contains(dark + 2);
        assertThat(text(pdf)).contains(link);
    }

    @Test
    void the_same_bulletin_gives_the_same_bytes_dated_at_its_checkpoint() throws Exception {
        byte[] a = pdf("en", false);
        byte[] b = pdf("en", false);
        assertThat(b).isEqualTo(a);
        try (PDDocument doc = Loader.loadPDF(a)) {
            java.time.Instant recorded = node.truce.ledger().recordedAt(size - 1);
            assertThat(doc.getDocumentInformation().getCreationDate().toInstant())
                    .isEqualTo(recorded.truncatedTo(java.time.temporal.ChronoUnit.SECONDS));
        }
    }

    @Test
    void the_reader_address_gives_the_same_pdf_and_bad_input_is_named() throws Exception {
        HttpResponse<byte[]> r = fetch("/bulletins/" + DATE + ".pdf?lang=en&size=" + size);
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.headers().firstValue("Content-Type")).hasValue("application/pdf");
        assertThat(r.body()).isEqualTo(pdf("en", false));
        HttpResponse<byte[]> earlier = fetch("/bulletins/" + DATE + ".pdf?lang=en&size=" + (size - 1));
        assertThat(text(earlier.body())).contains("Ledger size (entries) " + (size - 1))
                .contains("/check?date=" + DATE + "&size=" + (size - 1));
        HttpResponse<byte[]> viaAtSize = fetch("/api/v1/bulletins/" + DATE + "?format=pdf&atSize=" + (size - 1));
        assertThat(viaAtSize.body()).isEqualTo(earlier.body());
        var bad = node.get("/api/v1/bulletins/" + DATE + "?format=docx");
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.body()).contains("format");
        assertThat(node.get("/bulletins/2021-13-01.pdf").status()).isEqualTo(400);
        assertThat(node.get("/bulletins/" + DATE + ".pdf?size=" + (size + 1)).body()).contains("size");
    }

    static HttpResponse<byte[]> fetch(String path) throws IOException, InterruptedException {
        return org.truce.support.TestNode.HTTP.send(HttpRequest.newBuilder(URI.create(node.base() + path)).GET().build(),
                HttpResponse.BodyHandlers.ofByteArray());
    }

    /** The PDF of the demo bulletin; with {@code keep}, its pages are kept as PNG to look at. */
    static byte[] pdf(String lang, boolean keep) throws Exception {
        HttpResponse<byte[]> r = fetch("/api/v1/bulletins/" + DATE + "?format=pdf&lang=" + lang + "&size=" + size);
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.headers().firstValue("Content-Type")).hasValue("application/pdf");
        if (keep) {
            Path out = Path.of("target/pdf");
            Files.createDirectories(out);
            Files.write(out.resolve("bulletin-" + DATE + "-" + lang + ".pdf"), r.body());
            try (PDDocument doc = Loader.loadPDF(r.body())) {
                PDFRenderer renderer = new PDFRenderer(doc);
                for (int i = 0; i < doc.getNumberOfPages(); i++) {
                    javax.imageio.ImageIO.write(renderer.renderImageWithDPI(i, 70), "png", out.resolve(lang + "-page-" + (i + 1) + ".png").toFile());
                }
            }
        }
        return r.body();
    }

    static String text(byte[] pdf) throws IOException {
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            return flat(new PDFTextStripper().getText(doc));
        }
    }

    /** Whitespace as one space, and a line broken after a hyphen joined again. */
    static String flat(String s) {
        return s.replaceAll("\\s+", " ").replace("- ", "-");
    }

    /** The fonts of these resources and of their forms, and each form's count of subpaths (m operators). */
    static void collect(PDResources res, List<PDFont> fonts, List<Integer> subpaths) throws IOException {
        for (COSName n : res.getFontNames()) fonts.add(res.getFont(n));
        for (COSName n : res.getXObjectNames()) {
            PDXObject x = res.getXObject(n);
            if (!(x instanceof PDFormXObject form)) continue;
            int moves = 0;
            for (Object token : new PDFStreamParser(form).parse()) if (token instanceof Operator o && o.getName().equals("m")) moves++;
            subpaths.add(moves);
            if (form.getResources() != null) collect(form.getResources(), fonts, subpaths);
        }
    }
}
