package org.truce.bulletin;

import java.util.List;
import java.util.Optional;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.truce.catalog.Source;

/**
 * Puts a source's name into a message's arguments in every grammatical form the catalog holds for the
 * message's language: {@code X} is the nominative, {@code X_gen}, {@code X_dat}, ... (one per
 * {@link Source#FORMS}) the declined forms, each reading as the nominative where the catalog has no
 * such form. A pattern then picks the case its sentence needs ("по данным {source_gen}", "nach Angaben
 * {source_gen}") and never puts a name in quotes after a generic "source". Stateless.
 */
public final class SourceNames {
    /** The separator of a list of bodies (names may themselves hold commas and "and"). */
    public static final String LIST_SEPARATOR = "; ";

    private SourceNames() {}

    /** {@code arg} and {@code arg_<form>} for one source. */
    public static void put(Map<String, Object> args, String arg, Source source, Messages m) {
        args.put(arg, source.name(m.lang()));
        for (String form : Source.FORMS) args.put(arg + "_" + form, source.name(m.lang(), form));
    }

    /** As {@link #put(Map, String, Source, Messages)}, for a source id the catalog may not hold (then the id in every form). */
    public static void put(Map<String, Object> args, String arg, String id, Function<String, Optional<Source>> catalog,
            Messages m) {
        var source = catalog.apply(id);
        if (source.isPresent()) {
            put(args, arg, source.get(), m);
            return;
        }
        args.put(arg, id);
        for (String form : Source.FORMS) args.put(arg + "_" + form, id);
    }

    /** {@code arg} and {@code arg_<form>} for a list of sources, each form joined by {@link #LIST_SEPARATOR}. */
    public static void putList(Map<String, Object> args, String arg, List<Source> sources, Messages m) {
        args.put(arg, sources.stream().map(s -> s.name(m.lang())).collect(Collectors.joining(LIST_SEPARATOR)));
        for (String form : Source.FORMS) {
            args.put(arg + "_" + form, sources.stream().map(s -> s.name(m.lang(), form)).collect(Collectors.joining(LIST_SEPARATOR)));
        }
    }

    /** As {@link #putList(Map, String, List, Messages)}, for source ids; an id the catalog lacks reads as itself. */
    public static void putList(Map<String, Object> args, String arg, List<String> ids, Function<String, Optional<Source>> catalog,
            Messages m) {
        List<Optional<Source>> sources = ids.stream().map(catalog).toList();
        args.put(arg, join(ids, sources, s -> s.name(m.lang())));
        for (String form : Source.FORMS) args.put(arg + "_" + form, join(ids, sources, s -> s.name(m.lang(), form)));
    }

    private static String join(List<String> ids, List<Optional<Source>> sources, Function<Source, String> name) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < ids.size(); i++) {
            if (i > 0) out.append(LIST_SEPARATOR);
            out.append(sources.get(i).map(name).orElse(ids.get(i)));
        }
        return out.toString();
    }
}
