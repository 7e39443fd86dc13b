package org.truce.extract;

import com.ibm.icu.text.RuleBasedNumberFormat;
import com.ibm.icu.util.ULocale;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Numbers written as words in one language ("eight", "троих", "двух тысяч", "altı", "երկու"): every
 * cardinal ICU spells from 2 to 99 and the hundreds, in each of the language's spell-out rule sets (so
 * each case and gender Russian has), and the words the language's rules add ({@code number.words},
 * such as the Russian collective numerals "двое", "четверо" ICU does not spell). "One" is left out:
 * "one of", "один из" count nothing. Immutable once built; thread-safe.
 */
final class NumberWords {
    /** A number word found in a folded sentence: where, and its value. */
    record Found(int start, int end, long value) {}

    private static final Map<String, NumberWords> BUILT = new ConcurrentHashMap<>();
    private final List<Map.Entry<String, Long>> longestFirst;

    private NumberWords(Map<String, Long> words) {
        List<Map.Entry<String, Long>> list = new ArrayList<>(words.entrySet());
        list.sort(Comparator.comparingInt((Map.Entry<String, Long> e) -> e.getKey().length()).reversed());
        this.longestFirst = List.copyOf(list);
    }

    static NumberWords of(ExtractionRules rules) {
        return BUILT.computeIfAbsent(rules.lang(), l -> build(rules));
    }

    private static NumberWords build(ExtractionRules rules) {
        Map<String, Long> words = new HashMap<>();
        RuleBasedNumberFormat spell = new RuleBasedNumberFormat(ULocale.forLanguageTag(rules.lang()), RuleBasedNumberFormat.SPELLOUT);
        for (String set : spell.getRuleSetNames()) {
            if (!set.startsWith("%spellout-cardinal")) continue;
            for (long n = 2; n < 1000; n = n < 99 ? n + 1 : n + 100) {
                // a soft hyphen ICU puts inside long German words is no letter of the text
                words.putIfAbsent(Folded.phrase(spell.format(n, set).replace("\u00AD", "")), n);
            }
        }
        for (String pair : rules.phrases("number.words")) {
            int colon = pair.lastIndexOf(':');
            if (colon > 0) words.put(pair.substring(0, colon).strip(), Long.parseLong(pair.substring(colon + 1).strip()));
        }
        return new NumberWords(words);
    }

    /** The number words of a folded sentence, longest first where two overlap, in order. */
    List<Found> find(String folded) {
        List<Found> out = new ArrayList<>();
        boolean[] taken = new boolean[folded.length()];
        for (Map.Entry<String, Long> e : longestFirst) {
            String w = e.getKey();
            for (int at = Words.find(folded, w, 0); at >= 0; at = Words.find(folded, w, at + 1)) {
                boolean free = true;
                for (int i = at; i < at + w.length(); i++) free &= !taken[i];
                if (!free) continue;
                for (int i = at; i < at + w.length(); i++) taken[i] = true;
                out.add(new Found(at, at + w.length(), e.getValue()));
            }
        }
        out.sort(Comparator.comparingInt(Found::start));
        return out;
    }
}
