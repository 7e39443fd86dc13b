package org.truce.places;

import org.truce.catalog.FeatureKind;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Point;

/**
 * The map of one day, as known at one ledger size, compiled for classifying many positions: which
 * zones (features of kind zone, every class) cover a position, and which heritage site is nearest to
 * it, geodesically. The answers are those of {@link MapBook#containing} and {@link MapBook#nearest}
 * (covering is decided in lon/lat; distance on WGS84), without their per-query index walk and
 * densified projection. See {@link ZoneCells} and {@link SiteCells} for why each answer is exact.
 *
 * <p>Build once, then classify from any number of threads; each thread passes its own
 * {@link Classification} to the allocation-free {@link #classify(double, double, Classification)}.
 * It does not follow later entries: build another for another day or ledger size.
 */
public final class PointClassifier {
    /** Sites are indexed finely over the zones' and sites' extent widened by this share of its size each side. */
    private static final double SITE_GRID_MARGIN = 0.5;

    private final List<Drawn> zones;
    private final List<Drawn> sites;
    private final ZoneCells zoneCells;
    private final SiteCells siteCells;
    private final int vertices;

    /** A classification as values: the covering zones' feature ids in record order; the nearest site, or null. */
    public record Classified(List<String> zones, String site, double km) {}

    private PointClassifier(List<Drawn> zones, List<Drawn> sites) {
        this.zones = List.copyOf(zones);
        this.sites = List.copyOf(sites);
        this.zoneCells = ZoneCells.build(zones.stream().map(d -> d.version().geometry()).toList());
        Envelope extent = new Envelope();
        for (Drawn d : zones) extent.expandToInclude(d.version().geometry().getEnvelopeInternal());
        for (Drawn d : sites) extent.expandToInclude(d.version().geometry().getEnvelopeInternal());
        if (!extent.isNull()) extent.expandBy(SITE_GRID_MARGIN * extent.getWidth(), SITE_GRID_MARGIN * extent.getHeight());
        this.siteCells = SiteCells.build(sites.stream().map(d -> coordinates((Point) d.version().geometry())).toList(), extent);
        this.vertices = zones.stream().mapToInt(d -> d.version().geometry().getNumPoints()).sum();
    }

    /** The zones and heritage sites of the map valid on {@code asOf}, as known when the ledger held {@code size} entries. */
    public static PointClassifier build(MapBook map, LocalDate asOf, long size) {
        List<Drawn> sites = new ArrayList<>();
        for (Drawn d : map.layer(FeatureKind.POINT, null, asOf, size)) {
            if ("heritage_site".equals(d.feature().cls())) sites.add(d);
        }
        return new PointClassifier(map.layer(FeatureKind.ZONE, null, asOf, size), sites);
    }

    /** A fresh holder for {@link #classify(double, double, Classification)}; one per thread. */
    public Classification newClassification() {
        return new Classification(this, zones.size());
    }

    /** Classifies (lon, lat) into {@code into}, allocating nothing. */
    public void classify(double lon, double lat, Classification into) {
        if (Double.isNaN(lon) || Double.isNaN(lat)) throw new IllegalArgumentException("ordinates must not be NaN");
        into.zoneCount = zoneCells.covering(lon, lat, into.at, into.zones);
        into.site = siteCells.nearest(lon, lat, into.km);
    }

    /**
     * Only the zones covering (lon, lat), into {@code into}, allocating nothing; its nearest site is
     * left unset (null, NaN). For callers that need no distance.
     */
    public void classifyZones(double lon, double lat, Classification into) {
        if (Double.isNaN(lon) || Double.isNaN(lat)) throw new IllegalArgumentException("ordinates must not be NaN");
        into.zoneCount = zoneCells.covering(lon, lat, into.at, into.zones);
        into.site = -1;
        into.km[0] = Double.NaN;
    }

    public Classified classify(double lon, double lat) {
        Classification c = newClassification();
        classify(lon, lat, c);
        return new Classified(c.zones(), c.site(), c.km());
    }

    /** The zone versions classified against, in record order. */
    public List<Drawn> zones() {
        return zones;
    }

    /** The heritage sites measured to, in record order. */
    public List<Drawn> sites() {
        return sites;
    }

    /** The vertices of all the zones' geometries (rings closed, so the first vertex counts twice). */
    public int zoneVertices() {
        return vertices;
    }

    String zoneId(int zone) {
        return zones.get(zone).version().feature();
    }

    String siteId(int site) {
        return sites.get(site).version().feature();
    }

    private static double[] coordinates(Point p) {
        return new double[] {p.getX(), p.getY()};
    }
}
