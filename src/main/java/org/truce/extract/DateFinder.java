package org.truce.extract;

import com.ibm.icu.text.DateFormatSymbols;
import com.ibm.icu.util.ULocale;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The dates a sentence says, resolved against its document's date: "January 11", "11 января",
 * "11.01.2021", "yesterday", "on Sunday", "за сутки". Month and weekday names come from ICU for
 * the language (every form it has: format and stand-alone, wide and abbreviated); the relative words
 * from the language's rules. A month with a year but no day ("February 2020") is found, so that its
 * numbers are not taken for figures, but it dates nothing. A year is 19xx or 20xx, so "As of
 * January 11, 1211 bodies" is a date and a figure. Immutable; thread-safe.
 */
final class DateFinder {
    /**
     * A date said in a sentence: where, the words, the day it names (null: no single day), and
     * whether it opens a period ("since 14 November", "с 14 ноября") rather than dating a figure.
     */
    record Found(int start, int end, String words, LocalDate date, boolean since) {}

    private final Map<String, Integer> months = new HashMap<>();
    private final Map<String, DayOfWeek> weekdays = new HashMap<>();
    private final Pattern dayMonth;
    private final Pattern monthDay;
    private final Pattern monthYear;
    private final Pattern weekday;
    private final ExtractionRules rules;
    /** A day number alone, perhaps after a word of "until" ("to 22", "по 22"), not part of a larger number. */
    private static final Pattern LAST_DAY = Pattern.compile("\\s*(?:\\p{L}+\\s+)?(\\d{1,2})(?![\\d]|[.,]\\d|\\s*\\p{L})");
    private static final Pattern NUMERIC = Pattern.compile("(?<![\\d.])(\\d{1,2})\\.(\\d{1,2})\\.(\\d{4})(?![\\d])|(?<!\\d)(\\d{4})-(\\d{2})-(\\d{2})(?!\\d)");

    DateFinder(ExtractionRules rules) {
        this.rules = rules;
        DateFormatSymbols symbols = new DateFormatSymbols(ULocale.forLanguageTag(rules.lang()));
        for (int context : new int[] {DateFormatSymbols.FORMAT, DateFormatSymbols.STANDALONE}) {
            for (int width : new int[] {DateFormatSymbols.WIDE, DateFormatSymbols.ABBREVIATED}) {
                String[] names = symbols.getMonths(context, width);
                for (int m = 0; m < 12 && m < names.length; m++) {
                    String n = Folded.of(names[m]).replace(".", "");
                    if (n.length() < 3) continue;
                    months.putIfAbsent(n, m + 1);
                    // a month in a case ICU does not list ("noyabrın 29-dan", "mayın 17-dən")
                    for (String suffix : rules.phrases("date.month.suffix")) months.putIfAbsent(n + suffix, m + 1);
                }
                String[] days = symbols.getWeekdays(context, width);
                for (int d = 1; d < days.length; d++) {
                    String n = Folded.of(days[d]).replace(".", "");
                    if (n.length() >= 3 && width == DateFormatSymbols.WIDE) weekdays.putIfAbsent(n, DayOfWeek.of(d == 1 ? 7 : d - 1));
                }
            }
        }
        String m = alternation(months.keySet());
        dayMonth = Pattern.compile("(?<![\\p{L}\\d])(\\d{1,2})(?:st|nd|rd|th|-го|-ого|-е|\\.)?\\s+(?:of\\s+)?(" + m + ")\\.?(?:\\s+((?:19|20)\\d{2}))?(?![\\p{L}])");
        monthDay = Pattern.compile("(?<![\\p{L}])(" + m + ")\\.?\\s+(\\d{1,2})(?:st|nd|rd|th)?(?:,?\\s+((?:19|20)\\d{2})(?![\\d.,]\\d))?(?![\\p{L}\\d])");
        monthYear = Pattern.compile("(?<![\\p{L}])(" + m + ")\\s+((?:19|20)\\d{2})(?!\\d)");
        Map<DayOfWeek, List<String>> byDay = new java.util.TreeMap<>();
        weekdays.forEach((name, day) -> byDay.computeIfAbsent(day, k -> new ArrayList<>()).add(Inflection.word(name, rules.lang())));
        StringBuilder forms = new StringBuilder();
        byDay.forEach((day, names) -> {
            names.sort(Comparator.comparingInt(String::length).reversed());
            if (forms.length() > 0) forms.append('|');
            forms.append("(?<d").append(day.getValue()).append('>').append(String.join("|", names)).append(')');
        });
        weekday = Pattern.compile("(?<![\\p{L}])(?:" + forms + ")(?![\\p{L}])");
    }

    private static String alternation(java.util.Collection<String> words) {
        List<String> sorted = new ArrayList<>(words);
        sorted.sort(Comparator.comparingInt(String::length).reversed());
        return String.join("|", sorted.stream().map(Pattern::quote).toList());
    }

    /** The dates of a folded sentence, in order, none overlapping. */
    List<Found> find(String folded, LocalDate documentDate) {
        List<Found> out = new ArrayList<>();
        boolean[] taken = new boolean[folded.length()];
        Matcher x = NUMERIC.matcher(folded);
        while (x.find()) {
            LocalDate d = x.group(1) != null ? date(x.group(3), x.group(2), x.group(1)) : date(x.group(4), x.group(5), x.group(6));
            add(out, taken, x.start(), x.end(), folded, d);
        }
        x = dayMonth.matcher(folded);
        while (x.find()) add(out, taken, x.start(), x.end(), folded, resolve(x.group(3), months.get(x.group(2)), x.group(1), documentDate));
        x = monthDay.matcher(folded);
        while (x.find()) add(out, taken, x.start(), x.end(), folded, resolve(x.group(3), months.get(x.group(1)), x.group(2), documentDate));
        x = monthYear.matcher(folded);
        while (x.find()) add(out, taken, x.start(), x.end(), folded, null);
        for (String w : rules.phrases("date.yesterday")) relative(out, taken, folded, w, documentDate == null ? null : documentDate.minusDays(1));
        for (String w : rules.phrases("date.today")) relative(out, taken, folded, w, documentDate);
        x = weekday.matcher(folded);
        while (x.find()) {
            DayOfWeek day = null;
            for (DayOfWeek w : DayOfWeek.values()) {
                try {
                    if (x.group("d" + w.getValue()) != null) day = w;
                } catch (IllegalArgumentException noSuchGroup) {
                    // a language whose names ICU does not give for this day
                }
            }
            LocalDate d = documentDate == null || day == null ? null : documentDate.with(TemporalAdjusters.previousOrSame(day));
            add(out, taken, x.start(), x.end(), folded, d);
        }
        out.sort(Comparator.comparingInt(Found::start));
        List<Found> marked = new ArrayList<>(out.size());
        for (Found f : out) {
            String before = folded.substring(0, f.start()).stripTrailing();
            boolean since = Extractor.endsWithPhrase(before, rules.phrases("date.since")) != null
                    || suffixed(folded, f.end(), rules.phrases("date.since.after")) != null;
            marked.add(since ? new Found(f.start(), f.end(), f.words(), f.date(), true) : f);
        }
        return withLastDays(marked, folded);
    }

    /**
     * The last day of a period said as a day number alone after its first day ("mayın 17-dən
     * 22-dək", "from May 17 to 22"): found only with a word or suffix of "until", in the first day's
     * month.
     */
    private List<Found> withLastDays(List<Found> dates, String folded) {
        List<Found> out = new ArrayList<>(dates);
        for (Found f : dates) {
            if (!f.since() || f.date() == null) continue;
            int at = f.end();
            String suffix = suffixed(folded, at, rules.phrases("date.since.after"));
            if (suffix != null) at = folded.indexOf(suffix, at) + suffix.length();
            Matcher day = LAST_DAY.matcher(folded).region(at, folded.length());
            if (!day.lookingAt()) continue;
            String before = folded.substring(at, day.start(1)).strip();
            boolean until = before.isEmpty() ? suffixed(folded, day.end(1), rules.phrases("date.until.after")) != null
                    : rules.phrases("date.until.before").contains(before);
            if (!until || dates.stream().anyMatch(d -> d.start() < day.end(1) && d.end() > day.start(1))) continue;
            LocalDate last = date(String.valueOf(f.date().getYear()), String.valueOf(f.date().getMonthValue()), day.group(1));
            if (last != null && last.isAfter(f.date())) out.add(new Found(day.start(1), day.end(1), day.group(1), last, false));
        }
        out.sort(Comparator.comparingInt(Found::start));
        return out;
    }

    /**
     * The phrase said right after a date, joined to it ("29-dan", "15-ից", "2020-ci il tarixindən")
     * or as the next words, or null.
     */
    static String suffixed(String folded, int end, List<String> phrases) {
        for (String p : phrases) {
            int at = folded.startsWith(p, end) ? end : -1;
            if (at < 0) {
                int w = end;
                while (w < folded.length() && Character.isWhitespace(folded.charAt(w))) w++;
                if (w > end && folded.startsWith(p, w)) at = w;
            }
            int e = at + p.length();
            if (at >= 0 && (e >= folded.length() || !Character.isLetterOrDigit(folded.codePointAt(e)))) return p;
        }
        return null;
    }

    private static void relative(List<Found> out, boolean[] taken, String folded, String phrase, LocalDate d) {
        int at = Words.find(folded, phrase, 0);
        while (at >= 0) {
            add(out, taken, at, at + phrase.length(), folded, d);
            at = Words.find(folded, phrase, at + 1);
        }
    }

    private static void add(List<Found> out, boolean[] taken, int start, int end, String folded, LocalDate d) {
        for (int i = start; i < end; i++) if (taken[i]) return;
        for (int i = start; i < end; i++) taken[i] = true;
        out.add(new Found(start, end, folded.substring(start, end), d, false));
    }

    private static LocalDate date(String y, String m, String d) {
        try {
            return LocalDate.of(Integer.parseInt(y), Integer.parseInt(m), Integer.parseInt(d));
        } catch (java.time.DateTimeException | NumberFormatException e) {
            return null;
        }
    }

    /** A day and month, in the year given or else the latest one not after the document's date. */
    private static LocalDate resolve(String year, Integer month, String day, LocalDate documentDate) {
        if (month == null) return null;
        if (year != null) return date(year, String.valueOf(month), day);
        if (documentDate == null) return null;
        LocalDate d = date(String.valueOf(documentDate.getYear()), String.valueOf(month), day);
        if (d != null && d.isAfter(documentDate)) d = d.minusYears(1);
        return d;
    }
}
