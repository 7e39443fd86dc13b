package org.truce.bulletin;

import com.openhtmltopdf.outputdevice.helper.BaseRendererBuilder;
import com.openhtmltopdf.pdfboxout.PdfBoxRenderer;
import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import com.openhtmltopdf.svgsupport.BatikSVGDrawer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.Arrays;
import java.util.Calendar;
import java.util.GregorianCalendar;
import java.util.TimeZone;
import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSString;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;

/**
 * Renders a bulletin as PDF (openhtmltopdf over PDFBox) from the XHTML that {@link BulletinXhtml}
 * builds, with the Noto Sans fonts bundled under {@code /fonts} (SIL OFL 1.1, see OFL.txt) embedded
 * as subsets, so Latin, Cyrillic, Armenian and Azerbaijani text prints wherever it is opened.
 *
 * <p>The same bulletin at the same ledger size gives the same bytes: the creation and modification
 * dates are the record time of the checkpoint's last entry, and the file identifier is derived from
 * the document's text (ISO 32000-1 §14.4 allows any identifier). Stateless and thread-safe.
 */
public final class BulletinPdf {
    static final String SANS = "Noto Sans";
    static final String ARMENIAN = "Noto Sans Armenian";

    private BulletinPdf() {}

    /**
     * @param checkLink where a reader checks this bulletin ({@code <base>/check?date=..&size=..}); printed and drawn as a QR code
     * @param checkpointTime the record time of the checkpoint's last entry: the document's date
     */
    public static byte[] render(Bulletin b, Exhibits exhibits, String checkLink, Instant checkpointTime) {
        return print(b, BulletinXhtml.render(b, exhibits, checkLink, Messages.ui(b.lang())), checkpointTime);
    }

    /**
     * The printed issue: the bulletin under its situation-report header; a draft marked "DRAFT — NOT
     * PUBLISHED" (in its language) on every page. Same issue, same link, same bytes.
     */
    public static byte[] render(Issue issue, Exhibits exhibits, String checkLink, Instant checkpointTime) {
        Bulletin b = issue.bulletin();
        return print(b, BulletinXhtml.render(issue, exhibits, checkLink, Messages.ui(b.lang())), checkpointTime);
    }

    private static byte[] print(Bulletin b, String xhtml, Instant checkpointTime) {
        try (PDDocument doc = new PDDocument()) {
            PdfRendererBuilder builder = new PdfRendererBuilder();
            builder.useFastMode();
            // Tagged PDF (PDF/UA-1 as far as openhtmltopdf goes): a structure tree from the XHTML's
            // headings, paragraphs, lists and tables, /Alt on every figure from its alt attribute.
            builder.usePdfUaAccessbility(true);
            builder.usePDDocument(doc);
            builder.useSVGDrawer(new BatikSVGDrawer());
            builder.withProducer("Truce");
            font(builder, "NotoSans-Regular.ttf", SANS, 400);
            font(builder, "NotoSans-Bold.ttf", SANS, 700);
            font(builder, "NotoSansArmenian-Regular.ttf", ARMENIAN, 400);
            font(builder, "NotoSansArmenian-Bold.ttf", ARMENIAN, 700);
            builder.withHtmlContent(xhtml, null);
            try (PdfBoxRenderer renderer = builder.buildPdfRenderer()) {
                renderer.layout();
                renderer.createPDFWithoutClosing();
            }
            fix(doc, b, xhtml, checkpointTime);
            tag(doc, b);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            doc.save(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void font(PdfRendererBuilder builder, String file, String family, int weight) {
        builder.useFont(() -> open("/fonts/" + file), family, weight, BaseRendererBuilder.FontStyle.NORMAL, true);
    }

    private static InputStream open(String resource) {
        InputStream in = BulletinPdf.class.getResourceAsStream(resource);
        if (in == null) throw new IllegalStateException(resource + " is missing from the classpath");
        return in;
    }

    /** Dates and identifier from the bulletin, not from the clock: the same input gives the same file. */
    private static void fix(PDDocument doc, Bulletin b, String xhtml, Instant checkpointTime) {
        Calendar at = new GregorianCalendar(TimeZone.getTimeZone("UTC"));
        at.setTimeInMillis(checkpointTime.toEpochMilli());
        PDDocumentInformation info = doc.getDocumentInformation();
        info.setTitle(b.title());
        info.setCreator("Truce");
        info.setProducer("Truce (openhtmltopdf, PDFBox)");
        info.setCreationDate(at);
        info.setModificationDate(at);
        byte[] id = Arrays.copyOf(sha256(xhtml), 16);
        COSArray ids = new COSArray();
        ids.add(new COSString(id));
        ids.add(new COSString(id));
        doc.getDocument().getTrailer().setItem(COSName.ID, ids);
    }

    /**
     * What PDF/UA-1 asks of the document beyond its tags (ISO 14289-1 §7.1): its natural language, a
     * title the viewer shows instead of the file name, and the mark that it is tagged.
     */
    private static void tag(PDDocument doc, Bulletin b) {
        var catalog = doc.getDocumentCatalog();
        catalog.setLanguage(b.lang());
        if (catalog.getMarkInfo() == null) catalog.setMarkInfo(new org.apache.pdfbox.pdmodel.documentinterchange.logicalstructure.PDMarkInfo());
        catalog.getMarkInfo().setMarked(true);
        var prefs = catalog.getViewerPreferences();
        if (prefs == null) {
            prefs = new org.apache.pdfbox.pdmodel.interactive.viewerpreferences.PDViewerPreferences(new org.apache.pdfbox.cos.COSDictionary());
            catalog.setViewerPreferences(prefs);
        }
        prefs.setDisplayDocTitle(true);
    }

    private static byte[] sha256(String s) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
