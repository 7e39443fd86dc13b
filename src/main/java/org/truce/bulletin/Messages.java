package org.truce.bulletin;

import com.ibm.icu.text.DateFormat;
import com.ibm.icu.text.DateFormatSymbols;
import com.ibm.icu.text.MessageFormat;
import com.ibm.icu.util.TimeZone;
import com.ibm.icu.util.ULocale;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The fixed texts of one language: ICU message patterns read from
 * {@code bulletin/messages_<lang>.properties} (plural and select rules, number grouping and long dates
 * per locale). Adding a language is adding one such file. Immutable and thread-safe.
 */
public final class Messages {
    private static final Map<String, Messages> CACHE = new ConcurrentHashMap<>();
    private static final Map<String, Messages> UI_CACHE = new ConcurrentHashMap<>();
    /**
     * The bundles of the pages' fixed texts, {@code ui/<bundle>/messages_<lang>.properties}, one per
     * area of the application so that each area's texts are kept (and translated) together.
     */
    public static final List<String> UI_BUNDLES = List.of("common", "public", "check", "map", "figures", "outputs",
            "desk", "feedback");
    /** The key of a language's long date pattern; see {@link #date}. */
    public static final String DATE_KEY = "date.long";
    private final String lang;
    private final ULocale locale;
    private final Properties patterns;

    private Messages(String lang, Properties patterns) {
        this.lang = lang;
        this.patterns = patterns;
        this.locale = new ULocale(patterns.getProperty("locale", lang).replace('-', '_'));
    }

    /** The texts of {@code lang}, or empty when no resource file exists for it. */
    public static java.util.Optional<Messages> of(String lang) {
        if (lang == null || !lang.matches("[a-z]{2,3}")) return java.util.Optional.empty();
        Messages m = CACHE.computeIfAbsent(lang, l -> load(l));
        return m == null ? java.util.Optional.empty() : java.util.Optional.of(m);
    }

    /** The pages' texts of {@code lang}: every {@link #UI_BUNDLES} file of that language, merged. */
    public static Messages ui(String lang) {
        Messages english = lang.equals("en") ? null : ui("en");
        return UI_CACHE.computeIfAbsent(lang, l -> {
            Properties merged = new Properties();
            for (String bundle : UI_BUNDLES) {
                Properties p = read("/ui/" + bundle + "/messages_" + l + ".properties");
                if (p == null) continue;
                for (String key : p.stringPropertyNames()) {
                    if (merged.containsKey(key) && !key.equals("locale")) {
                        throw new IllegalStateException("message " + key + " is defined in two ui bundles of " + l);
                    }
                    merged.setProperty(key, p.getProperty(key));
                }
            }
            if (merged.isEmpty()) throw new IllegalArgumentException("no page texts in language " + l);
            // A page never fails because a translation lags: a key missing here reads in English
            // (TranslationsTest fails on every missing key, so this only bridges work in progress).
            if (english != null) {
                for (String key : english.patterns.stringPropertyNames()) {
                    if (!key.equals("locale")) merged.putIfAbsent(key, english.patterns.getProperty(key));
                }
            }
            return new Messages(l, merged);
        });
    }

    private static Messages load(String lang) {
        Properties p = read("/bulletin/messages_" + lang + ".properties");
        return p == null ? null : new Messages(lang, p);
    }

    private static Properties read(String resource) {
        try (InputStream in = Messages.class.getResourceAsStream(resource)) {
            if (in == null) return null;
            Properties p = new Properties();
            p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
            return p;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public String lang() {
        return lang;
    }

    /**
     * These texts with the words of units declared in the catalog, as {@code unit.<id>} (each unit's
     * pattern in this language, else in English); a built-in unit's own words are never replaced.
     */
    public Messages withUnits(java.util.List<org.truce.catalog.Unit> units) {
        if (units.isEmpty()) return this;
        Properties more = new Properties();
        more.putAll(patterns);
        for (org.truce.catalog.Unit u : units) {
            String pattern = u.pattern(lang);
            if (pattern != null) more.putIfAbsent("unit." + u.id(), pattern);
        }
        return new Messages(lang, more);
    }

    /** Formats the pattern {@code key} with named arguments. */
    public String format(String key, Map<String, Object> args) {
        String pattern = patterns.getProperty(key);
        if (pattern == null) throw new IllegalArgumentException("no message " + key + " in language " + lang);
        return new MessageFormat(pattern, locale).format(args);
    }

    public boolean has(String key) {
        return patterns.containsKey(key);
    }

    /**
     * A name as a heading: its first letter in upper case by this language's rules (catalog names are
     * kept as they read inside a sentence, "вернувшиеся жители", "zurückgekehrte Personen").
     */
    public String heading(String name) {
        if (name == null || name.isEmpty()) return name;
        int end = name.offsetByCodePoints(0, 1);
        return com.ibm.icu.lang.UCharacter.toUpperCase(locale, name.substring(0, end)) + name.substring(end);
    }

    /** A number with this language's grouping and decimal marks ("1,234.5", "1 234,5"). */
    public String number(java.math.BigDecimal n) {
        return com.ibm.icu.text.NumberFormat.getNumberInstance(locale).format(n);
    }

    /** Items joined as this language joins a list ("A, B and C", "A, B и C"), by CLDR's rules. */
    public String list(List<String> items) {
        return com.ibm.icu.text.ListFormatter.getInstance(locale).format(items);
    }

    /**
     * A long date in this language, computed in UTC, by the pattern {@code date.long} of the language's
     * bulletin bundle (the pages use the same one), else by CLDR's long format. The pattern is an ICU
     * message with the pieces of the date as arguments, so that word order and suffixes are the
     * language's own: {@code day} (unpadded), {@code month} (the month's name in its format context:
     * Russian genitive "января", Armenian "հունվարի"), {@code monthStandalone} ("январь"), {@code year}
     * (no grouping), and for suffixes that follow the year's last word, {@code yearLastDigit} and
     * {@code yearTens} (Azerbaijani "2021-ci il", "2023-cü il").
     */
    public String date(LocalDate date) {
        String pattern = datePattern();
        if (pattern == null) {
            DateFormat f = DateFormat.getDateInstance(DateFormat.LONG, locale);
            f.setTimeZone(TimeZone.GMT_ZONE);
            return f.format(Date.from(date.atStartOfDay().toInstant(ZoneOffset.UTC)));
        }
        DateFormatSymbols symbols = new DateFormatSymbols(locale);
        int month = date.getMonthValue() - 1;
        Map<String, Object> args = Map.of("day", Integer.toString(date.getDayOfMonth()),
                "month", symbols.getMonths(DateFormatSymbols.FORMAT, DateFormatSymbols.WIDE)[month],
                "monthStandalone", symbols.getMonths(DateFormatSymbols.STANDALONE, DateFormatSymbols.WIDE)[month],
                "year", Integer.toString(date.getYear()),
                "yearLastDigit", Integer.toString(date.getYear() % 10),
                "yearTens", Integer.toString(date.getYear() / 10 % 10));
        return new MessageFormat(pattern, locale).format(args);
    }

    /** {@value #DATE_KEY} of this bundle, or of the language's bulletin bundle (the pages' texts carry none). */
    private String datePattern() {
        String own = patterns.getProperty(DATE_KEY);
        if (own != null) return own;
        Messages bulletin = CACHE.computeIfAbsent(lang, Messages::load);
        return bulletin == null || bulletin == this ? null : bulletin.patterns.getProperty(DATE_KEY);
    }

    /** The ICU locale of this language's formats (for charts that format dates and numbers themselves). */
    public ULocale locale() {
        return locale;
    }
}
