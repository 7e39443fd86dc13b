package org.truce.catalog;

import java.util.List;

/** One name of a place in one language, with who uses it ("common" when all do). Immutable. */
public record PlaceName(String lang, String name, List<String> usedBy) {
    public static final String COMMON = "common";

    public PlaceName {
        usedBy = List.copyOf(usedBy);
    }

    public boolean common() {
        return usedBy.contains(COMMON);
    }
}
