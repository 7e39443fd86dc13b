package org.truce.bulletin;

/** Renders a bulletin as plain UTF-8 text. Stateless. */
public final class BulletinText {
    private BulletinText() {}

    /**
     * The issue as text: a draft's first line is the draft mark; a publication opens with its header
     * (issuer, number, date covered, issue day, status) and, when it republishes a date, what changed.
     */
    public static String render(Issue issue) {
        Masthead h = issue.masthead();
        StringBuilder out = new StringBuilder();
        for (String line : h.headerLines()) out.append(line).append("\n");
        if (h.changesHeading() != null) {
            out.append("\n").append(h.changesHeading()).append("\n");
            if (h.changes().isEmpty()) out.append("\n").append(h.noChanges()).append("\n");
            for (String c : h.changeLines()) out.append("\n- ").append(c).append("\n");
        }
        out.append("\n").append(render(issue.bulletin()));
        if (h.draftMark() != null) out.append("\n\n").append(h.draftMark());
        return out.toString();
    }

    public static String render(Bulletin b) {
        StringBuilder out = new StringBuilder();
        out.append(b.title()).append("\n\n").append(b.intro()).append("\n");
        summary(out, b.summary());
        String lastMetric = null;
        for (Bulletin.Section s : b.sections()) {
            if (!s.metric().equals(lastMetric)) {
                out.append("\n## ").append(s.metricName()).append("\n");
                lastMetric = s.metric();
            }
            if (s.placeName() != null) out.append("\n### ").append(s.placeName()).append("\n");
            for (Bulletin.Line line : s.lines()) {
                out.append("\n- ").append(line.text()).append("\n");
                for (String q : line.quotes()) out.append("  ").append(q).append("\n");
                for (String n : line.notes()) out.append("  ").append(n).append("\n");
            }
            if (s.noReport() != null) out.append("\n").append(s.noReport()).append("\n");
        }
        for (Bulletin.Part p : b.parts()) {
            out.append("\n## ").append(p.heading()).append("\n");
            for (String line : p.lines()) out.append("\n- ").append(line).append("\n");
        }
        out.append("\n").append(b.checkpointLine()).append("\n").append(b.verifyLine()).append("\n\n")
                .append(b.signedCheckpoint());
        return out.toString();
    }

    /** The key figures, before the sections: each body's latest figure per metric, in its name. */
    private static void summary(StringBuilder out, Bulletin.Summary summary) {
        if (summary.metrics().isEmpty()) return;
        out.append("\n## ").append(summary.heading()).append("\n\n").append(summary.intro()).append("\n");
        for (Bulletin.KeyFigures k : summary.metrics()) {
            out.append("\n### ").append(k.heading()).append("\n");
            for (Bulletin.KeyFigure f : k.figures()) out.append("- ").append(f.text()).append("\n");
        }
    }
}
