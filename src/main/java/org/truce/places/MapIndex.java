package org.truce.places;

import java.util.List;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.index.strtree.STRtree;

/**
 * An STRtree over every geometry version of one projection version (the versions recorded so far):
 * envelope candidates only; callers decide with prepared predicates and geodesic distances. Built
 * once, then read by any number of threads.
 */
final class MapIndex {
    private final STRtree tree;
    private final int size;

    private MapIndex(STRtree tree, int size) {
        this.tree = tree;
        this.size = size;
    }

    static MapIndex build(List<Drawn> drawn) {
        STRtree tree = new STRtree();
        for (Drawn d : drawn) tree.insert(d.version().geometry().getEnvelopeInternal(), d);
        tree.build();
        return new MapIndex(tree, drawn.size());
    }

    int size() {
        return size;
    }

    @SuppressWarnings("unchecked")
    List<Drawn> candidates(Envelope search) {
        return (List<Drawn>) tree.query(search);
    }
}
