package org.truce.bulletin;

import io.nayuki.qrcodegen.QrCode;

/**
 * A QR code (ISO/IEC 18004, via Nayuki's qrcodegen) drawn as SVG: one square per dark module, with
 * the four-module quiet zone the standard asks for. Stateless; the same text gives the same SVG.
 */
public final class QrSvg {
    static final int QUIET = 4;

    private QrSvg() {}

    /** The code of {@code text} at error correction level M, drawn {@code mm} millimetres wide. */
    public static String of(String text, int mm) {
        QrCode qr = QrCode.encodeText(text, QrCode.Ecc.MEDIUM);
        int n = qr.size + 2 * QUIET;
        StringBuilder out = new StringBuilder();
        out.append("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"").append(mm).append("mm\" height=\"").append(mm)
                .append("mm\" viewBox=\"0 0 ").append(n).append(' ').append(n).append("\" class=\"qr\">")
                .append("<rect width=\"").append(n).append("\" height=\"").append(n).append("\" fill=\"#ffffff\"/>");
        for (int y = 0; y < qr.size; y++) {
            for (int x = 0; x < qr.size; x++) {
                if (!qr.getModule(x, y)) continue;
                out.append("<rect x=\"").append(x + QUIET).append("\" y=\"").append(y + QUIET)
                        .append("\" width=\"1\" height=\"1\" fill=\"#000000\"/>");
            }
        }
        return out.append("</svg>").toString();
    }

    /** How many dark modules the code of {@code text} has: what a reader of the PDF can count. */
    public static int darkModules(String text) {
        QrCode qr = QrCode.encodeText(text, QrCode.Ecc.MEDIUM);
        int dark = 0;
        for (int y = 0; y < qr.size; y++) for (int x = 0; x < qr.size; x++) if (qr.getModule(x, y)) dark++;
        return dark;
    }
}
