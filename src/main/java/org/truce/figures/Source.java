package org.truce.figures;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A body that reports. Its figures speak in its name; {@code reportsOn} lists the metrics it is known
 * to report on, so that silence ("no report") can be shown rather than hidden. Immutable.
 *
 * @param names name per language as it reads in running text
 * @param partOf the body it belongs to (a ministry's government), or null
 */
public record Source(String id, Set<Role> roles, String partOf, Map<String, String> names, List<String> reportsOn) {
    public Source {
        roles = Set.copyOf(roles);
        names = Map.copyOf(names);
        reportsOn = List.copyOf(reportsOn);
    }

    public String name(String lang) {
        return Names.pick(names, lang, id);
    }
}
