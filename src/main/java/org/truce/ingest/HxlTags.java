package org.truce.ingest;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * The report field an HXL 1.1 hashtag names (https://hxlstandard.org/standard/1-1final/): the tags
 * Truce's own CSV exports write ({@code #indicator+code}, {@code #indicator+value+num},
 * {@code #adm1+code}, {@code #meta+source}, {@code #meta+document+title} ...) and the common ones of
 * other tools ({@code #affected+returned}, {@code #date+reported}, {@code #adm1+name}, {@code #org+name}).
 * Attributes are unordered; language attributes ({@code +i_ru}) are ignored. Stateless.
 */
public final class HxlTags {
    private HxlTags() {}

    /** Whether a cell is a hashtag, as a tag row's cells are. */
    public static boolean isTag(String cell) {
        return cell.trim().matches("#[A-Za-z][A-Za-z0-9_]*(\\s*\\+\\s*[A-Za-z][A-Za-z0-9_]*)*");
    }

    /** The field the tag names, or empty for a tag of something an import does not read (#date+known, #meta+seq). */
    public static Optional<String> field(String tag) {
        String t = tag.trim().toLowerCase(Locale.ROOT).replaceAll("\\s+", "");
        if (!t.startsWith("#")) return Optional.empty();
        String[] parts = t.substring(1).split("\\+");
        String base = parts[0];
        Set<String> attrs = new TreeSet<>(Arrays.asList(parts).subList(1, parts.length));
        attrs.removeIf(a -> a.startsWith("i_"));
        return Optional.ofNullable(switch (base) {
            case "date" -> date(attrs);
            case "indicator" -> indicator(attrs);
            case "affected", "reached", "value" -> "value";
            case "adm1", "adm2", "adm3", "adm4", "loc" -> attrs.contains("zone") ? null : "place";
            case "org" -> attrs.isEmpty() || attrs.contains("name") || attrs.contains("code") || attrs.contains("source") ? "source" : null;
            case "meta" -> meta(attrs);
            default -> null;
        });
    }

    private static String date(Set<String> attrs) {
        if (attrs.contains("start") || attrs.contains("since")) return "since";
        if (attrs.isEmpty() || attrs.equals(Set.of("reported"))) return "asOf";
        if (attrs.contains("document")) return "document.date";
        return null; // known, recorded, deadline ...
    }

    private static String indicator(Set<String> attrs) {
        if (attrs.contains("code") || attrs.contains("name")) return "metric";
        if (attrs.contains("value") || attrs.contains("num")) {
            Set<String> rest = new TreeSet<>(attrs);
            rest.removeAll(Set.of("value", "num"));
            return rest.isEmpty() ? "value" : rest.size() == 1 ? "breakdown." + rest.iterator().next() : null;
        }
        return null;
    }

    private static String meta(Set<String> attrs) {
        if (attrs.contains("document")) {
            for (String part : new String[] {"title", "publisher", "date", "url"}) if (attrs.contains(part)) return "document." + part;
            return null;
        }
        if (attrs.size() != 1) return null;
        return switch (attrs.iterator().next()) {
            case "source" -> "source";
            case "qualifier" -> "qualifier";
            case "kind" -> "kind";
            case "attribution" -> "attribution";
            case "attribution_kind" -> "attributionKind";
            case "attribution_lang" -> "attributionLang";
            case "as_of_precision" -> "asOfPrecision";
            case "since" -> "since";
            case "id" -> "id";
            default -> null;
        };
    }
}
