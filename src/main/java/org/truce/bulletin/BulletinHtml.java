package org.truce.bulletin;

/** Renders a bulletin as a self-contained HTML page that reads without JavaScript. Stateless. */
public final class BulletinHtml {
    private BulletinHtml() {}

    /**
     * The issue as HTML: the bulletin with its header (or the draft banner) after {@code <main>}, and
     * the changes since the earlier publication before the checkpoint footer.
     */
    public static String render(Issue issue) {
        Masthead h = issue.masthead();
        StringBuilder head = new StringBuilder("<header class=\"masthead\" data-status=\"").append(h.status().wire()).append("\">");
        if (h.draftMark() != null) head.append("<p class=\"draft-mark\"><strong>").append(esc(h.draftMark())).append("</strong></p>");
        for (String line : h.headerLines()) {
            if (!line.equals(h.draftMark())) head.append("<p>").append(esc(line)).append("</p>");
        }
        head.append("</header>\n");
        String html = render(issue.bulletin()).replaceFirst("<main>\n", "<main>\n" + java.util.regex.Matcher.quoteReplacement(head.toString()));
        if (h.changesHeading() == null) return html;
        StringBuilder changes = new StringBuilder("<section class=\"changes\"><h2>").append(esc(h.changesHeading())).append("</h2>\n");
        if (h.changes().isEmpty()) changes.append("<p>").append(esc(h.noChanges())).append("</p>\n");
        else {
            changes.append("<ul>\n");
            for (Change c : h.changes()) {
                changes.append("<li data-change=\"").append(c.kind().wire()).append("\" data-seq=\"").append(c.seq()).append("\">")
                        .append(esc(c.text())).append("</li>\n");
            }
            changes.append("</ul>\n");
        }
        changes.append("</section>\n");
        int footer = html.lastIndexOf("<footer>");
        return html.substring(0, footer) + changes + html.substring(footer);
    }

    public static String render(Bulletin b) {
        StringBuilder out = new StringBuilder();
        out.append("<!doctype html>\n<html lang=\"").append(esc(b.lang())).append("\">\n<head><meta charset=\"utf-8\">")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">")
                .append("<title>").append(esc(b.title())).append("</title></head>\n<body>\n<main>\n<h1>")
                .append(esc(b.title())).append("</h1>\n<p>").append(esc(b.intro())).append("</p>\n");
        summary(out, b.summary(), "section");
        String lastMetric = null;
        for (Bulletin.Section s : b.sections()) {
            if (!s.metric().equals(lastMetric)) {
                out.append("<h2>").append(bdi(s.metricName())).append("</h2>\n");
                lastMetric = s.metric();
            }
            if (s.placeName() != null) out.append("<h3>").append(bdi(s.placeName())).append("</h3>\n");
            if (!s.lines().isEmpty()) {
                out.append("<ul>\n");
                for (Bulletin.Line line : s.lines()) {
                    out.append("<li data-source=\"").append(esc(line.source())).append("\"><p>").append(esc(line.text())).append("</p>");
                    for (Citation c : line.printed()) out.append("<p class=\"citation\">").append(c.html()).append("</p>");
                    for (String n : line.notes()) out.append("<p class=\"note\">").append(esc(n)).append("</p>");
                    out.append("</li>\n");
                }
                out.append("</ul>\n");
            }
            if (s.noReport() != null) out.append("<p class=\"no-report\">").append(esc(s.noReport())).append("</p>\n");
        }
        for (Bulletin.Part p : b.parts()) {
            out.append("<section data-part=\"").append(esc(p.key())).append("\"><h2>").append(esc(p.heading())).append("</h2>\n<ul>\n");
            for (String line : p.lines()) out.append("<li>").append(esc(line)).append("</li>\n");
            out.append("</ul></section>\n");
        }
        out.append("<footer><p>").append(esc(b.checkpointLine())).append("</p><p>").append(esc(b.verifyLine()))
                .append("</p><pre>").append(esc(b.signedCheckpoint())).append("</pre></footer>\n</main>\n</body>\n</html>\n");
        return out.toString();
    }

    /** The key figures as a section of lists, one list per metric ({@code tag}: the element that holds them). */
    static void summary(StringBuilder out, Bulletin.Summary summary, String tag) {
        if (summary.metrics().isEmpty()) return;
        out.append("<").append(tag).append(" class=\"key-figures\"><h2>").append(esc(summary.heading())).append("</h2>\n<p class=\"note\">")
                .append(esc(summary.intro())).append("</p>\n");
        for (Bulletin.KeyFigures k : summary.metrics()) {
            out.append("<h3>").append(esc(k.heading())).append("</h3>\n<ul>\n");
            for (Bulletin.KeyFigure f : k.figures()) {
                out.append("<li data-source=\"").append(esc(f.source())).append("\"").append(f.derived() ? " data-derived=\"true\"" : "")
                        .append(">").append(esc(f.text())).append("</li>\n");
            }
            out.append("</ul>\n");
        }
        out.append("</").append(tag).append(">\n");
    }

    /**
     * A catalog name or a free text, escaped and set apart in {@code <bdi>} (HTML's UAX #9 isolate): its
     * direction, whatever it is, cannot reorder the text around it.
     */
    static String bdi(String s) {
        return "<bdi>" + esc(s) + "</bdi>";
    }

    static String esc(String s) {
        StringBuilder out = new StringBuilder(s.length());
        for (char c : s.toCharArray()) {
            switch (c) {
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }
}
