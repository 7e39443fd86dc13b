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
        String key = Alias.normal(name);
        // a name in parentheses explains ("Russia (the carrier names no body)"): the words before it are the name
        int paren = key.indexOf(" (");
        if (paren > 0) key = key.substring(0, paren);
        if (key.length() < 2) return;
        n.computeIfAbsent(key, k -> new TreeSet<>()).add(id);
        if (key.startsWith("the ")) n.computeIfAbsent(key.substring(4), k -> new TreeSet<>()).add(id);
    }

    /** Every name found in {@code normal} (a sentence in normal form), none overlapping a longer one found first. */
    List<Mention> find(String normal) {
        List<Mention> found = new ArrayList<>();
        boolean[] taken = new boolean[normal.length()];
        for (String name : longestFirst) {
            int from = 0;
            while (true) {
                int at = normal.indexOf(name, from);
                if (at < 0) break;
                int end = at + name.length();
                from = at + 1;
                if (!Words.boundary(normal, at, end) || anyTaken(taken, at, end)) continue;
                for (int i = at; i < end; i++) taken[i] = true;
                found.add(new Mention(at, end, name, names.get(name)));
            }
        }
        found.sort(Comparator.comparingInt(Mention::start));
        return found;
    }

    private static boolean anyTaken(boolean[] taken, int from, int to) {
        for (int i = from; i < to; i++) if (taken[i]) return true;
        return false;
    }
}
