package org.truce.ingest;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.truce.figures.Qualifier;
import org.truce.figures.ReportKind;

/**
 * The words that qualify a figure ("more than", "свыше", "ավելի քան", "-dən çox", "rund") and name
 * its kind ("всего", "insgesamt"), in the five languages ({@code /ingest/words_<lang>.properties}):
 * in a column of their own, or written into the value cell around the number ("более 479,2",
 * "479-dan çox"). Words of every language are recognised whatever the sheet's language: none is
 * another language's number. Immutable; thread-safe.
 */
public final class Qualifiers {
    private static final Qualifiers DEFAULT = new Qualifiers(Words.load("words"));

    /** A value cell split: the qualifier its words say (EXACT when none) and the number's text. */
    public record Split(Qualifier qualifier, String number) {}

    private record Word(String text, Qualifier qualifier) {}

    private final List<Word> prefixes = new ArrayList<>();
    private final List<Word> suffixes = new ArrayList<>();
    private final List<Word> alone = new ArrayList<>();
    private final List<String> totals = new ArrayList<>();
    private final List<String> increments = new ArrayList<>();

    private Qualifiers(Words words) {
        for (Qualifier q : Qualifier.values()) {
            for (String lang : Words.LANGUAGES) {
                for (String w : words.of("qualifier." + q.wire(), lang)) {
                    prefixes.add(new Word(Words.normal(w), q));
                    alone.add(new Word(Words.normal(w), q));
                }
                for (String w : words.of("qualifier." + q.wire() + ".suffix", lang)) {
                    suffixes.add(new Word(Words.normal(w), q));
                    alone.add(new Word(Words.normal(w.replaceFirst("^-", "")), q));
                }
            }
        }
        for (String lang : Words.LANGUAGES) {
            words.of("kind.total", lang).forEach(w -> totals.add(Words.normal(w)));
            words.of("kind.increment", lang).forEach(w -> increments.add(Words.normal(w)));
        }
        // the longest first: "более чем" before "более"
        prefixes.sort(Comparator.comparingInt((Word w) -> w.text().length()).reversed());
        suffixes.sort(Comparator.comparingInt((Word w) -> w.text().length()).reversed());
    }

    public static Qualifiers standard() {
        return DEFAULT;
    }

    /** The qualifier words around a number in a value cell, and the number's text without them. */
    public Split split(String cell) {
        String s = cell.replace('\u00A0', ' ').replace('\u202F', ' ').trim();
        String lower = s.toLowerCase(java.util.Locale.ROOT);
        for (Word w : prefixes) {
            if (lower.startsWith(w.text()) && (w.text().length() == lower.length() || boundary(lower, w.text().length()))) {
                return new Split(w.qualifier(), s.substring(w.text().length()).trim());
            }
        }
        for (Word w : suffixes) {
            if (lower.endsWith(w.text())) return new Split(w.qualifier(), s.substring(0, s.length() - w.text().length()).trim());
        }
        return new Split(Qualifier.EXACT, s);
    }

    private static boolean boundary(String s, int at) {
        char before = s.charAt(at - 1);
        char next = s.charAt(at);
        return !Character.isLetter(before) || !Character.isLetter(next);
    }

    /**
     * A qualifier column's cell: a word of any language or the wire name ({@code more_than}); blank is exact.
     *
     * @throws BadCell naming the words it knows
     */
    public Qualifier qualifier(String cell) {
        String n = Words.normal(cell);
        if (n.isEmpty()) return Qualifier.EXACT;
        for (Qualifier q : Qualifier.values()) if (q.wire().equals(n.replace(' ', '_'))) return q;
        for (Word w : alone) if (w.text().equals(n)) return w.qualifier();
        throw new BadCell("is not a qualifier: \"" + cell.trim() + "\"; write exact, more_than or about, or the words"
                + " \"more than\", \"about\" in a language of the record");
    }

    /** A kind column's cell: total or increment, or their words in a language of the record. */
    public ReportKind kind(String cell) {
        String n = Words.normal(cell);
        for (ReportKind k : ReportKind.values()) if (k.wire().equals(n)) return k;
        if (totals.contains(n)) return ReportKind.TOTAL;
        if (increments.contains(n)) return ReportKind.INCREMENT;
        throw new BadCell("is not a kind of figure: \"" + cell.trim() + "\"; write total (the running total as of"
                + " the date) or increment (the new count since the previous report)");
    }
}
