package org.truce.places;

import java.util.ArrayList;
import java.util.List;
import org.locationtech.jts.geom.Coordinate;

/**
 * Where {@link PointClassifier#classify(double, double, Classification)} writes its answer, reused
 * from position to position so that classifying allocates nothing. Mutable: one per thread.
 */
public final class Classification {
    private final PointClassifier classifier;
    final int[] zones;
    final double[] km = {Double.NaN};
    final Coordinate at = new Coordinate();
    int zoneCount;
    int site = -1;

    Classification(PointClassifier classifier, int zones) {
        this.classifier = classifier;
        this.zones = new int[zones];
    }

    /** How many zones cover the position. */
    public int zoneCount() {
        return zoneCount;
    }

    /** The i-th covering zone (0 ≤ i < {@link #zoneCount()}) as its index in {@link PointClassifier#zones()}. */
    public int zoneIndex(int i) {
        if (i < 0 || i >= zoneCount) throw new IndexOutOfBoundsException(i);
        return zones[i];
    }

    /** The covering zones' feature ids, in record order. */
    public List<String> zones() {
        List<String> out = new ArrayList<>(zoneCount);
        for (int i = 0; i < zoneCount; i++) out.add(classifier.zoneId(zones[i]));
        return List.copyOf(out);
    }

    /** The nearest heritage site's feature id, or null when the map has none. */
    public String site() {
        return site < 0 ? null : classifier.siteId(site);
    }

    /** The geodesic distance to the nearest heritage site in km, or NaN when the map has none. */
    public double km() {
        return km[0];
    }
}
