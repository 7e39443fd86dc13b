package org.truce.web;

import com.ibm.icu.text.ListFormatter;
import com.ibm.icu.util.ULocale;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.function.Function;
import org.truce.figures.PlaceName;

/**
 * What a feature is called, for a reader of one language: the name all sides use when there is one
 * (else every name of that language, side by side), and each other name with the bodies that use it.
 * No side's name is ever shown alone as if it were everyone's. Names of the reader's language, else
 * English, else all. Immutable.
 */
public record SideNames(String shown, List<String> others) {

    static SideNames of(List<PlaceName> names, Ui ui, Function<String, String> bodyName) {
        List<PlaceName> in = in(names, ui.lang());
        if (in.isEmpty()) in = in(names, "en");
        if (in.isEmpty()) in = names;
        PlaceName common = in.stream().filter(PlaceName::common).findFirst().orElse(null);
        String shown = common != null ? common.name()
                : String.join(" / ", new TreeSet<>(in.stream().map(PlaceName::name).toList()));
        ListFormatter list = ListFormatter.getInstance(new ULocale(ui.lang()));
        List<String> others = new ArrayList<>();
        for (PlaceName n : in) {
            if (n.common()) continue;
            String bodies = list.format(n.usedBy().stream().map(bodyName).toList());
            others.add(ui.t("map.names.usedBy", "name", n.name(), "bodies", bodies));
        }
        return new SideNames(shown, List.copyOf(others));
    }

    private static List<PlaceName> in(List<PlaceName> names, String lang) {
        return names.stream().filter(n -> n.lang().equals(lang)).toList();
    }
}
