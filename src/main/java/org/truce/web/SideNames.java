package org.truce.web;

import com.ibm.icu.text.ListFormatter;
import com.ibm.icu.util.ULocale;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.truce.catalog.PlaceName;
import org.truce.catalog.PlaceNames;

/**
 * What a feature is called, for a reader of one language: the display name of {@link PlaceNames}
 * (the name all sides use, else every side's name), and each side's name with the bodies that use it.
 * No side's name is ever shown alone as if it were everyone's. Immutable.
 */
public record SideNames(String shown, List<String> others) {

    static SideNames of(List<PlaceName> names, String fallback, Ui ui, Function<String, String> bodyName) {
        ListFormatter list = ListFormatter.getInstance(new ULocale(ui.lang()));
        List<String> others = new ArrayList<>();
        for (PlaceNames.Named n : PlaceNames.named(names, ui.lang())) {
            if (n.common()) continue;
            String bodies = list.format(n.usedBy().stream().map(bodyName).toList());
            others.add(ui.t("map.names.usedBy", "name", n.name(), "bodies", bodies));
        }
        return new SideNames(PlaceNames.display(names, ui.lang(), fallback), List.copyOf(others));
    }
}
