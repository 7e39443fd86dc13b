package org.truce.bulletin;

import com.ibm.icu.text.DateFormat;
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

    private static Messages load(String lang) {
        try (InputStream in = Messages.class.getResourceAsStream("/bulletin/messages_" + lang + ".properties")) {
            if (in == null) return null;
            Properties p = new Properties();
            p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
            return new Messages(lang, p);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public String lang() {
        return lang;
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

    /** A long date in this language ("11 January 2021", "11 января 2021 г."), computed in UTC. */
    public String date(LocalDate date) {
        DateFormat f = DateFormat.getDateInstance(DateFormat.LONG, locale);
        f.setTimeZone(TimeZone.GMT_ZONE);
        return f.format(Date.from(date.atStartOfDay().toInstant(ZoneOffset.UTC)));
    }
}
