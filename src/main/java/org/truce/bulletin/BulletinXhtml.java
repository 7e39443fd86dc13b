package org.truce.bulletin;

import static org.truce.bulletin.BulletinHtml.bdi;
import static org.truce.bulletin.BulletinHtml.esc;

import java.util.List;
import java.util.Map;

/**
 * The XHTML of the printed bulletin: the bulletin's text (as {@link BulletinHtml} gives it), the
 * charts and map of its {@link Exhibits}, and the checkpoint with its check link and QR code. Its
 * fixed texts come from the {@code ui/outputs} bundle of the bulletin's language. Stateless.
 */
final class BulletinXhtml {
    private BulletinXhtml() {}

    /**
     * The printed issue: a situation report's header (issuer, number, date covered, issue day,
     * status) above the bulletin, the changes since the earlier publication before the checkpoint;
     * a draft carries the draft mark at the top of its first page and in the running header of every page.
     */
    static String render(Issue issue, Exhibits x, String checkLink, Messages ui) {
        Masthead h = issue.masthead();
        String xhtml = render(issue.bulletin(), x, checkLink, ui);
        String css = MASTHEAD_CSS + (h.draftMark() == null ? "" : "\n@page { @top-center { content: \"" + cssString(h.draftMark())
                + "\"; font-family: 'Noto Sans', 'Noto Sans Armenian'; font-size: 11pt; font-weight: bold; color: #b00000; } }");
        xhtml = xhtml.replaceFirst("</style>", java.util.regex.Matcher.quoteReplacement(css + "</style>"));
        xhtml = xhtml.replaceFirst("<body>\n", java.util.regex.Matcher.quoteReplacement("<body>\n" + masthead(h)));
        if (h.changesHeading() == null) return xhtml;
        StringBuilder changes = new StringBuilder("<div class=\"changes\"><h2>").append(esc(h.changesHeading())).append("</h2>\n");
        if (h.changes().isEmpty()) changes.append("<p>").append(esc(h.noChanges())).append("</p>\n");
        for (String c : h.changeLines()) changes.append("<div class=\"line\"><p>").append(esc(c)).append("</p></div>\n");
        changes.append("</div>\n");
        // after the text, before the charts: where a reader of the earlier issue looks for what is new
        int at = xhtml.indexOf("<h2 class=\"exhibit\">");
        if (at < 0) at = xhtml.indexOf("<div class=\"check\">");
        return xhtml.substring(0, at) + changes + xhtml.substring(at);
    }

    private static String masthead(Masthead h) {
        StringBuilder out = new StringBuilder("<div class=\"masthead ").append(h.status().wire()).append("\">");
        if (h.draftMark() != null) {
            out.append("<p class=\"draft-mark\">").append(esc(h.draftMark())).append("</p>");
            for (String line : h.headerLines()) if (!line.equals(h.draftMark())) out.append("<p>").append(esc(line)).append("</p>");
            return out.append("</div>\n").toString();
        }
        List<String> lines = h.headerLines();
        out.append("<p class=\"issuer\">").append(esc(lines.get(0))).append("</p><p class=\"number\">").append(esc(lines.get(1)))
                .append("</p><table class=\"sitrep\"><tr>");
        for (String line : lines.subList(2, lines.size())) out.append("<td>").append(esc(line)).append("</td>");
        return out.append("</tr></table></div>\n").toString();
    }

    /** A CSS string's content: backslash and double quote escaped (CSS 2.1 §4.3.7). */
    private static String cssString(String s) {
        return s.replace("\\", "\\\\").replace("\"", "\\\"");
    }

    private static final String MASTHEAD_CSS = String.join("\n",
            ".masthead { border-bottom: 1.2pt solid #333; margin: 0 0 8pt 0; padding: 0 0 4pt 0; }",
            ".masthead .issuer { font-size: 11pt; font-weight: bold; }",
            ".masthead .number { font-size: 13pt; font-weight: bold; }",
            "table.sitrep { width: 100%; font-size: 9pt; } table.sitrep td { padding: 2pt 8pt 0 0; vertical-align: top; }",
            ".draft-mark { font-size: 15pt; font-weight: bold; color: #b00000; border: 1.5pt solid #b00000; padding: 3pt; text-align: center; }",
            ".changes { border-left: 2pt solid #888; padding-left: 6pt; }");

    static String render(Bulletin b, Exhibits x, String checkLink, Messages ui) {
        StringBuilder out = new StringBuilder();
        out.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<html xmlns=\"http://www.w3.org/1999/xhtml\" lang=\"")
                .append(esc(b.lang())).append("\"><head><meta charset=\"utf-8\"/><title>").append(esc(b.title()))
                .append("</title>")
                .append("<meta name=\"subject\" content=\"").append(esc(b.intro())).append("\"/><style>").append(CSS).append("</style></head><body>\n<h1>").append(esc(b.title()))
                .append("</h1>\n<p class=\"intro\">").append(esc(b.intro())).append("</p>\n");
        BulletinHtml.summary(out, b.summary(), "div");
        text(out, b);
        charts(out, x, ui);
        map(out, b, x, ui);
        checkpoint(out, b, checkLink, ui);
        feedback(out, b, checkLink, ui);
        return out.append("</body></html>\n").toString();
    }

    private static void text(StringBuilder out, Bulletin b) {
        String lastMetric = null;
        for (Bulletin.Section s : b.sections()) {
            if (!s.metric().equals(lastMetric)) {
                out.append("<h2>").append(bdi(s.metricName())).append("</h2>\n");
                lastMetric = s.metric();
            }
            if (s.placeName() != null) out.append("<h3>").append(bdi(s.placeName())).append("</h3>\n");
            for (Bulletin.Line line : s.lines()) {
                out.append("<div class=\"line\"><p>").append(esc(line.text())).append("</p>");
                for (Citation c : line.printed()) out.append("<p class=\"citation\">").append(c.html()).append("</p>");
                for (String n : line.notes()) out.append("<p class=\"note\">").append(esc(n)).append("</p>");
                out.append("</div>\n");
            }
            if (s.noReport() != null) out.append("<p class=\"note\">").append(esc(s.noReport())).append("</p>\n");
        }
        for (Bulletin.Part p : b.parts()) {
            out.append("<h2>").append(esc(p.heading())).append("</h2>\n");
            for (String line : p.lines()) out.append("<div class=\"line\"><p>").append(esc(line)).append("</p></div>\n");
        }
    }

    private static void charts(StringBuilder out, Exhibits x, Messages ui) {
        if (x.charts().isEmpty()) return;
        out.append("<h2 class=\"exhibit\">").append(esc(ui.format("pdf.charts.heading", Map.of()))).append("</h2>\n<p class=\"note\">")
                .append(esc(ui.format("pdf.charts.marks", Map.of())))
                .append("</p>\n");
        for (Exhibits.Chart c : x.charts()) {
            out.append("<div class=\"figure\"><h3>").append(esc(ui.format("pdf.chart.caption", Map.of("metric", c.metricName(), "place", c.placeName()))))
                    .append("</h3>").append(c.svg()).append("<p class=\"legend\">");
            for (int i = 0; i < c.legend().size(); i++) {
                Exhibits.Legend l = c.legend().get(i);
                out.append(SvgLineChart.legendMark(i, ui.format("pdf.chart.mark." + i % SvgLineChart.SHAPES, Map.of()))).append(' ')
                        .append(bdi(l.name())).append(" &#160; ");
            }
            out.append("</p></div>\n");
        }
    }

    private static void map(StringBuilder out, Bulletin b, Exhibits x, Messages ui) {
        out.append("<h2 class=\"exhibit\">").append(esc(ui.format("pdf.map.heading", Map.of("date", ui.date(b.asOf()))))).append("</h2>\n<p class=\"note\">")
                .append(esc(ui.format("pdf.map.note", Map.of()))).append("</p>\n<div class=\"figure\">").append(x.mapSvg()).append("</div>\n");
        if (x.key().isEmpty()) {
            out.append("<p>").append(esc(ui.format("pdf.map.none", Map.of()))).append("</p>\n");
            return;
        }
        out.append("<table class=\"key\"><thead><tr><th>").append(esc(ui.format("pdf.map.key.number", Map.of()))).append("</th><th>")
                .append(esc(ui.format("pdf.map.key.name", Map.of()))).append("</th><th>").append(esc(ui.format("pdf.map.key.kind", Map.of())))
                .append("</th><th>").append(esc(ui.format("pdf.map.key.other", Map.of()))).append("</th></tr></thead><tbody>\n");
        for (Exhibits.KeyRow r : x.key()) {
            out.append("<tr><td>").append(r.label()).append("</td><td>").append(bdi(r.name()));
            if (r.party() != null) out.append("<br/><span class=\"small\">").append(esc(ui.format("pdf.map.key.version", Map.of("party", r.party())))).append("</span>");
            if (r.illustrative()) out.append("<br/><span class=\"small\">").append(esc(ui.format("pdf.map.illustrative", Map.of()))).append("</span>");
            out.append("</td><td>").append(esc(ui.format("pdf.kind." + r.kind(), Map.of()))).append("<br/><span class=\"small\">")
                    .append(esc(r.cls())).append("</span></td><td class=\"small\">").append(bdi(r.otherNames())).append("</td></tr>\n");
        }
        out.append("</tbody></table>\n");
    }

    private static void checkpoint(StringBuilder out, Bulletin b, String checkLink, Messages ui) {
        out.append("<div class=\"check\"><h2>").append(esc(ui.format("pdf.checkpoint.heading", Map.of()))).append("</h2>\n<table class=\"cp\"><tr><th>")
                .append(esc(ui.format("pdf.checkpoint.size", Map.of()))).append("</th><td>").append(b.size()).append("</td></tr><tr><th>")
                .append(esc(ui.format("pdf.checkpoint.root", Map.of()))).append("</th><td class=\"hash\">").append(esc(b.root()))
                .append("</td></tr></table>\n<p>").append(esc(b.checkpointLine())).append("</p>\n<p>").append(esc(b.verifyLine()))
                .append("</p>\n<h3>").append(esc(ui.format("pdf.checkpoint.note", Map.of()))).append("</h3>\n<pre>")
                .append(esc(b.signedCheckpoint())).append("</pre>\n<h3>").append(esc(ui.format("pdf.check.heading", Map.of())))
                .append("</h3>\n<table class=\"qr\"><tr><td>").append(alt(QrSvg.of(checkLink, 34), ui.format("pdf.check.qr.alt", Map.of()))).append("</td><td><p>")
                .append(esc(ui.format("pdf.check.text", Map.of()))).append("</p><p class=\"link\">").append(esc(checkLink))
                .append("</p></td></tr></table></div>\n");
    }

    /**
     * Where a reader tells the secretariat that a line is wrong: the feedback form of this bulletin's
     * date, on the same site as the check link ({@code <base>/check?...}).
     */
    private static void feedback(StringBuilder out, Bulletin b, String checkLink, Messages ui) {
        int at = checkLink.indexOf("/check");
        String link = (at < 0 ? "" : checkLink.substring(0, at)) + "/feedback?date=" + b.asOf();
        out.append("<div class=\"feedback\"><h2>").append(esc(ui.format("pdf.feedback.heading", Map.of()))).append("</h2>\n<p>")
                .append(esc(ui.format("pdf.feedback.text", Map.of()))).append("</p>\n<p class=\"link\"><a href=\"").append(esc(link))
                .append("\" title=\"").append(esc(ui.format("pdf.feedback.heading", Map.of()))).append("\">").append(esc(link)).append("</a></p></div>\n");
    }

    /** An SVG drawing with its text alternative, which a tagged PDF gives its Figure (PDF/UA: every figure has /Alt). */
    private static String alt(String svg, String text) {
        int end = svg.indexOf('>');
        String open = svg.substring(0, end);
        if (open.endsWith("/")) open = open.substring(0, open.length() - 1);
        return open + " alt=\"" + esc(text) + "\"" + svg.substring(open.length());
    }

    private static final String CSS = String.join("\n",
            "@page { size: A4; margin: 18mm 16mm 18mm 16mm; @bottom-right { content: counter(page) ' / ' counter(pages);"
                    + " font-family: 'Noto Sans'; font-size: 8pt; color: #555; } }",
            "body { font-family: 'Noto Sans', 'Noto Sans Armenian'; font-size: 10pt; line-height: 1.35; color: #111; }",
            "h1 { font-size: 17pt; margin: 0 0 4pt 0; }",
            "h2 { font-size: 13pt; margin: 12pt 0 4pt 0; border-bottom: 0.6pt solid #888; }",
            "h3 { font-size: 10.5pt; margin: 8pt 0 2pt 0; }",
            "p { margin: 2pt 0; }",
            ".intro { color: #333; }",
            ".key-figures { border: 0.6pt solid #888; padding: 2pt 8pt 4pt 8pt; margin: 6pt 0 8pt 0; }",
            ".key-figures ul { margin: 0 0 2pt 0; padding-left: 12pt; }",
            ".line { margin: 0 0 4pt 0; page-break-inside: avoid; }",
            "blockquote, .citation { margin: 1pt 0 1pt 12pt; font-size: 9pt; color: #333; }",
            ".citation a { color: #1a4d8f; word-wrap: break-word; }",
            ".note, .small { font-size: 8.5pt; color: #444; }",
            ".exhibit { page-break-before: always; }",
            ".figure { page-break-inside: avoid; margin: 4pt 0 8pt 0; }",
            ".legend { font-size: 9pt; }",
            ".legend svg { display: inline-block; vertical-align: middle; }",
            ".swatch { display: inline-block; width: 14pt; height: 6pt; }",
            ".c0 { background-color: #0072B2; } .c1 { background-color: #D55E00; } .c2 { background-color: #009E73; }"
                    + " .c3 { background-color: #CC79A7; } .c4 { background-color: #E69F00; } .c5 { background-color: #56B4E9; }"
                    + " .c6 { background-color: #000000; }",
            "table.key { border-collapse: collapse; width: 100%; font-size: 9pt; -fs-table-paginate: paginate; }",
            "table.key th, table.key td { border-bottom: 0.4pt solid #bbb; padding: 2pt 4pt; text-align: left; vertical-align: top; }",
            ".check { page-break-inside: avoid; }",
            "table.cp th { text-align: left; padding-right: 8pt; font-weight: bold; }",
            ".hash, .link { font-size: 8.5pt; word-wrap: break-word; }",
            "pre { font-family: 'Noto Sans'; font-size: 8pt; white-space: pre-wrap; word-wrap: break-word; background: #f4f4f4; padding: 4pt; }",
            "table.qr td { vertical-align: top; padding-right: 8pt; }");
}
