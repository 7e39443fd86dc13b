package org.truce.extract;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.truce.catalog.Alias;
import org.truce.catalog.Place;
import org.truce.catalog.PlaceName;
import org.truce.catalog.Source;

/**
 * The names a text may use for the catalog's sources or places: every name in every language, a
 * source's grammatical forms, and the alias table. Finds them in a sentence as whole words, longest
 * first, so "the State Service of Emergency Situations of Artsakh" is one source, not a place inside
 * it. Immutable; thread-safe.
 */
final class Gazetteer {
    /** A name found in a sentence: where (in the sentence's normal form), the words, and every id it names. */
    record Mention(int start, int end, String words, Set<String> ids) {}

    private static final java.util.regex.Pattern ACRONYM = java.util.regex.Pattern.compile("\\((\\p{Lu}{2,10})\\)");
    private final Map<String, Set<String>> names = new HashMap<>();
    private final List<String> longestFirst;

    private Gazetteer(Map<String, Set<String>> names) {
        this.names.putAll(names);
        this.longestFirst = names.keySet().stream().sorted(Comparator.comparingInt(String::length).reversed()).toList();
    }

    static Gazetteer sources(Collection<Source> sources, Collection<Alias> aliases) {
        Map<String, Set<String>> n = new HashMap<>();
        for (Source s : sources) {
            s.names().values().forEach(name -> add(n, name, s.id()));
            s.forms().values().forEach(f -> f.values().forEach(name -> add(n, name, s.id())));
        }
        for (Alias a : aliases) if (a.kind() == Alias.Kind.SOURCE) add(n, a.label(), a.id());
        return new Gazetteer(n);
    }

    static Gazetteer places(Collection<Place> places, Collection<Alias> aliases) {
        Map<String, Set<String>> n = new HashMap<>();
        for (Place p : places) for (PlaceName name : p.names()) add(n, name.name(), p.id());
        for (Alias a : aliases) if (a.kind() == Alias.Kind.PLACE) add(n, a.label(), a.id());
        return new Gazetteer(n);
    }

    private static void add(Map<String, Set<String>> n, String name, String id) {
        // an acronym in parentheses is a name of its own: "... for Mine Action (ANAMA)"
        java.util.regex.Matcher acronym = ACRONYM.matcher(name);
        if (acronym.find()) n.computeIfAbsent(Folded.of(Alias.normal(acronym.group(1))), k -> new TreeSet<>()).add(id);
        String key = Folded.of(Alias.normal(name));
        // words in parentheses explain ("Russia (the carrier names no body)", "Artsakh (Nagorno-Karabakh)
        // State Service ..."): the name is what stands around them, never the words before them alone
        // (the name's normal form has lost a closing parenthesis at its end)
        key = key.replaceAll("\\s*\\([^)]*(?:\\)|$)", "").strip();
        if (key.length() < 2) return;
        n.computeIfAbsent(key, k -> new TreeSet<>()).add(id);
        if (key.startsWith("the ")) n.computeIfAbsent(key.substring(4), k -> new TreeSet<>()).add(id);
    }

    /**
     * Every name found in a folded sentence, inflected as {@code lang} inflects ({@link Inflection}),
     * none overlapping a longer name found first.
     */
    List<Mention> find(String folded, String lang) {
        List<Mention> found = new ArrayList<>();
        boolean[] taken = new boolean[folded.length()];
        for (Entry e : entries(lang)) {
            if (!folded.contains(e.head())) continue;
            java.util.regex.Matcher m = e.pattern().matcher(folded);
            while (m.find()) {
                if (anyTaken(taken, m.start(), m.end())) continue;
                for (int i = m.start(); i < m.end(); i++) taken[i] = true;
                found.add(new Mention(m.start(), m.end(), e.name(), names.get(e.name())));
            }
        }
        found.sort(Comparator.comparingInt(Mention::start));
        return found;
    }

    /** A name with its pattern in one language, and the first letters every form of it shares (a cheap test before the pattern). */
    private record Entry(String name, java.util.regex.Pattern pattern, String head) {}

    private final Map<String, List<Entry>> byLang = new java.util.concurrent.ConcurrentHashMap<>();

    private List<Entry> entries(String lang) {
        return byLang.computeIfAbsent(lang, l -> {
            List<Entry> out = new ArrayList<>();
            for (String name : longestFirst) {
                String head = name.substring(0, Math.min(3, name.length()));
                out.add(new Entry(name, Inflection.of(name, l), head));
            }
            return List.copyOf(out);
        });
    }

    private static boolean anyTaken(boolean[] taken, int from, int to) {
        for (int i = from; i < to; i++) if (taken[i]) return true;
        return false;
    }
}
