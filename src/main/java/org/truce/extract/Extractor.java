package org.truce.extract;

import com.ibm.icu.text.BreakIterator;
import com.ibm.icu.util.ULocale;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.truce.catalog.Alias;
import org.truce.catalog.Place;
import org.truce.catalog.Source;
import org.truce.figures.Qualifier;
import org.truce.figures.ReportKind;
import org.truce.ingest.BadCell;
import org.truce.ingest.LocaleNumbers;

/**
 * Reads a text sentence by sentence and proposes its figures. For each number of a sentence (dates
 * and numbers inside names left aside): the metric whose phrase stands nearest to it between its
 * neighbours, the qualifier said just before it, whether it is an increment, a breakdown of the
 * figure before it ("including 153 children"), and, per sentence, the day it is dated, the one place
 * it names and the one source it cites ("according to ...", "... said"). What the sentence does not
 * decide is left empty and flagged. Built from one snapshot of the catalog; immutable; thread-safe.
 */
public final class Extractor {
    /** How far (in characters) a metric's phrase may stand from its number. */
    static final int REACH = 80;
    /** How much farther a metric's phrase before its number counts than one after it. */
    static final int BEFORE_PENALTY = 8;
    private static final Pattern NUMBER = Pattern.compile(
            "(?<![\\p{L}\\d.,])\\d{1,3}(?:[ ,.]\\d{3})+(?:[.,]\\d+)?(?![\\d\\p{L}%])|(?<![\\p{L}\\d.,])\\d+(?:[.,]\\d+)?(?![\\d\\p{L}%])");
    /** Up to three digits standing alone after a thousands word. */
    private static final Pattern HUNDREDS = Pattern.compile("\\s+(\\d{1,3})(?![\\d.,]\\d)(?![\\p{L}])");
    /** How far (in characters) the last day of a period may stand from its first. */
    static final int RANGE_GAP = 24;
    /** How many words may stand between a source's name and the cue after it. */
    static final int CUE_GAP = 3;
    /** A word between a name and its cue: no punctuation that ends a clause or a quote. */
    private static final Pattern GAP_WORD = Pattern.compile("[^\\s,;:!?«»\"“”()]+\\s+");
    private final Gazetteer sources;
    private final Gazetteer places;

    private final Map<String, Place> placesById = new java.util.HashMap<>();

    public Extractor(Collection<Source> sources, Collection<Place> places, Collection<Alias> aliases) {
        this.sources = Gazetteer.sources(sources, aliases);
        this.places = Gazetteer.places(places, aliases);
        for (Place p : places) placesById.put(p.id(), p);
    }

    /**
     * Of several places named, the one all the others contain ("351 Artsakh citizens returned to
     * Stepanakert": Stepanakert, inside either reading of Artsakh), or null when there is none. A place
     * contains another when it is one of its parents, or overlaps one of them.
     */
    String innermost(Set<String> ids) {
        for (String candidate : ids) {
            Set<String> around = new java.util.HashSet<>();
            for (Place p = placesById.get(candidate); p != null && p.parent() != null && around.add(p.parent()); p = placesById.get(p.parent())) {
                Place parent = placesById.get(p.parent());
                if (parent != null) around.addAll(parent.overlaps());
            }
            for (Place p : placesById.values()) if (p.overlaps().stream().anyMatch(around::contains)) around.add(p.id());
            if (ids.stream().allMatch(id -> id.equals(candidate) || around.contains(id))) return candidate;
        }
        return null;
    }

    /**
     * @param lang         en, ru, hy, az or de; null to tell it from the text's letters
     * @param documentDate the date of the document the text is from: relative dates resolve against it
     * @throws IllegalArgumentException for a language without rules
     */
    public Extraction read(String text, String lang, LocalDate documentDate) {
        boolean detected = lang == null || lang.isBlank();
        String language = detected ? Languages.detect(text) : lang;
        if (!ExtractionRules.LANGUAGES.contains(language)) {
            throw new IllegalArgumentException("lang must be one of " + ExtractionRules.LANGUAGES + ", not " + language);
        }
        ExtractionRules rules = ExtractionRules.of(language);
        DateFinder dates = new DateFinder(rules);
        List<Proposal> proposals = new ArrayList<>();
        List<Extraction.Unread> unread = new ArrayList<>();
        int paragraph = -1;
        int paragraphFrom = 0;
        Map<String, String> cited = new LinkedHashMap<>();
        Map<String, String> citedInText = new LinkedHashMap<>();
        DateFinder.Found paragraphDate = null;
        List<Named> bodiesNamed = new ArrayList<>();
        String[] paragraphPlace = null;
        for (int[] s : sentences(text, language)) {
            int line = lineOf(text, s[0]);
            if (line != paragraph) {
                paragraphDate = null;
                paragraphPlace = null;
                inherit(proposals, paragraphFrom, cited, "in the paragraph: ");
                paragraph = line;
                paragraphFrom = proposals.size();
                cited.clear();
            }
            SentenceReading reading = new SentenceReading(text.substring(s[0], s[1]), s[0], rules, dates, documentDate, bodiesNamed);
            int before = proposals.size();
            reading.read(proposals, unread);
            if (paragraphDate != null) {
                // "МОСКВА, 3 янв — РИА Новости. Специалисты … обезвредили свыше 16 тысяч …": dated by the sentence before
                for (int i = before; i < proposals.size(); i++) {
                    Proposal p = proposals.get(i);
                    if (p.asOf() == null && p.undecided().contains("asOf")) proposals.set(i, p.withAsOf(paragraphDate.date(), "in the paragraph: " + paragraphDate.words()));
                }
            }
            if (paragraphPlace != null) {
                // "Civilians are returning to Nagorno-Karabakh … Another 1,479 people have returned": placed by the sentence before
                for (int i = before; i < proposals.size(); i++) {
                    Proposal p = proposals.get(i);
                    if (p.place() == null && !p.why().containsKey("place")) proposals.set(i, p.withPlace(paragraphPlace[0], "in the paragraph: " + paragraphPlace[1]));
                }
            }
            DateFinder.Found said = reading.day();
            if (said != null) paragraphDate = said;
            String[] named = reading.place();
            if (named != null) paragraphPlace = named;
            reading.cited().forEach(cited::putIfAbsent);
            bodiesNamed.addAll(reading.namesSaid());
            reading.cited().forEach(citedInText::putIfAbsent);
        }
        inherit(proposals, paragraphFrom, cited, "in the paragraph: ");
        inherit(proposals, 0, citedInText, "in the text: ");
        return new Extraction(language, detected, proposals, unread);
    }

    private static int lineOf(String text, int offset) {
        int n = 0;
        for (int i = 0; i < offset; i++) if (text.charAt(i) == '\n') n++;
        return n;
    }

    /**
     * A paragraph that cites one body only ("..., the ministry said." after the figures; "According to
     * X:" before them) speaks in its name throughout: its figures with no source of their own take it,
     * saying where it was named. So does a whole text that cites one body only ("More than 33,000
     * returned." then, a paragraph later, "The Defence Ministry said so."). A paragraph or text that
     * cites two bodies or none gives nothing.
     */
    private static void inherit(List<Proposal> proposals, int from, Map<String, String> cited, String where) {
        if (cited.size() != 1) return;
        var only = cited.entrySet().iterator().next();
        for (int i = from; i < proposals.size(); i++) {
            Proposal p = proposals.get(i);
            if (p.source() == null && !p.undecided().contains("source")) proposals.set(i, p.withSource(only.getKey(), where + only.getValue()));
        }
    }

    /** The sentences of a text as [start, end) offsets: lines first, then ICU's sentence breaks; bullets and spaces trimmed. */
    static List<int[]> sentences(String text, String lang) {
        List<int[]> out = new ArrayList<>();
        BreakIterator breaks = BreakIterator.getSentenceInstance(ULocale.forLanguageTag(lang));
        int lineStart = 0;
        while (lineStart <= text.length()) {
            int lineEnd = text.indexOf('\n', lineStart);
            if (lineEnd < 0) lineEnd = text.length();
            String line = text.substring(lineStart, lineEnd);
            breaks.setText(line);
            int from = breaks.first();
            for (int to = breaks.next(); to != BreakIterator.DONE; from = to, to = breaks.next()) {
                // "Am 19. Dezember kehrten …": a day's full stop before its month ends no sentence
                while (to < line.length() && DAY_STOP.matcher(line.substring(from, to)).find()
                        && startsWithMonth(line.substring(to), lang)) {
                    int next = breaks.next();
                    if (next == BreakIterator.DONE) break;
                    to = next;
                }
                int a = lineStart + from;
                int b = lineStart + to;
                while (a < b && (Character.isWhitespace(text.charAt(a)) || "•·*-–—".indexOf(text.charAt(a)) >= 0)) a++;
                while (b > a && Character.isWhitespace(text.charAt(b - 1))) b--;
                if (b > a) out.add(new int[] {a, b});
            }
            lineStart = lineEnd + 1;
        }
        return out;
    }

    /** A case ending joined to a day number by a hyphen ("1-i", "4-ün", "1-ի"). */
    private static final Pattern CASE_ENDING = Pattern.compile("-\\p{L}{1,4}(?!\\p{L})");
    /** A year as a number alone: 1900 to 2099, no separator. */
    private static final Pattern YEAR = Pattern.compile("(?:19|20)\\d{2}");
    private static final Pattern DAY_STOP = Pattern.compile("(?<![\\d.,])\\d{1,2}\\.\\s*$");
    private static final Pattern FIRST_WORD = Pattern.compile("^\\s*(\\p{L}+)");
    private static final Map<String, Set<String>> MONTHS = new java.util.concurrent.ConcurrentHashMap<>();

    /** Whether the text starts with a month's name in {@code lang}, as ICU spells it. */
    private static boolean startsWithMonth(String text, String lang) {
        Set<String> months = MONTHS.computeIfAbsent(lang, l -> {
            Set<String> names = new java.util.HashSet<>();
            var symbols = new com.ibm.icu.text.DateFormatSymbols(ULocale.forLanguageTag(l));
            for (int context : new int[] {com.ibm.icu.text.DateFormatSymbols.FORMAT, com.ibm.icu.text.DateFormatSymbols.STANDALONE}) {
                for (String m : symbols.getMonths(context, com.ibm.icu.text.DateFormatSymbols.WIDE)) names.add(Folded.of(m));
            }
            return Set.copyOf(names);
        });
        Matcher word = FIRST_WORD.matcher(text);
        return word.find() && months.contains(Folded.of(word.group(1)));
    }

    /** A body the text named, by id, with the words it was named by (folded). */
    record Named(String id, String words) {}

    /** A body named at a point of a sentence ({@code start} -1: in a sentence before it). */
    private record Positioned(String id, String words, int start) {}

    /** The reading of one sentence. */
    private final class SentenceReading {
        private final String sentence;
        private final String folded;
        private final int offset;
        private final ExtractionRules rules;
        private final List<DateFinder.Found> dates;
        private final List<Gazetteer.Mention> sourceMentions;
        private final List<Gazetteer.Mention> placeMentions;
        private final LocaleNumbers numbers;
        private final NumberWords words;
        /** The bodies the text named before this sentence. */
        private final List<Named> namedBefore;
        /** The bodies the sentence cites (a name with a cue), each with the words. */
        private final Map<String, String> cited = new LinkedHashMap<>();

        /** [id, words] of the one place the sentence names (or the innermost of those it names), or null. */
        String[] place() {
            Map<String, String> why = new LinkedHashMap<>();
            String id = one(placeMentions, why, "place", new ArrayList<>());
            return id == null ? null : new String[] {id, why.get("place")};
        }

        /** The one day the sentence says (not a since-date), a dateline's day if it says no other, or null. */
        DateFinder.Found day() {
            List<DateFinder.Found> days = dates.stream().filter(d -> d.date() != null && !d.since()).toList();
            List<DateFinder.Found> own = days.stream().filter(d -> !dateline(d)).toList();
            List<DateFinder.Found> pick = own.isEmpty() ? days : own;
            if (pick.stream().map(DateFinder.Found::date).distinct().count() != 1) return null;
            DateFinder.Found d = pick.get(0);
            return new DateFinder.Found(d.start(), d.end(), sentence.substring(d.start(), d.end()), d.date(), false);
        }

        Map<String, String> cited() {
            if (cited.isEmpty()) citedSources();
            return cited;
        }

        SentenceReading(String sentence, int offset, ExtractionRules rules, DateFinder dateFinder, LocalDate documentDate,
                        List<Named> namedBefore) {
            this.namedBefore = namedBefore;
            this.sentence = sentence;
            this.folded = Folded.of(sentence);
            this.offset = offset;
            this.rules = rules;
            this.dates = dateFinder.find(folded, documentDate);
            this.sourceMentions = sources.find(folded, rules.lang());
            List<Gazetteer.Mention> inPlaces = new ArrayList<>();
            for (Gazetteer.Mention m : places.find(folded, rules.lang())) {
                // a place a figure comes from ("from Yerevan", "из Еревана") is not where it is counted
                boolean origin = endsWithPhrase(folded.substring(0, m.start()).stripTrailing(), rules.phrases("place.from")) != null;
                if (!origin && !inside(m.start(), m.end(), sourceMentions)) inPlaces.add(m);
            }
            this.placeMentions = inPlaces;
            this.numbers = new LocaleNumbers(rules.lang().equals("en") ? "en" : rules.lang());
            this.words = NumberWords.of(rules);
        }

        void read(List<Proposal> proposals, List<Extraction.Unread> unread) {
            List<int[]> spans = new ArrayList<>();
            List<BigDecimal> values = new ArrayList<>();
            for (Written w : written()) {
                if (!spans.isEmpty() && w.start() < spans.get(spans.size() - 1)[1]) continue; // read with the number before it
                if (inDate(w.start(), w.end()) || inPeriod(w.start(), w.end()) || inside(w.start(), w.end(), sourceMentions)
                        || inside(w.start(), w.end(), placeMentions)) continue;
                if (counted(w.end(), rules.phrases("number.period"))) continue; // "за две последние недели", "in 14 days"
                if (YEAR.matcher(w.words(folded)).matches() && counted(w.end(), rules.phrases("number.year"))) continue; // "the 2020 war"
                BigDecimal v = w.value();
                int end = w.end();
                String thousand = startsWithPhrase(folded.substring(end).stripLeading(), rules.phrases("number.thousand"));
                if (thousand != null) {
                    v = v.multiply(BigDecimal.valueOf(1000)).stripTrailingZeros();
                    if (v.scale() < 0) v = v.setScale(0);
                    end = folded.indexOf(thousand, end) + thousand.length();
                    // "47 հազար 834", "1 тыс. 895": the hundreds after the thousands word are the same number
                    Matcher rest = HUNDREDS.matcher(folded).region(end, folded.length());
                    if (v.scale() == 0 && rest.lookingAt()) {
                        v = v.add(new BigDecimal(rest.group(1)));
                        end = rest.end();
                    }
                }
                spans.add(new int[] {w.start(), end, w.end(), w.inWords() ? 1 : 0});
                values.add(v);
            }
            if (spans.isEmpty()) return;
            List<String> notRead = new ArrayList<>();
            Proposal last = null;
            int lastIndex = -1;
            for (int i = 0; i < spans.size(); i++) {
                int from = i == 0 ? 0 : spans.get(i - 1)[1];
                int to = i + 1 < spans.size() ? spans.get(i + 1)[0] : folded.length();
                int[] n = spans.get(i);
                String[] breakdown = breakdown(n, from, to);
                if (breakdown != null && last != null) {
                    Proposal with = last.withBreakdown(breakdown[0], values.get(i), breakdown[1]);
                    proposals.set(lastIndex, with);
                    last = with;
                    continue;
                }
                String[] metric = metric(n, from, to);
                if (metric == null) {
                    // "all three sat at a table": a number in words that counts nothing a metric names is no figure left out
                    if (n[3] == 0) notRead.add(sentence.substring(n[0], n[1]));
                    continue;
                }
                last = propose(n, values.get(i), exchanged(metric), from, to);
                proposals.add(last);
                lastIndex = proposals.size() - 1;
            }
            if (!notRead.isEmpty()) unread.add(new Extraction.Unread(sentence, offset, offset + sentence.length(), notRead));
        }

        private Proposal propose(int[] n, BigDecimal value, String[] metric, int from, int to) {
            Map<String, String> why = new LinkedHashMap<>();
            List<String> undecided = new ArrayList<>();
            why.put("metric", metric[1]);
            why.put("value", sentence.substring(n[0], n[1]));
            Qualifier qualifier = Qualifier.EXACT;
            String before = folded.substring(from, n[0]).stripTrailing();
            for (String q : List.of("more_than", "about")) {
                String said = endsWithPhrase(before, rules.phrases("qualifier." + q));
                if (said == null) said = suffixAfter(n[1], to, rules.phrases("qualifier." + q + ".after"));
                // "23 mindən çox": the suffix joined to the thousands word
                if (said == null && n[2] < n[1]) said = suffixAfter(n[2], to, rules.phrases("qualifier." + q + ".after"));
                if (said != null) {
                    qualifier = q.equals("about") ? Qualifier.ABOUT : Qualifier.MORE_THAN;
                    why.put("qualifier", said);
                    break;
                }
            }
            // a dateline ("MOSCOW, December 26 (TASS)") dates the dispatch: any other date of the sentence comes first
            DateFinder.Found dated = dates.stream().filter(d -> d.date() != null && !d.since() && !dateline(d)).findFirst()
                    .orElse(dates.stream().filter(d -> d.date() != null && !d.since()).findFirst().orElse(null));
            DateFinder.Found opened = dates.stream().filter(d -> d.date() != null && d.since()).findFirst().orElse(null);
            // "from 29 November to 4 December", "noyabrın 29-dan dekabrın 4-dək": what happened within the days
            DateFinder.Found closed = opened == null ? null : rangeEnd(opened);
            if (closed != null) dated = closed;
            LocalDate asOf = dated == null ? null : dated.date();
            if (dated != null) why.put("asOf", sentence.substring(dated.start(), dated.end()));
            else undecided.add("asOf");
            ReportKind kind = ReportKind.TOTAL;
            LocalDate since = null;
            String after = folded.substring(n[1], to).stripLeading();
            String more = startsWithPhrase(after, rules.phrases("increment.after"));
            String unqualified = why.containsKey("qualifier") && before.endsWith(why.get("qualifier"))
                    ? before.substring(0, before.length() - why.get("qualifier").length()).stripTrailing() : before;
            String another = endsWithPhrase(unqualified, rules.phrases("increment.before"));
            String day = phraseIn(rules.phrases("increment.day"), from, to);
            String total = endsWithPhrase(before, rules.phrases("kind.total"));
            if (total == null) total = phraseIn(rules.phrases("kind.total"), from, n[0]);
            if (total != null) {
                why.put("kind", total);
            } else if (closed != null) {
                kind = ReportKind.INCREMENT;
                why.put("kind", sentence.substring(opened.start(), closed.end()));
                since = opened.date().minusDays(1);
                why.put("since", sentence.substring(opened.start(), opened.end()));
            } else if (day != null) {
                kind = ReportKind.INCREMENT;
                why.put("kind", day);
                if (asOf != null) since = asOf.minusDays(1);
            } else if (more != null || another != null) {
                kind = ReportKind.INCREMENT;
                why.put("kind", more != null ? more : another);
                if (opened != null) {
                    since = opened.date();
                    why.put("since", sentence.substring(opened.start(), opened.end()));
                } else {
                    undecided.add("since");
                }
            } else if (dated != null && opened == null && dayEvent(dated)) {
                // "220 refugees returned on 31 December": what happened that day, not a total as of it
                kind = ReportKind.INCREMENT;
                why.put("kind", sentence.substring(dated.start(), dated.end()));
                since = asOf.minusDays(1);
            }
            List<Gazetteer.Mention> near = new ArrayList<>();
            for (Gazetteer.Mention m : placeMentions) if (m.start() >= from && m.end() <= to) near.add(m);
            String place = one(near.isEmpty() ? placeMentions : near, why, "place", undecided);
            String source = source(why, undecided);
            double confidence = 1.0 - 0.2 * undecided.size() - (Integer.parseInt(metric[2]) > 25 ? 0.15 : 0);
            return new Proposal(metric[0], value, qualifier, kind, since, asOf, place, Map.of(), source, sentence.strip(), offset,
                    offset + sentence.length(), why, undecided, Math.max(0.05, Math.round(confidence * 100) / 100.0));
        }

        /** [metric id, the words, their distance] of the phrase nearest the number within its neighbours, or null. */
        private String[] metric(int[] n, int from, int to) {
            String best = null;
            String words = null;
            int bestDistance = Integer.MAX_VALUE;
            for (Map.Entry<String, List<String>> e : rules.metrics().entrySet()) {
                for (String phrase : e.getValue()) {
                    int at = Words.find(folded, phrase, from);
                    while (at >= 0 && at + phrase.length() <= to) {
                        int end = at + phrase.length();
                        // the counted noun mostly follows its number ("618 housing buildings"): a phrase before it stands farther
                        int distance = end <= n[0] ? n[0] - end + BEFORE_PENALTY : at >= n[1] ? at - n[1] : -1;
                        if (distance >= 0 && distance <= REACH && !inDate(at, end)
                                && (distance < bestDistance || (distance == bestDistance && phrase.length() > words.length()))) {
                            best = e.getKey();
                            words = phrase;
                            bestDistance = distance;
                        }
                        at = Words.find(folded, phrase, at + 1);
                    }
                }
            }
            return best == null ? null : new String[] {best, words, String.valueOf(bestDistance)};
        }

        /**
         * In a sentence about an exchange of prisoners ("обмен пленными", "in exchange for"), people
         * who "returned" are the prisoners exchanged, not displaced people coming home: the metric
         * read from a returning word becomes detainees exchanged, saying why.
         */
        private String[] exchanged(String[] metric) {
            if (!metric[0].equals("returnees")) return metric;
            for (String w : rules.phrases("exchange.context")) {
                if (Words.find(folded, w, 0) >= 0) return new String[] {"detainees_exchanged", metric[1] + " (an exchange: " + w + ")", metric[2]};
            }
            return metric;
        }

        /** [breakdown name, words] when the number is said as a part ("including 153 children"), else null. */
        private String[] breakdown(int[] n, int from, int to) {
            // "из них — 22", "of which: 22": the cue may stand before a dash or a colon
            String before = folded.substring(from, n[0]).replaceAll("[\\s—–:\\-]+$", "");
            String cue = endsWithPhrase(before, rules.phrases("breakdown.before"));
            if (cue == null) return null;
            String after = folded.substring(n[1], to).stripLeading();
            for (Map.Entry<String, List<String>> e : rules.breakdowns().entrySet()) {
                String noun = startsWithPhrase(after, e.getValue());
                if (noun != null) return new String[] {e.getKey(), cue + " " + sentence.substring(n[0], n[1]) + " " + noun};
            }
            return null;
        }

        /** Whether one of the words stands right after {@code end}, or one word later ("две последние недели"). */
        private boolean counted(int end, List<String> words) {
            if (words.isEmpty()) return false;
            String after = folded.substring(end).stripLeading();
            if (startsWithPhrase(after, words) != null) return true;
            Matcher skip = GAP_WORD.matcher(after);
            return skip.lookingAt() && startsWithPhrase(after.substring(skip.end()), words) != null;
        }

        /** A number as the sentence writes it, in digits ("48,241") or in words ("троих", "eight"). */
        private record Written(int start, int end, BigDecimal value, boolean inWords) {
            String words(String folded) {
                return folded.substring(start, end);
            }
        }

        /** The numbers of the sentence in order; one written in words only where no digits stand. */
        private List<Written> written() {
            List<Written> out = new ArrayList<>();
            boolean[] digits = new boolean[folded.length()];
            Matcher m = NUMBER.matcher(folded);
            while (m.find()) {
                try {
                    out.add(new Written(m.start(), m.end(), numbers.parse(sentence.substring(m.start(), m.end())), false));
                    for (int i = m.start(); i < m.end(); i++) digits[i] = true;
                } catch (BadCell ambiguous) {
                    // "1,234.5,6": no number a person would record
                }
            }
            for (NumberWords.Found w : words.find(folded)) {
                boolean free = true;
                for (int i = w.start(); i < w.end(); i++) free &= !digits[i];
                if (free) out.add(new Written(w.start(), w.end(), BigDecimal.valueOf(w.value()), true));
            }
            out.sort(java.util.Comparator.comparingInt(Written::start));
            return out;
        }

        /** Collects the bodies the sentence cites: a source's name with a cue before or after it. */
        private void citedSources() {
            for (Gazetteer.Mention m : sourceMentions) {
                String words = cue(m.start(), m.end());
                if (words != null) for (String id : m.ids()) cited.putIfAbsent(id, words);
            }
            shortForms();
        }

        /** The words citing what stands at {@code [start, end)}: a cue before or after it, or a role before it; null when none. */
        private String cue(int start, int end) {
            String before = folded.substring(0, start).stripTrailing();
            if (before.endsWith(" the") || before.equals("the")) before = before.substring(0, before.length() - 3).stripTrailing();
            String cueBefore = endsWithPhrase(before, rules.phrases("source.before"));
            // "official representative of the ministry", "командующий российским миротворческим контингентом": who speaks for the body
            if (cueBefore == null) cueBefore = endsWithPhrase(before, rules.phrases("source.role"));
            String cueAfter = cueAfter(folded.substring(end));
            if (cueBefore == null && cueAfter == null) return null;
            return (cueBefore != null ? cueBefore + " … " : "") + sentence.substring(start, end) + (cueAfter != null ? " … " + cueAfter : "");
        }

        /**
         * A short form cited ("… сообщает оборонное ведомство", "the ministry said") stands for the one
         * body named earlier in the text whose name holds the short form's key word ("обороны",
         * "defen"): rules {@code source.short.<key>}. No such body, or two: nothing is cited.
         */
        private void shortForms() {
            rules.shortForms().forEach((key, forms) -> {
                for (String form : forms) {
                    for (int at = Words.find(folded, form, 0); at >= 0; at = Words.find(folded, form, at + 1)) {
                        int end = at + form.length();
                        if (inside(at, end, sourceMentions)) continue;
                        String words = cue(at, end);
                        if (words == null) continue;
                        Set<String> ids = new TreeSet<>();
                        String earlier = null;
                        for (Positioned n : namesSoFar()) {
                            if (n.start() < at && n.words().contains(key)) {
                                ids.add(n.id());
                                earlier = n.words();
                            }
                        }
                        if (ids.size() == 1) cited.putIfAbsent(ids.iterator().next(), words + " (= " + earlier + ")");
                    }
                }
            });
        }

        /** The bodies named before this sentence (at -1) and in it (at their offsets), each id with its words. */
        private List<Positioned> namesSoFar() {
            List<Positioned> out = new ArrayList<>();
            for (Named n : namedBefore) out.add(new Positioned(n.id(), n.words(), -1));
            for (Gazetteer.Mention m : sourceMentions) for (String id : m.ids()) out.add(new Positioned(id, m.words(), m.start()));
            return out;
        }

        /** The bodies this sentence names, for the sentences after it. */
        List<Named> namesSaid() {
            List<Named> out = new ArrayList<>();
            for (Gazetteer.Mention m : sourceMentions) for (String id : m.ids()) out.add(new Named(id, m.words()));
            return out;
        }

        /**
         * The cue a source's name is followed by, right after it ("… said") or after a few words of no
         * punctuation ("ANAMA-dan Sumqayit.tv-yə verilən məlumata görə", "Ministry spokesman Igor
         * Konashenkov said"), or null.
         */
        private String cueAfter(String rest) {
            String text = rest.stripLeading();
            for (int skipped = 0; skipped <= CUE_GAP; skipped++) {
                String cue = startsWithPhrase(text, rules.phrases("source.after"));
                if (cue != null) return cue;
                Matcher word = GAP_WORD.matcher(text);
                if (!word.lookingAt()) return null;
                text = text.substring(word.end());
            }
            return null;
        }

        /** The one source the sentence cites, or null (and, when it cites several, the field undecided). */
        private String source(Map<String, String> why, List<String> undecided) {
            Map<String, String> c = cited();
            Set<String> ids = new TreeSet<>(c.keySet());
            if (ids.size() == 1) {
                why.put("source", c.values().iterator().next());
                return ids.iterator().next();
            }
            if (ids.size() > 1) {
                why.put("source", "names " + ids);
                undecided.add("source");
            }
            return null;
        }

        /** The one item the mentions name, or null (and, when they name several, the field undecided). */
        private String one(List<Gazetteer.Mention> mentions, Map<String, String> why, String field, List<String> undecided) {
            Set<String> ids = new TreeSet<>();
            List<String> words = new ArrayList<>();
            for (Gazetteer.Mention m : mentions) {
                ids.addAll(m.ids());
                words.add(sentence.substring(m.start(), m.end()));
            }
            if (ids.size() == 1) {
                why.put(field, String.join(", ", words));
                return ids.iterator().next();
            }
            String inner = field.equals("place") ? innermost(ids) : null;
            if (inner != null) {
                why.put(field, String.join(", ", words) + ": " + inner + " lies within the others");
                return inner;
            }
            if (!ids.isEmpty()) why.put(field, String.join(", ", words) + ": may be " + ids);
            undecided.add(field);
            return null;
        }

        /** The first of the phrases found as whole words within {@code [from, to)}, or null. */
        private String phraseIn(List<String> phrases, int from, int to) {
            for (String p : phrases) {
                int at = Words.find(folded, p, from);
                if (at >= 0 && at + p.length() <= to) return p;
            }
            return null;
        }

        /**
         * A qualifier said after the number, ending one of the next two words ("479,2 hektardan çox",
         * "400 հեկտարից ավելի"): the phrase, or null.
         */
        private String suffixAfter(int from, int to, List<String> phrases) {
            if (phrases.isEmpty() || to <= from) return null;
            String after = folded.substring(from, Math.min(to, from + 60));
            for (String p : phrases) {
                Matcher m = Pattern.compile("^\\s*(?:\\S+\\s+)?\\S*?" + Pattern.quote(p) + "(?![\\p{L}])").matcher(after);
                if (m.find()) return after.substring(0, m.end()).strip();
            }
            return null;
        }

        /**
         * The calendar day a period opened by {@code opened} runs to, when the sentence says it next, a
         * few words on, with no clause between ("from 29 November to 4 December"), or null.
         */
        private DateFinder.Found rangeEnd(DateFinder.Found opened) {
            for (DateFinder.Found d : dates) {
                if (d.start() < opened.end() || d.since() || d.date() == null) continue;
                String between = folded.substring(opened.end(), d.start());
                boolean relative = d.words().chars().noneMatch(Character::isDigit);
                if (between.length() <= RANGE_GAP && between.chars().noneMatch(c -> ",;:.".indexOf(c) >= 0) && !relative
                        && !d.date().isBefore(opened.date())) {
                    return d;
                }
                return null;
            }
            return null;
        }

        /** Whether the date stands at the head of the sentence as a dispatch's dateline, before "(", "/" or a dash. */
        private boolean dateline(DateFinder.Found d) {
            if (d.start() > 60) return false;
            // "MOSCOW (UrduPoint News / Sputnik - 24th November, 2020) …": the date inside the dispatch's parenthesis
            int open = folded.lastIndexOf('(', d.start());
            if (open >= 0 && open <= 40 && folded.indexOf(')', open) >= d.end()) return true;
            if (d.start() > 40) return false;
            String after = folded.substring(d.end()).stripLeading();
            if (after.startsWith(".") || after.startsWith(",")) after = after.substring(1).stripLeading();
            return after.startsWith("(") || after.startsWith("/") || after.startsWith("—") || after.startsWith("–") || after.startsWith("- ");
        }

        /**
         * Whether a figure dated {@code d} counts what happened on that day: the date is a single day
         * said without an as-of word ("as of", "по состоянию на") and not as the day a body spoke
         * ("said on Friday"), nor a dateline.
         */
        private boolean dayEvent(DateFinder.Found d) {
            if (dateline(d)) return false;
            String before = folded.substring(0, d.start()).stripTrailing();
            if (endsWithPhrase(before, rules.phrases("date.asof")) != null) return false;
            // "dekabrın 1-i vəziyyətinə", "դեկտեմբերի 1-ի դրությամբ": the as-of word after the date
            if (DateFinder.suffixed(folded, after(d), rules.phrases("date.asof.after")) != null) return false;
            for (String on : rules.phrases("date.on")) {
                if (before.endsWith(" " + on)) {
                    before = before.substring(0, before.length() - on.length()).stripTrailing();
                    break;
                }
            }
            return endsWithPhrase(before, rules.phrases("source.after")) == null
                    && !(rules.phrases("date.asof").isEmpty() && rules.phrases("date.asof.after").isEmpty());
        }

        /** Where the words after a date begin: past a case ending joined to its day ("1-i", "1-ի"). */
        private int after(DateFinder.Found d) {
            Matcher ending = CASE_ENDING.matcher(folded).region(d.end(), folded.length());
            return ending.lookingAt() ? ending.end() : d.end();
        }

        /** Whether the span lies in a phrase of a period ("in the past 24 hours", "за последние 24 часа"): its number counts nothing. */
        private boolean inPeriod(int start, int end) {
            for (String key : List.of("increment.day", "date.today")) {
                for (String p : rules.phrases(key)) {
                    int at = Words.find(folded, p, 0);
                    while (at >= 0) {
                        if (start < at + p.length() && end > at) return true;
                        at = Words.find(folded, p, at + 1);
                    }
                }
            }
            return false;
        }

        private boolean inDate(int start, int end) {
            for (DateFinder.Found d : dates) if (start < d.end() && end > d.start()) return true;
            return false;
        }
    }

    private static boolean inside(int start, int end, List<Gazetteer.Mention> mentions) {
        for (Gazetteer.Mention m : mentions) if (start < m.end() && end > m.start()) return true;
        return false;
    }

    /** The phrase {@code text} ends with as whole words, or null. */
    static String endsWithPhrase(String text, List<String> phrases) {
        for (String p : phrases) {
            if (text.endsWith(p) && Words.boundary(text, text.length() - p.length(), text.length())) return p;
        }
        return null;
    }

    /** The phrase {@code text} starts with as whole words, or null. */
    static String startsWithPhrase(String text, List<String> phrases) {
        for (String p : phrases) {
            if (text.startsWith(p) && Words.boundary(text, 0, p.length())) return p;
        }
        return null;
    }
}
