package org.truce.web;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The languages of the pages and bulletins, each named in itself for the language switcher. Adding
 * one is adding a constant and its message files ({@code TranslationsTest} fails on any missing key).
 */
public enum Language {
    EN("en", "English"),
    RU("ru", "Русский"),
    HY("hy", "Հայերեն"),
    AZ("az", "Azərbaycan dili"),
    DE("de", "Deutsch");

    private final String code;
    private final String nativeName;

    Language(String code, String nativeName) {
        this.code = code;
        this.nativeName = nativeName;
    }

    public String code() {
        return code;
    }

    public String nativeName() {
        return nativeName;
    }

    public static Optional<Language> of(String code) {
        return Arrays.stream(values()).filter(l -> l.code.equals(code)).findFirst();
    }

    /** The best of ours for an {@code Accept-Language} header (RFC 4647 lookup), English when none fits. */
    public static Language negotiate(String acceptLanguage) {
        if (acceptLanguage == null || acceptLanguage.isBlank()) return EN;
        try {
            List<Locale.LanguageRange> ranges = Locale.LanguageRange.parse(acceptLanguage);
            String tag = Locale.lookupTag(ranges, Arrays.stream(values()).map(Language::code).toList());
            return tag == null ? EN : of(tag).orElse(EN);
        } catch (IllegalArgumentException malformed) {
            return EN;
        }
    }
}
