package org.truce.extract;

/**
 * Which of the record's five languages a text is in, from its letters: Armenian or Cyrillic script;
 * among Latin texts, Azerbaijani's ə, German's umlauts, ß and commonest words, else English. A guess
 * the caller may overrule by naming the language. Stateless.
 */
final class Languages {
    private Languages() {}

    static String detect(String text) {
        int armenian = 0, cyrillic = 0, latin = 0;
        for (int i = 0; i < text.length(); i++) {
            Character.UnicodeScript s = Character.UnicodeScript.of(text.charAt(i));
            if (s == Character.UnicodeScript.ARMENIAN) armenian++;
            else if (s == Character.UnicodeScript.CYRILLIC) cyrillic++;
            else if (s == Character.UnicodeScript.LATIN) latin++;
        }
        if (armenian >= cyrillic && armenian >= latin && armenian > 0) return "hy";
        if (cyrillic >= latin && cyrillic > 0) return "ru";
        String f = " " + Folded.of(text) + " ";
        if (f.indexOf('ə') >= 0 || f.indexOf('ğ') >= 0 || f.indexOf('ı') >= 0) return "az";
        int german = 0;
        for (String w : new String[] {" und ", " der ", " die ", " das ", " mehr als ", " nach angaben ", " wurden ", " ist "}) if (f.contains(w)) german++;
        if (f.indexOf('ß') >= 0 || f.indexOf('ä') >= 0 || german >= 2) return "de";
        return "en";
    }
}
