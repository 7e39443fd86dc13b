package org.truce.catalog;

import java.util.List;
import java.util.Map;

/**
 * What is counted: its unit and the breakdowns (parts of the whole, such as children) a report may
 * give. Immutable.
 */
public record Metric(String id, String unit, List<String> breakdowns, Map<String, String> names) {
    public Metric {
        breakdowns = List.copyOf(breakdowns);
        names = Map.copyOf(names);
    }

    public String name(String lang) {
        return Names.pick(names, lang, id);
    }
}
