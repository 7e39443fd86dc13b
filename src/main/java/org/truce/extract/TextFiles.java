package org.truce.extract;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import org.apache.poi.xwpf.extractor.XWPFWordExtractor;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.jsoup.Jsoup;

/**
 * The text of an uploaded file, by its name's ending: .txt as UTF-8, .html through jsoup (the
 * visible text, paragraphs as lines), .docx through Apache POI. Stateless.
 */
public final class TextFiles {
    /** The largest file read, in bytes. */
    public static final int MAX_BYTES = 5 * 1024 * 1024;
    private static final String BLOCKS = "p, li, h1, h2, h3, h4, h5, h6, td, th, blockquote, pre, dd, dt";

    private TextFiles() {}

    /**
     * @throws IllegalArgumentException for a file too large, of another kind, or that does not read
     */
    public static String text(String name, byte[] bytes) {
        if (bytes.length > MAX_BYTES) throw new IllegalArgumentException("is larger than " + (MAX_BYTES >> 20) + " MiB");
        String n = name == null ? "" : name.toLowerCase(Locale.ROOT);
        try {
            if (n.endsWith(".txt")) return utf8(bytes);
            if (n.endsWith(".html") || n.endsWith(".htm")) {
                var doc = Jsoup.parse(new ByteArrayInputStream(bytes), null, "");
                doc.select("script, style, nav, header, footer, aside").remove();
                StringBuilder out = new StringBuilder();
                // each innermost block's text on a line of its own, so sentences never run across paragraphs
                for (var block : doc.body().select(BLOCKS)) {
                    if (block.select(BLOCKS).size() > 1) continue;
                    String line = block.text().strip();
                    if (!line.isEmpty()) out.append(line).append('\n');
                }
                return out.length() > 0 ? out.toString().strip() : doc.body().text().strip();
            }
            if (n.endsWith(".docx")) {
                try (XWPFDocument doc = new XWPFDocument(new ByteArrayInputStream(bytes)); XWPFWordExtractor words = new XWPFWordExtractor(doc)) {
                    return words.getText().strip();
                }
            }
        } catch (IOException | RuntimeException e) {
            throw new IllegalArgumentException("does not read as " + n.substring(Math.max(0, n.lastIndexOf('.'))) + ": " + e.getMessage());
        }
        throw new IllegalArgumentException("must be a .txt, .html or .docx file");
    }

    private static String utf8(byte[] bytes) throws CharacterCodingException {
        return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .decode(java.nio.ByteBuffer.wrap(bytes)).toString().replace("\uFEFF", "");
    }
}
