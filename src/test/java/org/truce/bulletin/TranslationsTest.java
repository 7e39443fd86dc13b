package org.truce.bulletin;

import static org.assertj.core.api.Assertions.assertThat;

import com.ibm.icu.text.DateFormat;
import com.ibm.icu.text.MessageFormat;
import com.ibm.icu.text.MessagePattern;
import com.ibm.icu.text.NumberFormat;
import com.ibm.icu.text.PluralRules;
import com.ibm.icu.util.TimeZone;
import com.ibm.icu.util.ULocale;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * DESIGN.md principles 1 and 5, for every message bundle: each directory under {@code src/main/resources}
 * that holds a {@code messages_en.properties} (today {@code bulletin/}; {@code ui/} when it exists) must
 * have every key in every language, no key English lacks, patterns ICU parses and formats, the same
 * arguments as English (exceptions declared in {@code i18n/arguments.txt}), the plural categories of
 * each language, and no loaded word ({@code i18n/loaded-words.txt}) — nor may the JTE templates.
 */
class TranslationsTest {
    static final List<String> LANGUAGES = List.of("en", "ru", "hy", "az", "de");
    static final Path RESOURCES = Path.of("src/main/resources");
    static final Path TEMPLATES = Path.of("src/main/jte");

    // ---- bundles -------------------------------------------------------------------------------

    record Bundle(String name, Path dir) {
        Path file(String lang) {
            return dir.resolve("messages_" + lang + ".properties");
        }

        /** Every language with a file in the bundle, the five required ones first. */
        Set<String> languages() {
            Set<String> out = new LinkedHashSet<>(LANGUAGES);
            try (Stream<Path> files = Files.list(dir)) {
                files.map(p -> p.getFileName().toString())
                        .map(Pattern.compile("messages_([a-z]{2,3})\\.properties")::matcher)
                        .filter(Matcher::matches).map(m -> m.group(1)).sorted().forEach(out::add);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return out;
        }
    }

    static List<Bundle> bundles() throws IOException {
        try (Stream<Path> files = Files.walk(RESOURCES)) {
            return files.filter(p -> p.getFileName().toString().equals("messages_en.properties"))
                    .map(Path::getParent).sorted()
                    .map(d -> new Bundle(RESOURCES.relativize(d).toString().replace('\\', '/'), d)).toList();
        }
    }

    static Properties load(Path file) {
        try {
            String text = Files.readString(file, StandardCharsets.UTF_8); // fails on bytes that are not UTF-8
            Properties p = new Properties();
            p.load(new StringReader(text));
            return p;
        } catch (IOException e) {
            throw new UncheckedIOException(file + ": " + e.getMessage(), e);
        }
    }

    static ULocale locale(String lang, Properties p) {
        return new ULocale(p.getProperty("locale", lang).replace('-', '_'));
    }

    @Test
    void the_bulletin_bundle_is_found() throws IOException {
        assertThat(bundles()).extracting(Bundle::name).contains("bulletin");
    }

    // ---- keys ----------------------------------------------------------------------------------

    @Test
    void every_language_has_exactly_the_keys_of_english() throws IOException {
        List<String> problems = new ArrayList<>();
        for (Bundle b : bundles()) {
            Set<String> en = load(b.file("en")).stringPropertyNames();
            for (String lang : b.languages()) {
                if (lang.equals("en")) continue;
                if (!Files.exists(b.file(lang))) {
                    problems.add(b.name() + ": no messages_" + lang + ".properties");
                    continue;
                }
                Set<String> other = load(b.file(lang)).stringPropertyNames();
                Set<String> missing = new TreeSet<>(en);
                missing.removeAll(other);
                Set<String> unknown = new TreeSet<>(other);
                unknown.removeAll(en);
                if (!missing.isEmpty()) problems.add(b.name() + "/" + lang + " lacks " + missing);
                if (!unknown.isEmpty()) problems.add(b.name() + "/" + lang + " has keys English lacks " + unknown);
            }
        }
        assertThat(problems).as(String.join("\n", problems)).isEmpty();
    }

    @Test
    void every_locale_is_known_to_icu_with_a_long_date() throws IOException {
        Date date = new Date(1610323200000L); // 11 January 2021, UTC
        for (Bundle b : bundles()) {
            for (String lang : b.languages()) {
                if (!Files.exists(b.file(lang))) continue;
                ULocale locale = locale(lang, load(b.file(lang)));
                assertThat(locale.getLanguage()).as(b.name() + "/" + lang + " locale").isEqualTo(lang);
                DateFormat f = DateFormat.getDateInstance(DateFormat.LONG, locale);
                f.setTimeZone(TimeZone.GMT_ZONE);
                String text = f.format(date);
                assertThat(text).as(b.name() + "/" + lang + " long date (root fallback shows M01)")
                        .contains("2021").doesNotContain("M01");
                assertThat(PluralRules.forLocale(locale).getKeywords()).as(lang + " plural rules").contains("one");
            }
        }
    }

    // ---- arguments -----------------------------------------------------------------------------

    /**
     * One argument of a pattern: its types (a name may appear more than once), its select/plural keywords,
     * and whether a plural of it prints the number ({@code #}).
     */
    record Arg(Set<MessagePattern.ArgType> types, Set<String> keywords, boolean[] counts) {
        boolean printsNumber() {
            return counts[0];
        }
    }

    /** All arguments of a pattern, nested ones included; throws if ICU cannot parse it. */
    static Map<String, Arg> arguments(String pattern) {
        MessagePattern mp = new MessagePattern(MessagePattern.ApostropheMode.DOUBLE_OPTIONAL);
        mp.parse(pattern);
        Map<String, Arg> out = new TreeMap<>();
        for (int i = 0; i < mp.countParts(); i++) {
            MessagePattern.Part part = mp.getPart(i);
            if (part.getType() != MessagePattern.Part.Type.ARG_START) continue;
            String name = mp.getSubstring(mp.getPart(i + 1));
            Arg arg = out.computeIfAbsent(name, n -> new Arg(new TreeSet<>(), new TreeSet<>(), new boolean[1]));
            arg.types().add(part.getArgType());
            if (part.getArgType().hasPluralStyle() || part.getArgType() == MessagePattern.ArgType.SELECT) {
                int limit = mp.getLimitPartIndex(i);
                if (part.getArgType().hasPluralStyle()
                        && pattern.substring(part.getLimit(), mp.getPart(limit).getIndex()).contains("#")) arg.counts()[0] = true;
                for (int j = i + 1; j < limit; j++) {
                    MessagePattern.Part p = mp.getPart(j);
                    if (p.getType() == MessagePattern.Part.Type.ARG_SELECTOR) {
                        arg.keywords().add(mp.getSubstring(p));
                        // skip an explicit value (=1) and the sub-message, nested arguments are found by the outer loop
                    }
                    if (p.getType() == MessagePattern.Part.Type.MSG_START) j = mp.getLimitPartIndex(j);
                }
            }
        }
        return out;
    }

    record Rule(String kind, String bundle, String lang, String key, Set<String> args) {
        boolean covers(String bundle, String lang, String key) {
            if (!this.bundle.equals(bundle) || (this.lang != null && !this.lang.equals(lang))) return false;
            return this.key.endsWith("*") ? key.startsWith(this.key.substring(0, this.key.length() - 1)) : this.key.equals(key);
        }
    }

    static List<Rule> argumentRules() throws IOException {
        List<Rule> rules = new ArrayList<>();
        for (String line : Files.readAllLines(Path.of("src/test/resources/i18n/arguments.txt"), StandardCharsets.UTF_8)) {
            if (line.isBlank() || line.startsWith("#")) continue;
            String[] f = line.split("\t");
            Set<String> args = Set.of(f[f.length - 1].split(","));
            if (f[0].equals("extra") && f.length == 4) rules.add(new Rule("extra", f[1], null, f[2], args));
            else if (f[0].equals("omit") && f.length == 5) rules.add(new Rule("omit", f[1], f[2], f[3], args));
            else throw new IllegalStateException("bad line in i18n/arguments.txt: " + line);
        }
        return rules;
    }

    static Set<String> allowed(List<Rule> rules, String kind, String bundle, String lang, String key) {
        return rules.stream().filter(r -> r.kind().equals(kind) && r.covers(bundle, lang, key))
                .flatMap(r -> r.args().stream()).collect(Collectors.toSet());
    }

    @Test
    void every_pattern_parses_and_has_the_arguments_and_plural_categories_it_should() throws IOException {
        List<Rule> rules = argumentRules();
        List<String> problems = new ArrayList<>();
        for (Bundle b : bundles()) {
            Properties en = load(b.file("en"));
            for (String lang : b.languages()) {
                if (!Files.exists(b.file(lang))) continue;
                Properties p = load(b.file(lang));
                Set<String> categories = PluralRules.forLocale(locale(lang, p)).getKeywords();
                for (String key : new TreeSet<>(p.stringPropertyNames())) {
                    String where = b.name() + "/" + lang + ":" + key;
                    Map<String, Arg> args;
                    try {
                        args = arguments(p.getProperty(key));
                        new MessageFormat(p.getProperty(key), locale(lang, p));
                    } catch (RuntimeException e) {
                        problems.add(where + " does not parse: " + e.getMessage());
                        continue;
                    }
                    // plural keywords: only this language's CLDR categories (or =N), "other" always, and all of
                    // them where the number is printed with a noun (#); a verb may well have fewer forms
                    args.forEach((name, arg) -> {
                        if (!arg.types().contains(MessagePattern.ArgType.PLURAL)) return;
                        Set<String> words = arg.keywords().stream().filter(w -> !w.startsWith("=")).collect(Collectors.toSet());
                        if (!categories.containsAll(words)) problems.add(where + " {" + name + "} uses plural categories "
                                + words + "; " + lang + " has " + categories);
                        if (!words.contains("other")) problems.add(where + " {" + name + "} has no plural case other");
                        if (arg.printsNumber() && !words.containsAll(categories)) problems.add(where + " {" + name + "} lacks plural categories of "
                                + lang + ": has " + words + ", needs " + categories);
                    });
                    if (lang.equals("en") || !en.containsKey(key)) continue;
                    Map<String, Arg> ref = arguments(en.getProperty(key));
                    Map<String, Arg> used = caseless(args, ref);
                    Set<String> extra = new TreeSet<>(used.keySet());
                    extra.removeAll(ref.keySet());
                    extra.removeAll(allowed(rules, "extra", b.name(), lang, key));
                    Set<String> missing = new TreeSet<>(ref.keySet());
                    missing.removeAll(used.keySet());
                    missing.removeAll(allowed(rules, "omit", b.name(), lang, key));
                    if (!extra.isEmpty()) problems.add(where + " uses arguments English does not: " + extra);
                    if (!missing.isEmpty()) problems.add(where + " lacks arguments of English: " + missing);
                    ref.forEach((name, r) -> {
                        Arg a = used.get(name);
                        if (a == null) return;
                        if (!a.types().equals(r.types())) problems.add(where + " {" + name + "} is " + a.types()
                                + " but in English " + r.types());
                        if (r.types().contains(MessagePattern.ArgType.SELECT) && !a.keywords().containsAll(r.keywords())) {
                            problems.add(where + " {" + name + "} select lacks cases of English: has " + a.keywords()
                                    + ", English " + r.keywords());
                        }
                    });
                }
            }
        }
        assertThat(problems).as(String.join("\n", problems)).isEmpty();
    }

    static final Pattern DECLINED = Pattern.compile("(.+)_(" + String.join("|", org.truce.catalog.Source.FORMS) + ")");

    /**
     * The arguments with each declined source name ({@code source_gen}, see {@link SourceNames}) counted as
     * the name it declines, when English uses that name: a language may pick any case of it.
     */
    static Map<String, Arg> caseless(Map<String, Arg> args, Map<String, Arg> english) {
        Map<String, Arg> out = new TreeMap<>();
        args.forEach((name, arg) -> {
            Matcher m = DECLINED.matcher(name);
            String base = m.matches() && english.containsKey(m.group(1)) ? m.group(1) : name;
            Arg merged = out.computeIfAbsent(base, n -> new Arg(new TreeSet<>(), new TreeSet<>(), new boolean[1]));
            merged.types().addAll(arg.types());
            merged.keywords().addAll(arg.keywords());
            merged.counts()[0] |= arg.printsNumber();
        });
        return out;
    }

    // ---- formatting with sample arguments ------------------------------------------------------

    static final List<Object> NUMBERS = List.of(0, 1, 2, 3, 5, 11, 21, 22, 101, new BigDecimal("479.2"), 48241);
    static final int PROBE = 48241;

    static boolean numeric(Arg a) {
        for (MessagePattern.ArgType t : a.types()) if (t != MessagePattern.ArgType.NONE && t != MessagePattern.ArgType.SELECT) return true;
        return false;
    }

    /** Sample argument sets: every number above for numeric arguments, every select case in turn. */
    static List<Map<String, Object>> samples(Map<String, Arg> args) {
        int cases = 1;
        for (Arg a : args.values()) if (a.types().contains(MessagePattern.ArgType.SELECT)) cases = Math.max(cases, a.keywords().size());
        List<Map<String, Object>> out = new ArrayList<>();
        for (Object number : NUMBERS) {
            for (int c = 0; c < cases; c++) {
                Map<String, Object> m = new HashMap<>();
                for (Map.Entry<String, Arg> e : args.entrySet()) {
                    Arg a = e.getValue();
                    if (numeric(a)) m.put(e.getKey(), number);
                    else if (a.types().contains(MessagePattern.ArgType.SELECT)) {
                        List<String> words = new ArrayList<>(a.keywords());
                        m.put(e.getKey(), words.get(c % words.size()));
                    } else m.put(e.getKey(), "«" + e.getKey() + "»");
                }
                out.add(m);
            }
        }
        return out;
    }

    @Test
    void every_pattern_formats_with_sample_arguments_and_keeps_the_number() throws IOException {
        List<String> problems = new ArrayList<>();
        for (Bundle b : bundles()) {
            Properties en = load(b.file("en"));
            for (String lang : b.languages()) {
                if (!Files.exists(b.file(lang))) continue;
                Properties p = load(b.file(lang));
                ULocale locale = locale(lang, p);
                String probe = NumberFormat.getInstance(locale).format(PROBE);
                String enProbe = NumberFormat.getInstance(locale("en", en)).format(PROBE);
                for (String key : new TreeSet<>(p.stringPropertyNames())) {
                    String where = b.name() + "/" + lang + ":" + key;
                    Map<String, Arg> args;
                    try {
                        args = arguments(p.getProperty(key));
                    } catch (RuntimeException e) {
                        continue; // reported by the parsing test
                    }
                    // arguments English has but this language omits are still supplied, as the code does
                    Map<String, Arg> all = new LinkedHashMap<>(args);
                    if (en.containsKey(key)) arguments(en.getProperty(key)).forEach(all::putIfAbsent);
                    for (Map<String, Object> sample : samples(all)) {
                        try {
                            String text = new MessageFormat(p.getProperty(key), locale).format(sample);
                            if (text.contains("{") || text.contains("}")) problems.add(where + " left a brace: " + text);
                            if (sample.containsValue(PROBE) && en.containsKey(key)) {
                                String enText = new MessageFormat(en.getProperty(key), locale("en", en)).format(sample);
                                if (enText.contains(enProbe) && !text.contains(probe)) {
                                    problems.add(where + " drops the number (" + probe + "): " + text);
                                }
                            }
                        } catch (RuntimeException e) {
                            problems.add(where + " fails with " + sample + ": " + e);
                        }
                    }
                }
            }
        }
        assertThat(problems).as(String.join("\n", problems.stream().distinct().toList())).isEmpty();
    }

    // ---- loaded words --------------------------------------------------------------------------

    record Stem(String lang, String stem, Pattern pattern) {}

    /** The stems of {@code i18n/loaded-words.txt}, each matched at the start of a word. */
    static List<Stem> loadedWords() throws IOException {
        List<Stem> out = new ArrayList<>();
        for (String line : Files.readAllLines(Path.of("src/test/resources/i18n/loaded-words.txt"), StandardCharsets.UTF_8)) {
            if (line.isBlank() || line.startsWith("#")) continue;
            String[] f = line.split("\t");
            if (f.length != 2) throw new IllegalStateException("bad line in i18n/loaded-words.txt: " + line);
            String stem = normalise(f[1].strip());
            out.add(new Stem(f[0], stem, Pattern.compile("(?<![\\p{L}\\p{M}])" + Pattern.quote(stem))));
        }
        return out;
    }

    /** Lower case without a locale's quirks: the dot of Turkic İ is dropped, so İşğal and işğal match alike. */
    static String normalise(String text) {
        return text.toLowerCase(Locale.ROOT).replace("\u0307", "");
    }

    /** The loaded words found in {@code text}, as lang:stem. */
    static List<String> loadedIn(String text, List<Stem> stems) {
        String t = normalise(text);
        return stems.stream().filter(s -> s.pattern().matcher(t).find()).map(s -> s.lang() + ":" + s.stem()).toList();
    }

    @Test
    void the_loaded_word_list_covers_every_language() throws IOException {
        assertThat(loadedWords().stream().map(Stem::lang).collect(Collectors.toSet())).containsAll(LANGUAGES);
        List<Stem> stems = loadedWords();
        // the matcher itself: inflections and capitals are caught, words that merely contain a stem are not
        assertThat(loadedIn("Освобождённые земли", stems)).contains("ru:освобож");
        assertThat(loadedIn("İŞĞAL olunmuş", stems)).contains("az:işğal");
        assertThat(loadedIn("Das besetzte Gebiet", stems)).contains("de:besetz");
        assertThat(loadedIn("preoccupied", stems)).isEmpty();
    }

    @Test
    void no_message_of_any_bundle_uses_a_loaded_word_of_any_language() throws IOException {
        List<Stem> stems = loadedWords();
        List<String> problems = new ArrayList<>();
        for (Bundle b : bundles()) {
            for (String lang : b.languages()) {
                if (!Files.exists(b.file(lang))) continue;
                Properties p = load(b.file(lang));
                for (String key : new TreeSet<>(p.stringPropertyNames())) {
                    List<String> found = loadedIn(p.getProperty(key), stems);
                    if (!found.isEmpty()) problems.add(b.name() + "/" + lang + ":" + key + " uses " + found);
                }
            }
        }
        assertThat(problems).as(String.join("\n", problems)).isEmpty();
    }

    @Test
    void no_template_uses_a_loaded_word_of_any_language() throws IOException {
        if (!Files.isDirectory(TEMPLATES)) return;
        List<Stem> stems = loadedWords();
        List<String> problems = new ArrayList<>();
        try (Stream<Path> files = Files.walk(TEMPLATES)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".jte")).sorted().toList()) {
                List<String> found = loadedIn(Files.readString(f, StandardCharsets.UTF_8), stems);
                if (!found.isEmpty()) problems.add(f + " uses " + found);
            }
        }
        assertThat(problems).as(String.join("\n", problems)).isEmpty();
    }
}
