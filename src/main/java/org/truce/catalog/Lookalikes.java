package org.truce.catalog;

import com.ibm.icu.text.SpoofChecker;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The names and ids of one kind of catalog item (sources, or places) held by their confusable
 * skeleton (Unicode TS #39 §4, ICU's {@link SpoofChecker#getSkeleton}), so that a new item that looks
 * like another one can be told apart before it enters the record: "ІСRС" in Cyrillic letters, or
 * "ICRC" with a zero-width space, reads as the ICRC. An id is compared with ids, a name with names in
 * every language (an attacker writes the lookalike in another language's field).
 * <p>
 * Two sources may not share a name, even byte for byte: a bulletin line names its source by name
 * alone. Two places may: units of different administrations over the same ground carry the same
 * name (the province and the town of Shushi), so places clash only on names that look the same
 * without being the same. An item never clashes with itself, so a place keeps every side's names
 * and a retried declaration passes.
 * <p>
 * Build ({@link #hold}), then ask ({@link #clashes}); not thread-safe.
 */
public final class Lookalikes {
    /** Built once: loading the confusables data is the expensive part; an immutable checker is shared. */
    private static final SpoofChecker SKELETONS = new SpoofChecker.Builder().setChecks(SpoofChecker.CONFUSABLE).build();

    /**
     * One name or id of an item.
     *
     * @param owner the item's id
     * @param field where the text stands in the item, as a JSON pointer ("/id", "/names/ru", "/names/2/name")
     * @param where the item, as a reader of a refusal knows it ("source icrc", "place nk declared at /0")
     */
    public record Name(String owner, String field, String text, String where) {}

    /** A new item's name that looks like another item's. */
    public record Clash(Name added, Name held) {
        /** The reason for the field of the new item. */
        public String reason() {
            String same = added.text().equals(held.text()) ? "is the same as" : "looks the same as";
            return same + " \"" + held.text() + "\", the " + what(held.field()) + " of " + held.where()
                    + " (Unicode TS #39 confusable skeleton); a reader could not tell the two apart";
        }

        private static String what(String field) {
            if (field.equals("/id")) return "id";
            String[] parts = field.split("/");
            return parts.length == 3 && parts[1].equals("names") && !parts[2].matches("[0-9]+") ? parts[2] + " name" : "name";
        }
    }

    private final boolean sameTextClashes;
    private final Map<String, List<Name>> bySkeleton = new HashMap<>();

    private Lookalikes(boolean sameTextClashes) {
        this.sameTextClashes = sameTextClashes;
    }

    /** Sources: any two that look alike clash, identical names included. */
    public static Lookalikes ofSources(List<Source> held) {
        Lookalikes out = new Lookalikes(true);
        for (Source s : held) out.hold(names(s, "source " + s.id()));
        return out;
    }

    /** Places: names that look alike without being the same clash; identical names of different places do not. */
    public static Lookalikes ofPlaces(List<Place> held) {
        Lookalikes out = new Lookalikes(false);
        for (Place p : held) out.hold(names(p, "place " + p.id()));
        return out;
    }

    /** The id and every name of a source, in every language. */
    public static List<Name> names(Source s, String where) {
        List<Name> out = new ArrayList<>();
        out.add(new Name(s.id(), "/id", s.id(), where));
        s.names().forEach((lang, name) -> out.add(new Name(s.id(), "/names/" + lang, name, where)));
        return out;
    }

    /** The id and every name of a place, of every side and language. */
    public static List<Name> names(Place p, String where) {
        List<Name> out = new ArrayList<>();
        out.add(new Name(p.id(), "/id", p.id(), where));
        for (int i = 0; i < p.names().size(); i++) out.add(new Name(p.id(), "/names/" + i + "/name", p.names().get(i).name(), where));
        return out;
    }

    public void hold(List<Name> names) {
        for (Name n : names) bySkeleton.computeIfAbsent(key(n), k -> new ArrayList<>()).add(n);
    }

    /** Each of {@code names} (one item's) that looks like a held name of another item, with the first such name. */
    public List<Clash> clashes(List<Name> names) {
        List<Clash> out = new ArrayList<>();
        for (Name n : names) {
            for (Name held : bySkeleton.getOrDefault(key(n), List.of())) {
                if (held.owner().equals(n.owner())) continue;
                if (!sameTextClashes && held.text().equals(n.text())) continue;
                out.add(new Clash(n, held));
                break;
            }
        }
        return out;
    }

    /** Ids are compared with ids only, names with names. */
    private static String key(Name n) {
        return (n.field().equals("/id") ? "id\u0000" : "name\u0000") + skeleton(n.text());
    }

    /** The confusable skeleton of UTS #39 §4 (NFD, default ignorables removed, each character's prototype). */
    public static String skeleton(String s) {
        return SKELETONS.getSkeleton(s);
    }
}
