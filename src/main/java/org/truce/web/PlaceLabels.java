package org.truce.web;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.truce.catalog.Place;
import org.truce.catalog.PlaceNames;
import org.truce.web.desk.Choice;

/**
 * The labels of places in the desk's pickers: each place's display name (every side's name when the
 * sides name it differently, "Shusha / Shushi", never one side's alone, and a side's name the display
 * name leaves out: "Lachin (also: Berdzor)"), its kind, its parent, and the administration whose unit
 * it is when its parent does not already say so ("Shusha — district, Azerbaijan (administration: …)").
 * Units of two administrations that share names are two places; the kind, parent and administration
 * tell them apart, and should two labels still be the same, each is followed by its id. Stateless.
 */
final class PlaceLabels {
    private PlaceLabels() {}

    /** The choices for {@code places}, in their order; {@code sourceName} names an administration. */
    static List<Choice> of(List<Place> places, Ui ui, Function<String, String> sourceName) {
        Map<String, Place> byId = new HashMap<>();
        places.forEach(p -> byId.put(p.id(), p));
        List<String> labels = new ArrayList<>();
        Map<String, Integer> uses = new HashMap<>();
        for (Place p : places) {
            String label = label(p, byId.get(p.parent()), ui, sourceName);
            labels.add(label);
            uses.merge(label, 1, Integer::sum);
        }
        List<Choice> out = new ArrayList<>();
        for (int i = 0; i < places.size(); i++) {
            String label = labels.get(i);
            String id = places.get(i).id();
            out.add(new Choice(id, uses.get(label) > 1 ? ui.t("desk.pick.id", "label", label, "id", id) : label));
        }
        return List.copyOf(out);
    }

    static String label(Place p, Place parent, Ui ui, Function<String, String> sourceName) {
        String kindKey = "desk.placeKind." + p.kind();
        String kind = ui.has(kindKey) ? ui.t(kindKey) : p.kind();
        String name = p.displayName(ui.lang());
        List<String> also = new ArrayList<>();
        for (PlaceNames.Named n : PlaceNames.named(p.names(), ui.lang())) {
            // a side's name the display name leaves out (it shows the name all use) is still one to find the place by
            if (!n.common() && !name.contains(n.name()) && !also.contains(n.name())) also.add(n.name());
        }
        if (!also.isEmpty()) name = ui.t("desk.pick.also", "name", name, "others", String.join(", ", also));
        String label = ui.t("desk.pick.place", "name", name, "kind", kind);
        if (p.parent() != null) {
            label = ui.t("desk.pick.parent", "label", label, "parent", parent == null ? p.parent() : parent.displayName(ui.lang()));
        }
        // the parent's administration is the child's, unless it says otherwise
        boolean sameAsParent = parent != null && p.administration() != null && p.administration().equals(parent.administration());
        if (p.administration() != null && !sameAsParent) {
            label = ui.t("desk.pick.administration", "label", label, "administration", sourceName.apply(p.administration()));
        }
        return label;
    }
}
