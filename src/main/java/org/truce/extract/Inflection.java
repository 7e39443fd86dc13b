package org.truce.extract;

import java.util.regex.Pattern;

/**
 * A name as a pattern that also matches its inflected forms, so "Нагорный Карабах" finds "в Нагорном
 * Карабахе", "Qarabağ" finds "Qarabağda" and "Ղարաբաղ" finds "Ղարաբաղում": in Russian a word of five
 * letters or more loses a final vowel and takes up to three letters; in Armenian and Azerbaijani
 * (suffixing languages) a word of four letters or more takes up to six; in German a genitive s or es;
 * in English a possessive 's only ("Armenian" is no form of "Armenia"). Shorter words match as
 * written. Stateless.
 */
final class Inflection {
    private static final String RU_ENDINGS = "аеёиоуыэюяйь";

    private Inflection() {}

    /** The pattern of a folded name in {@code lang}, whole words only. */
    static Pattern of(String name, String lang) {
        StringBuilder p = new StringBuilder("(?<![\\p{L}\\d])");
        for (String word : name.split("(?<=[ \\-])|(?=[ \\-])")) {
            if (word.equals(" ")) p.append("\\s+");
            else if (word.equals("-")) p.append("[-\\s]?");
            else p.append(word(word, lang));
        }
        return Pattern.compile(p.append("(?![\\p{L}\\d])").toString());
    }

    /** One word as a pattern of its inflected forms (see the class). */
    static String word(String w, String lang) {
        int letters = w.codePointCount(0, w.length());
        boolean alphabetic = w.chars().allMatch(Character::isLetter);
        if (!alphabetic) return Pattern.quote(w);
        switch (lang) {
            case "ru" -> {
                if (letters < 5) return Pattern.quote(w) + "\\p{L}{0,2}";
                String stem = RU_ENDINGS.indexOf(w.charAt(w.length() - 1)) >= 0 ? w.substring(0, w.length() - 1) : w;
                if (RU_ENDINGS.indexOf(stem.charAt(stem.length() - 1)) >= 0 && stem.length() >= 5) stem = stem.substring(0, stem.length() - 1);
                return Pattern.quote(stem) + "\\p{L}{0,3}";
            }
            case "hy", "az" -> {
                return letters < 4 ? Pattern.quote(w) : Pattern.quote(w) + "[\\p{L}'’]{0,6}";
            }
            case "de" -> {
                return letters < 4 ? Pattern.quote(w) : Pattern.quote(w) + "(?:s|es)?";
            }
            default -> {
                // English adds a possessive only: "Armenian" is no form of "Armenia"
                return Pattern.quote(w) + "(?:'s|’s)?";
            }
        }
    }
}
